#include "site/chart.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "present/escape.hpp"

namespace hyoka::site::chart {
namespace {

// Drawn at about the width a phone gives it (340 CSS px at 390 px), so the
// 16-unit text stays at least 12 CSS px there (tests/browser checks it).
constexpr double width = 440, height = 300;
constexpr double left = 60, right = 16, top = 40, bottom = 72;

std::string num(double v) { return coordinate(v); }

// A 1-2-5 step giving about four intervals up to `max`.
double nice_step(double max) {
  if (max <= 0) return 1;
  const double raw = max / 4;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

std::string svg_open(const std::string& id, const std::string& title, const std::string& desc, double h) {
  return "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " + num(h) +
         "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n<title id=\"" + id + "-title\">" +
         present::escape_html(title) + "</title>\n<desc id=\"" + id + "-desc\">" + present::escape_html(desc) + "</desc>\n";
}

struct Scale {
  double min_value = 0, max_value = 1, step = 1;
  std::size_t count = 1;
  double x(std::size_t i) const {
    const double inner = width - left - right;
    return count == 1 ? left + inner / 2 : left + inner * (0.06 + 0.88 * static_cast<double>(i) / (count - 1));
  }
  double y(double v) const { return top + (height - top - bottom) * (1 - (v - min_value) / (max_value - min_value)); }
};

Scale make_scale(const Trend& chart) {
  double lo = 0, hi = 0;
  auto take = [&](double v) { lo = std::min(lo, v); hi = std::max(hi, v); };
  for (const auto& p : chart.actual) take(p.value);
  for (const auto& p : chart.target) take(p.value);
  if (chart.baseline) take(*chart.baseline);
  Scale s;
  s.step = nice_step(std::max(hi - lo, 1e-9));
  s.min_value = std::floor(lo / s.step) * s.step;
  s.max_value = std::max(s.min_value + s.step, std::ceil(hi * 1.05 / s.step) * s.step);
  s.count = std::max<std::size_t>(chart.years.size(), 1);
  return s;
}

std::string axes(const Trend& chart, const Scale& s) {
  std::string out = "<g class=\"chart-grid\">\n";
  for (double v = s.min_value; v <= s.max_value + s.step / 2; v += s.step) {
    out += "<line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" + num(s.y(v)) + "\" y2=\"" +
           num(s.y(v)) + "\"/>\n<text class=\"chart-tick\" x=\"" + num(left - 8) + "\" y=\"" + num(s.y(v) + 4) +
           "\" text-anchor=\"end\">" + present::escape_html(tick_label(v, s.step)) + "</text>\n";
  }
  for (std::size_t i = 0; i < chart.years.size(); ++i) {
    const std::string label = i < chart.year_labels.size() ? chart.year_labels[i] : std::to_string(chart.years[i]);
    out += "<text class=\"chart-tick\" x=\"" + num(s.x(i)) + "\" y=\"" + num(height - bottom + 22) +
           "\" text-anchor=\"middle\">" + present::escape_html(label) + "</text>\n";
  }
  if (!chart.unit_label.empty())
    out += "<text class=\"chart-unit\" x=\"4\" y=\"20\">" + present::escape_html(chart.unit_label) + "</text>\n";
  return out + "</g>\n";
}

std::size_t index_of(const Trend& chart, int year) {
  return static_cast<std::size_t>(std::find(chart.years.begin(), chart.years.end(), year) - chart.years.begin());
}

// A value's label sits above its point, unless the other series has a point
// of the same year close by: then the lower of the two puts its label below,
// so 93.0 and 89.9 do not print over each other (`below_on_tie`: which one
// goes below when both are at the same height).
double label_y(const Scale& s, const Point& p, const std::vector<Point>& other, bool below_on_tie) {
  const double y = s.y(p.value);
  for (const auto& o : other) {
    if (o.year != p.year) continue;
    const double oy = s.y(o.value);
    const bool lower = y > oy || (y == oy && below_on_tie);
    if (std::abs(y - oy) < 18 && lower) return y + 22;
  }
  return y - 10;
}

std::string series(const Trend& chart, const Scale& s, const std::vector<Point>& points, const std::vector<Point>& other,
                   const std::string& cls, bool below_on_tie) {
  if (points.empty()) return {};
  std::string path, marks;
  for (const auto& p : points) {
    const std::size_t i = index_of(chart, p.year);
    if (i >= chart.years.size()) continue;
    const std::string x = num(s.x(i)), y = num(s.y(p.value));
    path += (path.empty() ? "M" : " L") + x + " " + y;
    marks += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"5\"/>\n<text class=\"chart-value\" x=\"" + x +
             "\" y=\"" + num(label_y(s, p, other, below_on_tie)) + "\" text-anchor=\"middle\">" + present::escape_html(p.label) +
             "</text>\n";
  }
  return "<g class=\"" + cls + "\">\n<path d=\"" + path + "\"/>\n" + marks + "</g>\n";
}

std::string baseline(const Trend& chart, const Scale& s) {
  if (!chart.baseline) return {};
  const std::string y = num(s.y(*chart.baseline));
  return "<g class=\"chart-baseline\"><line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" + y +
         "\" y2=\"" + y + "\"/></g>\n";
}

std::string legend(const Trend& chart) {
  struct Item { const std::string* name; const char* cls; bool shown; };
  const Item items[] = {{&chart.actual_name, "chart-actual", !chart.actual.empty()},
                        {&chart.target_name, "chart-target", !chart.target.empty()},
                        {&chart.baseline_name, "chart-baseline", chart.baseline.has_value()}};
  std::string out = "<g class=\"chart-legend\">\n";
  double x = left;
  for (const auto& item : items) {
    if (!item.shown) continue;
    const double y = height - 16;
    out += "<g class=\"" + std::string(item.cls) + "\"><line x1=\"" + num(x) + "\" x2=\"" + num(x + 24) + "\" y1=\"" +
           num(y - 5) + "\" y2=\"" + num(y - 5) + "\"/></g><text x=\"" + num(x + 30) + "\" y=\"" + num(y) + "\">" +
           present::escape_html(*item.name) + "</text>\n";
    // Rough text width at the legend's 16px: a UTF-8 byte is ~5.5px in CJK, ~8.5px in Latin.
    x += 50 + 8.5 * static_cast<double>(item.name->size());
  }
  return out + "</g>\n";
}

// g1 stripes, g2 dots, g3 cross-hatching; g0 (the best grade) stays plain.
bool has_pattern(const std::string& css_class) { return css_class == "g1" || css_class == "g2" || css_class == "g3"; }

std::string patterns(const std::string& id) {
  auto pattern = [&](const char* cls, const char* transform, const std::string& body) {
    return "<pattern id=\"" + id + "-" + cls + "\" class=\"" + cls + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"" +
           (*transform ? std::string(" patternTransform=\"") + transform + "\"" : std::string()) + ">" + body + "</pattern>";
  };
  return "<defs>" + pattern("g1", "rotate(45)", "<line class=\"bar-pattern\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\"/>") +
         pattern("g2", "", "<circle class=\"bar-dots\" cx=\"4\" cy=\"4\" r=\"1.6\"/>") +
         pattern("g3", "rotate(45)", "<line class=\"bar-pattern\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\"/><line class=\"bar-pattern\" x1=\"0\" y1=\"0\" x2=\"8\" y2=\"0\"/>") +
         "</defs>\n";
}

}  // namespace

// Each segment's share of the bar in percent: its count's, but at least
// `min_share` for any non-empty one (a lone D of 65 would be a 1.5% sliver),
// the others narrowed in proportion to make room.
std::vector<double> segment_shares(const std::vector<Segment>& segments, int total, double min_share) {
  std::vector<double> shares(segments.size(), 0.0);
  if (total <= 0) return shares;
  double reserved = 0, rest = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].count <= 0) continue;
    const double share = 100.0 * segments[i].count / total;
    if (share < min_share) reserved += min_share;
    else rest += share;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].count <= 0) continue;
    const double share = 100.0 * segments[i].count / total;
    shares[i] = share < min_share ? min_share : share * (100.0 - reserved) / rest;
  }
  return shares;
}

