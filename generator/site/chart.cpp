#include "site/chart.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "present/escape.hpp"

namespace hyoka::site::chart {
namespace {

constexpr double width = 640, height = 320;
constexpr double left = 84, right = 20, top = 44, bottom = 44;

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
    out += "<text class=\"chart-tick\" x=\"" + num(s.x(i)) + "\" y=\"" + num(height - bottom + 20) +
           "\" text-anchor=\"middle\">" + present::escape_html(label) + "</text>\n";
  }
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
    out += "<g class=\"" + std::string(item.cls) + "\"><line x1=\"" + num(x) + "\" x2=\"" + num(x + 24) +
           "\" y1=\"16\" y2=\"16\"/></g><text x=\"" + num(x + 30) + "\" y=\"22\">" + present::escape_html(*item.name) + "</text>\n";
    // Rough text width at the legend's 17px: a UTF-8 byte is ~6px in CJK, ~9px in Latin.
    x += 56 + 9.0 * static_cast<double>(item.name->size());
  }
  return out + "</g>\n";
}

}  // namespace

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

std::string distribution(const Distribution& chart) {
  constexpr double bar_h = 36, h = 64, inner = width - 2;
  int total = 0;
  for (const auto& seg : chart.segments) total += seg.count;
  std::string out = svg_open(chart.id, chart.title, chart.description, h);
  double x = 1;
  for (const auto& seg : chart.segments) {
    if (seg.count == 0 || total == 0) continue;
    const double w = inner * seg.count / total;
    out += "<g class=\"" + present::escape_html(seg.css_class) + "\"><rect x=\"" + num(x) + "\" y=\"14\" width=\"" + num(w) +
           "\" height=\"" + num(bar_h) + "\"/>";
    if (w >= 28)
      out += "<text class=\"bar-label\" x=\"" + num(x + w / 2) + "\" y=\"" + num(14 + bar_h / 2 + 5) + "\" text-anchor=\"middle\">" +
             present::escape_html(seg.label) + " " + std::to_string(seg.count) + "</text>";
    out += "</g>\n";
    x += w;
  }
  if (total == 0)
    out += "<rect class=\"chart-empty\" x=\"1\" y=\"14\" width=\"" + num(inner) + "\" height=\"" + num(bar_h) + "\"/>\n";
  return out + "</svg>";
}

}  // namespace hyoka::site::chart
