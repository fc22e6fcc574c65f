#include <doctest/doctest.h>

#include <charconv>
#include <random>
#include <string>
#include <vector>

#include "site/chart.hpp"

using namespace hyoka::site;

namespace {
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

chart::Trend sample() {
  chart::Trend t;
  t.id = "trend-o3";
  t.title = "認知度の推移 <単位：%>";
  t.description = "令和6年度の実績は89.9%。";
  t.years = {2024, 2025, 2026};
  t.year_labels = {"令和6年度", "令和7年度", "令和8年度"};
  t.actual = {{2024, 89.9, "89.9"}};
  t.target = {{2024, 93.0, "93.0"}, {2025, 94.0, "94.0"}, {2026, 95.0, "95.0"}};
  t.baseline = 92.8;
  t.actual_name = "実績";
  t.target_name = "目標";
  t.baseline_name = "現況値";
  return t;
}
}  // namespace

TEST_CASE("trend chart: accessible SVG with title and description") {
  const std::string svg = chart::trend(sample());
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(has(svg, "role=\"img\""));
  CHECK(has(svg, "aria-labelledby=\"trend-o3-title trend-o3-desc\""));
  CHECK(has(svg, "<title id=\"trend-o3-title\">認知度の推移 &lt;単位：%&gt;</title>"));
  CHECK(has(svg, "<desc id=\"trend-o3-desc\">"));
  CHECK(has(svg, ">89.9</text>"));
  CHECK(has(svg, ">令和8年度</text>"));
  CHECK(has(svg, "chart-baseline"));
  CHECK_FALSE(has(svg, "nan"));
  CHECK(svg == chart::trend(sample()));  // deterministic
}

TEST_CASE("trend chart: degenerate data still draws") {
  chart::Trend t;
  t.id = "x";
  t.years = {2024};
  t.actual = {{2024, 0, "0"}};
  const std::string svg = chart::trend(t);
  CHECK_FALSE(has(svg, "nan"));
  CHECK_FALSE(has(svg, "inf"));
  CHECK(has(svg, "<circle"));
}

TEST_CASE("distribution bar: one segment per grade with counts, empty bar when nothing graded") {
  chart::Distribution d{"grades", "評価の分布", "Aが2件、Bが1件", {{"A", 2, "g0"}, {"B", 1, "g1"}, {"C", 0, "g2"}}};
  const std::string svg = chart::distribution(d);
  CHECK(has(svg, ">A 2</text>"));
  CHECK(has(svg, ">B 1</text>"));
  CHECK_FALSE(has(svg, ">C 0"));
  d.segments = {{"A", 0, "g0"}};
  CHECK(has(chart::distribution(d), "chart-empty"));
}

TEST_CASE("axis labels") {
  CHECK(chart::tick_label(1500, 500) == "1,500");
  CHECK(chart::tick_label(2.5, 0.5) == "2.5");
  CHECK(chart::tick_label(0, 25) == "0");
}

namespace {
// The y of the value label printing `text`, and of the point it belongs to.
double label_y(const std::string& svg, const std::string& text) {
  const auto end = svg.find("\">" + text + "</text>");
  REQUIRE(end != std::string::npos);
  const auto y = svg.rfind(" y=\"", end);
  return std::stod(svg.substr(y + 4));
}
double point_y(const std::string& svg, const std::string& text) {
  const auto label = svg.find("\">" + text + "</text>");
  const auto cy = svg.rfind("cy=\"", label);
  return std::stod(svg.substr(cy + 4));
}
}  // namespace

TEST_CASE("trend chart: close target and actual labels go on opposite sides") {
  const std::string svg = chart::trend(sample());  // 93.0 and 89.9 in FY2024: a few pixels apart
  CHECK(label_y(svg, "93.0") < point_y(svg, "93.0"));  // the upper one above
  CHECK(label_y(svg, "89.9") > point_y(svg, "89.9"));  // the lower one below
  CHECK(label_y(svg, "89.9") - label_y(svg, "93.0") > 30);
  CHECK(label_y(svg, "94.0") < point_y(svg, "94.0"));  // no actual that year: above
}

TEST_CASE("chart coordinates: the same digits as to_chars(fixed, 2), ties included") {
  auto exact = [](double v) {
    char buf[64];
    std::string s(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2).ptr);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? std::string("0") : s;
  };
  std::vector<double> values = {0, -0.0, 44, 116.16, 0.125, 0.375, 1.005, 2.675, -2.675, 1e-9, -1e-9, 0.004999,
                                -0.005, 276, 99.995, 1e14 + 0.125, 1e16, -1e17, 640};
  std::mt19937_64 random(20261121);
  std::uniform_real_distribution<double> span(-1e6, 1e6);
  for (int i = 0; i < 200000; ++i) values.push_back(span(random));
  for (int i = 0; i < 20000; ++i) values.push_back(static_cast<double>(random() % 100000) / 1000.0 + 0.005);  // near ties
  for (double v : values) {
    CAPTURE(v);
    CHECK(chart::coordinate(v) == exact(v));
  }
}

TEST_CASE("distribution bar: a lone D is still a visible, patterned segment; narrow segments carry no label") {
  chart::Distribution d{"g", "t", "d", {{"A", 33, "g0"}, {"B", 23, "g1"}, {"C", 8, "g2"}, {"D", 1, "g3"}}};
  const auto shares = chart::segment_shares(d.segments, 65, 3);
  CHECK(shares[3] == doctest::Approx(3));  // 1 of 65 would be 1.5%
  CHECK(shares[0] + shares[1] + shares[2] + shares[3] == doctest::Approx(100));
  CHECK(shares[0] / shares[1] == doctest::Approx(33.0 / 23.0));  // the others keep their proportions
  const std::string svg = chart::distribution(d);
  CHECK(has(svg, "width=\"100%\""));        // drawn in percent: the text keeps its CSS size
  CHECK_FALSE(has(svg, "viewBox"));
  CHECK(has(svg, "fill=\"url(#g-g3)\""));   // D hatched, C dotted, B striped; A plain
  CHECK(has(svg, "fill=\"url(#g-g2)\""));
  CHECK(has(svg, "fill=\"url(#g-g1)\""));
  CHECK_FALSE(has(svg, "url(#g-g0)"));
  CHECK(has(svg, ">C 8</text>"));
  CHECK_FALSE(has(svg, ">D 1</text>"));      // 3%: named in the key the page prints under the bar
}

TEST_CASE("trend chart: the unit over the y axis") {
  chart::Trend t;
  t.id = "u";
  t.years = {2024, 2027};
  t.year_labels = {"2024", "2027"};
  t.target = {{2024, 10, "10"}, {2027, 20, "20"}};
  t.target_name = "目標";
  t.unit_label = "単位：％";
  CHECK(has(chart::trend(t), "<text class=\"chart-unit\" x=\"4\" y=\"20\">単位：％</text>"));
}
