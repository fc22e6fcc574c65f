#include "site/filters.hpp"

#include <cmath>
#include <cstdio>

#include "evaluate/rate.hpp"
#include "present/numbers.hpp"
#include "present/placeholders.hpp"
#include "present/years.hpp"
#include "template/params.hpp"
#include "template/python.hpp"
#include "template/renderer.hpp"
#include "template/utf8.hpp"

namespace hyoka::site {
namespace {

using model::Decimal;
using tmpl::CallArgs;
using tmpl::FilterContext;
using tmpl::Params;
using tmpl::RenderError;
using tmpl::Value;

// A template number as the exact decimal it prints as (96.666 is 96.666, not
// the binary fraction nearest to it), so rounding is the README's, not the FPU's.
Decimal decimal_of(FilterContext& c, const Value& in, const char* filter) {
  c.renderer.use(in);
  std::optional<Decimal> decimal;
  if (in.is_int() || in.is_bool()) decimal = Decimal{in.as_int(), 0};
  else if (in.is_float() && std::isfinite(in.as_double())) decimal = Decimal::parse(tmpl::py_str(in));
  else if (in.is_string()) decimal = Decimal::parse(in.str());
  if (!decimal) throw RenderError(std::string(filter) + ": expected a number of at most 15 significant digits, got " + tmpl::py_repr(in));
  return *decimal;
}

Decimal rounded(const Decimal& value, std::int64_t decimals, const char* filter) {
  const int places = static_cast<int>(std::clamp<std::int64_t>(decimals, 0, 6));
  auto out = evaluate::rounded(value, model::Rounding{places, model::RoundingMode::half_up, true});
  if (!out) throw RenderError(std::string(filter) + ": the number is too large to round exactly");
  return *out;
}

int year_of(FilterContext& c, const Value& in, const char* filter) {
  const Decimal year = decimal_of(c, in, filter);
  if (year.scale != 0 || year.units < 1 || year.units > 9999) throw RenderError(std::string(filter) + ": expected a year");
  return static_cast<int>(year.units);
}

model::Lang lang_of(FilterContext& c, const Params& p, std::size_t at, const char* filter) {
  const std::string lang = p.has(at) ? c.renderer.str(p.get(at, Value())) : "ja";
  if (lang != "ja" && lang != "en") throw RenderError(std::string(filter) + ": unknown language '" + lang + "'");
  return lang == "en" ? model::Lang::en : model::Lang::ja;
}

// 1234567 → "1,234,567"; 1234.5 → "1,234.5"; number(2): 1234.5 → "1,234.50"
Value f_number(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"decimals"}, "number");
  if (in.is_none() || in.is_undefined()) {
    c.renderer.use(in);
    return Value("");
  }
  Decimal number = decimal_of(c, in, "number");
  if (const Value* decimals = p.opt(0)) number = rounded(number, decimals->as_int(), "number");
  else if (number.scale == 1 && number.units % 10 == 0) number = Decimal{number.units / 10, 0};  // 1000.0 → 1,000
  return Value(present::grouped(number));
}

// 96.666 → "96.7%"; percent(0) → "97%". The value already is a percentage.
Value f_percent(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"n"}, "percent");
  return Value(present::percent(rounded(decimal_of(c, in, "percent"), p.get_or(0, Value(1)).as_int(), "percent")));
}

Value f_era_year(FilterContext& c, const Value& in, const CallArgs&) {
  return Value(present::era_year(year_of(c, in, "era_year")));
}

Value f_fy(FilterContext& c, const Value& in, const CallArgs&) {
  return Value(present::fiscal_year_short(year_of(c, in, "fy"), model::Lang::en));
}

Value f_fiscal_year(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"lang"}, "fiscal_year");
  const model::Lang lang = lang_of(c, p, 0, "fiscal_year");
  return Value(present::fiscal_year(year_of(c, in, "fiscal_year"), lang));
}

// Grade label → CSS class: ASCII letters/digits lowercase ("A" → "grade-a"),
// anything else as the hex code point ("◎" → "grade-x25ce").
Value f_grade_class(FilterContext& c, const Value& in, const CallArgs&) {
  std::string s = c.renderer.str(in), out = "grade-";
  if (s.empty()) return Value("grade-none");
  for (std::size_t i = 0; i < s.size();) {
    char32_t ch = tmpl::utf8::next(s, i);
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

// {{ 'nav.home' | t }} → i18n["nav"]["home"]; t(n=3) fills "{n}" as every UI string is filled.
Value f_t(FilterContext& c, const Value& in, const CallArgs& a) {
  std::string key = c.renderer.str(in);
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
  if (a.kw.empty()) return node;
  std::vector<present::Arg> args;
  args.reserve(a.kw.size());
  for (const auto& [name, value] : a.kw) args.emplace_back(name, tmpl::py_str(value));
  return Value(present::fill(node.str(), args));
}

// A CSS string literal ("…") for print headers in an inline <style>: HTML
// entities mean nothing there, so quotes, backslashes, line breaks and the
// characters that could end the element (<, >, &) are written as CSS escapes.
Value f_css_string(FilterContext& c, const Value& in, const CallArgs&) {
  const std::string s = c.renderer.str(in);
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\' || ch == '<' || ch == '>' || ch == '&' || ch == '\n' || ch == '\r') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", static_cast<unsigned char>(ch));
      out += buf;
    } else {
      out += ch;
    }
  }
  return Value::markup(out + "\"");  // already safe inside <style>: nothing left for HTML escaping to do
}

}  // namespace

void add_template_filters(tmpl::Environment& environment) {
  environment.add_filter("number", f_number);
  environment.add_filter("percent", f_percent);
  environment.add_filter("era_year", f_era_year);
  environment.add_filter("fy", f_fy);
  environment.add_filter("fiscal_year", f_fiscal_year);
  environment.add_filter("grade_class", f_grade_class);
  environment.add_filter("t", f_t);
  environment.add_filter("css_string", f_css_string);
}

}  // namespace hyoka::site
