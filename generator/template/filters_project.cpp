// Project filters for the city reports (documented in README.md):
// number, percent, era_year, fy, fiscal_year, grade_class, t.
#include <cmath>
#include <cstdio>

#include "template/filter_util.hpp"
#include "template/format.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

double number_of(FilterContext& c, const Value& in, const char* filter) {
  c.renderer.use(in);
  if (in.is_number()) return in.as_double();
  if (in.is_string()) {
    char* end = nullptr;
    std::string s(in.str());
    double d = std::strtod(s.c_str(), &end);
    if (end && *end == '\0' && !s.empty()) return d;
  }
  throw RenderError(std::string(filter) + ": expected a number, got " + type_name(in));
}

std::int64_t year_of(FilterContext& c, const Value& in, const char* filter) {
  double d = number_of(c, in, filter);
  if (d != std::floor(d)) throw RenderError(std::string(filter) + ": expected a whole year");
  return to_int64(d);
}

// 1234567 -> "1,234,567"; 1234.5 -> "1,234.5"; number(2): 1234.5 -> "1,234.50"
Value f_number(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"decimals"}, "number");
  if (in.is_none() || in.is_undefined()) {
    c.renderer.use(in);
    return Value("");
  }
  double d = number_of(c, in, "number");
  std::string text;
  if (p.has(0) && !p.get(0, Value()).is_none()) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", int(p.get(0, Value()).as_int()), d);
    text = buf;
  } else if (in.is_int() || in.is_bool()) {
    text = std::to_string(in.as_int());
  } else {
    text = format_float(d);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
  }
  return Value(group_digits(text, ','));
}

// 96.666 -> "96.7%"; percent(0) -> "97%". The value already is a percentage.
Value f_percent(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"n"}, "percent");
  double d = number_of(c, in, "percent");
  int n = int(p.get_or(0, Value(1)).as_int());
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f%%", n < 0 ? 0 : n, d);
  return Value(std::string(buf));
}

std::string era_text(std::int64_t year) {
  // Fiscal years are named after the era their April falls in.
  if (year >= 2019) return year == 2019 ? "令和元年度" : "令和" + std::to_string(year - 2018) + "年度";
  if (year >= 1989) return year == 1989 ? "平成元年度" : "平成" + std::to_string(year - 1988) + "年度";
  throw RenderError("era_year: years before 1989 are not supported");
}

Value f_era_year(FilterContext& c, const Value& in, const CallArgs&) { return Value(era_text(year_of(c, in, "era_year"))); }

Value f_fy(FilterContext& c, const Value& in, const CallArgs&) {
  return Value("FY" + std::to_string(year_of(c, in, "fy")));
}

Value f_fiscal_year(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"lang"}, "fiscal_year");
  std::string lang = p.has(0) ? sstr(c, p.get(0, Value())) : "ja";
  std::int64_t y = year_of(c, in, "fiscal_year");
  if (lang == "en") return Value("FY" + std::to_string(y));
  if (lang != "ja") throw RenderError("fiscal_year: unknown language '" + lang + "'");
  return Value(era_text(y) + "（" + std::to_string(y) + "年度）");
}

// Grade label -> CSS class: ASCII letters/digits lowercase ("A" -> "grade-a"),
// anything else as the hex code point ("◎" -> "grade-x25ce").
Value f_grade_class(FilterContext& c, const Value& in, const CallArgs&) {
  std::string s = sstr(c, in), out = "grade-";
  if (s.empty()) return Value("grade-none");
  for (std::size_t i = 0; i < s.size();) {
    char32_t ch = utf8::next(s, i);
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_') {
      out += char(ch);
    } else if (ch >= 'A' && ch <= 'Z') {
      out += char(ch + 32);
    } else if (ch == '+') {
      out += "plus";
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "x%x", unsigned(ch));
      out += buf;
    }
  }
  return Value(std::move(out));
}

// {{ 'nav.home' | t }} -> i18n["nav"]["home"]; t(n=3) fills "{n}".
Value f_t(FilterContext& c, const Value& in, const CallArgs& a) {
  std::string key = sstr(c, in);
  Value node = c.renderer.lookup("i18n");
  std::size_t start = 0;
  while (node.is_dict()) {
    std::size_t dot = key.find('.', start);
    node = node.dict_get(std::string_view(key).substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (!node.is_string()) {
    if (c.renderer.strict()) throw RenderError("missing translation '" + key + "'");
    return Value(key);
  }
  if (a.kw.empty() && a.pos.empty()) return node;
  std::string msg(node.str());
  for (const auto& [name, value] : a.kw) {
    std::string placeholder(1, '{');
    placeholder.append(name).push_back('}');
    std::string text = py_str(value);
    for (std::size_t k = msg.find(placeholder); k != std::string::npos; k = msg.find(placeholder, k + text.size()))
      msg.replace(k, placeholder.size(), text);
  }
  return Value(std::move(msg));
}

}  // namespace

void add_project_filters(FilterTable& t) {
  t.insert(t.end(), {
      {"number", f_number}, {"percent", f_percent}, {"era_year", f_era_year}, {"fy", f_fy},
      {"fiscal_year", f_fiscal_year}, {"grade_class", f_grade_class}, {"t", f_t},
  });
}

}  // namespace hyoka::tmpl
