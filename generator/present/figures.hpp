#pragma once
// A figure as printed (a number with its unit and bound, a text such as 開設,
// 集計中, ―) in one language: what a page, a sheet and a CSV cell all show.
#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace hyoka::present {

using model::Lang;

struct Figure {
  model::Value::Kind kind = model::Value::Kind::absent;
  // The parts of a number, so markup can wrap each: before + number + gap + unit + after.
  std::string before;  // "at least " (English bounds come first)
  std::string number;  // "17,500": digits as printed, grouped
  std::string gap;     // " " between an English number and its unit, else ""
  std::string unit;    // "件", "cases", "time" (singular for exactly 1), "%"
  std::string after;   // "以上" (Japanese bounds follow the unit)
  // What a reader sees: the parts joined, the text, 集計中 / Being tallied, ―; "" when absent.
  std::string text;
  // For machines (CSV, data attributes): the digits without grouping or unit,
  // with the bound words ("95.0以上", "at least 95.0"); else the text.
  std::string plain;
  bool fallback = false;  // a text shown in Japanese on an English page

  // Without the unit, for a table whose unit has a column of its own (単位):
  // "95.0以上", "at least 95.0"; a text, 集計中 or ― as `text`.
  std::string without_unit() const { return kind == model::Value::Kind::number ? before + number + after : text; }
};

Figure figure(const model::Plan& plan, const model::Value& value, std::string_view unit, Lang lang);

// A unit in a language: the plan's own English, else the built-in table
// (件 → cases), else the unit as written; `one` gives the singular (1 case).
std::string unit_name(const model::Plan& plan, std::string_view unit, Lang lang, bool one = false);

// 集計中 / Being tallied.
std::string pending(Lang lang);
// ― (none set), the same in both languages, as the plans print it.
std::string not_set();

}  // namespace hyoka::present