// Fixed two decimals keep the SVG byte-identical across runs and platforms.
// The same digits as std::to_chars(fixed, 2), which rounds the exact binary
// value; that is slow, and only needed when v × 100 is next to a tie.
std::string coordinate(double v) {
  char buf[64];
  char* end;
  const double hundredths = v * 100;
  const double fraction = std::abs(hundredths - std::trunc(hundredths));
  if (std::abs(hundredths) < 1e15 && std::abs(fraction - 0.5) > 1e-6) {
    const long long n = std::llround(hundredths);
    const long long cents = std::llabs(n) % 100;
    end = buf;
    if (n < 0) *end++ = '-';
    end = std::to_chars(end, buf + sizeof buf, std::llabs(n) / 100).ptr;
    *end++ = '.';
    *end++ = static_cast<char>('0' + cents / 10);
    *end++ = static_cast<char>('0' + cents % 10);
  } else {
    end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2).ptr;
  }
  while (end[-1] == '0') --end;
  if (end[-1] == '.') --end;
  const std::string_view digits(buf, static_cast<std::size_t>(end - buf));
  return digits == "-0" ? "0" : std::string(digits);
}

std::string tick_label(double value, double step) {
  const bool fractional = step < 1 || std::fmod(step, 1.0) != 0;
  char buf[40];
  std::snprintf(buf, sizeof buf, fractional ? "%.1f" : "%.0f", std::abs(value) < 1e-9 ? 0.0 : value);
  std::string digits = buf;
  const bool negative = digits.front() == '-';
  if (negative) digits.erase(0, 1);
  const std::size_t point = std::min(digits.find('.'), digits.size());
  for (std::size_t i = point; i > 3; i -= 3) digits.insert(i - 3, ",");
  return negative ? "-" + digits : digits;
}

std::string trend(const Trend& chart) {
  const Scale s = make_scale(chart);
  return svg_open(chart.id, chart.title, chart.description, height) + axes(chart, s) + baseline(chart, s) +
         series(chart, s, chart.target, chart.actual, "chart-target", false) +
         series(chart, s, chart.actual, chart.target, "chart-actual", true) +
         legend(chart) + "</svg>";
}

// The bar is drawn in percentages of its width (no viewBox), so its text
// keeps its CSS size at every width. Every non-empty segment is at least
// min_share wide and carries its grade's pattern; a segment too narrow for
// its label is named in the key the page prints under the bar.
std::string distribution(const Distribution& chart) {
  constexpr double bar_top = 2, bar_h = 40, min_share = 3, label_share = 12;
  int total = 0;
  for (const auto& seg : chart.segments) total += seg.count;
  std::vector<double> shares = segment_shares(chart.segments, total, min_share);
  std::string out = "<svg class=\"chart grade-bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"44\" role=\"img\" aria-labelledby=\"" +
                    chart.id + "-title " + chart.id + "-desc\">\n<title id=\"" + chart.id + "-title\">" +
                    present::escape_html(chart.title) + "</title>\n<desc id=\"" + chart.id + "-desc\">" +
                    present::escape_html(chart.description) + "</desc>\n" + patterns(chart.id);
  double x = 0;
  for (std::size_t i = 0; i < chart.segments.size(); ++i) {
    const auto& seg = chart.segments[i];
    if (shares[i] <= 0) continue;
    const std::string cls = present::escape_html(seg.css_class), at = num(x) + "%", w = num(shares[i]) + "%";
    out += "<g class=\"" + cls + "\"><rect class=\"seg\" x=\"" + at + "\" y=\"" + num(bar_top) + "\" width=\"" + w +
           "\" height=\"" + num(bar_h) + "\"/>";
    if (has_pattern(seg.css_class))
      out += "<rect x=\"" + at + "\" y=\"" + num(bar_top) + "\" width=\"" + w + "\" height=\"" + num(bar_h) +
             "\" fill=\"url(#" + chart.id + "-" + cls + ")\"/>";
    if (shares[i] >= label_share)
      out += "<text class=\"bar-label\" x=\"" + num(x + shares[i] / 2) + "%\" y=\"" + num(bar_top + bar_h / 2 + 5) +
             "\" text-anchor=\"middle\">" + present::escape_html(seg.label) + " " + std::to_string(seg.count) + "</text>";
    out += "</g>\n";
    if (x > 0) out += "<rect class=\"bar-gap\" x=\"" + at + "\" y=\"0\" width=\"2\" height=\"44\"/>\n";
    x += shares[i];
  }
  if (total == 0)
    out += "<rect class=\"chart-empty\" x=\"0\" y=\"" + num(bar_top) + "\" width=\"100%\" height=\"" + num(bar_h) + "\"/>\n";
  return out + "</svg>";
}

}  // namespace hyoka::site::chart
