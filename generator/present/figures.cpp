#include "present/figures.hpp"

#include <map>

#include "present/numbers.hpp"

namespace hyoka::present {
namespace {

using Kind = model::Value::Kind;

// English for the units Japanese plans use most; a plan's own `units` table wins.
const std::map<std::string, std::string, std::less<>>& builtin_units() {
  static const std::map<std::string, std::string, std::less<>> table{
      {"件", "cases"},   {"人", "people"},     {"名", "people"},    {"回", "times"},
      {"箇所", "sites"}, {"か所", "sites"},    {"部", "copies"},    {"食", "meals"},
      {"機関", "organizations"}, {"所", "facilities"}, {"％", "%"}, {"%", "%"},
      {"団体", "groups"}, {"事業所", "providers"}, {"施設", "facilities"}, {"校", "schools"},
      {"世帯", "households"}, {"日", "days"}, {"時間", "hours"}, {"台", "units"},
  };
  return table;
}

// The singular of the English units plans use ("1 time", "1 person"); a unit
// not listed reads the same for one.
const std::map<std::string, std::string, std::less<>>& singulars() {
  static const std::map<std::string, std::string, std::less<>> table{
      {"people", "person"}, {"persons", "person"}, {"times", "time"}, {"cases", "case"},
      {"locations", "location"}, {"groups", "group"}, {"districts", "district"}, {"programs", "program"},
      {"businesses", "business"}, {"facilities", "facility"}, {"organizations", "organization"},
      {"themes", "theme"}, {"stores", "store"}, {"hospitals", "hospital"}, {"establishments", "establishment"},
      {"copies", "copy"}, {"service providers", "service provider"}, {"providers", "provider"},
      {"initiatives", "initiative"}, {"meals", "meal"}, {"sites", "site"}, {"places", "place"},
      {"sessions", "session"}, {"households", "household"}, {"children", "child"}, {"schools", "school"},
      {"days", "day"}, {"hours", "hour"}, {"units", "unit"},
  };
  return table;
}

template <typename Map>
std::string lookup(const Map& map, std::string_view key, std::string_view otherwise) {
  auto it = map.find(std::string(key));
  return std::string(it == map.end() ? otherwise : std::string_view(it->second));
}

bool is_percent(std::string_view unit) { return unit == "%" || unit == "％"; }

// Exactly 1 as printed ("1", not "1.0"): the only figure English counts as one.
bool is_one(const model::Decimal& number) { return number.units == 1 && number.scale == 0; }

void number_parts(Figure& f, const model::Plan& plan, const model::Value& value, std::string_view unit, Lang lang) {
  f.number = grouped(value.number);
  f.unit = unit_name(plan, unit, lang, is_one(value.number));
  f.gap = lang == Lang::en && !f.unit.empty() && !is_percent(f.unit) ? " " : "";
  if (value.bound != model::Bound::none) {
    const bool least = value.bound == model::Bound::at_least;
    if (lang == Lang::ja) f.after = least ? "以上" : "以下";
    else f.before = least ? "at least " : "at most ";
  }
  f.text = f.before + f.number + f.gap + f.unit + f.after;
  f.plain = f.before + value.number.to_string() + f.after;
}

}  // namespace

std::string unit_name(const model::Plan& plan, std::string_view unit, Lang lang, bool one) {
  if (lang == Lang::ja || unit.empty()) return std::string(unit);
  std::string english = lookup(plan.units, unit, lookup(builtin_units(), unit, unit));
  return one ? lookup(singulars(), english, english) : english;
}

std::string pending(Lang lang) { return lang == Lang::ja ? "集計中" : "Being tallied"; }

std::string not_set() { return "―"; }

Figure figure(const model::Plan& plan, const model::Value& value, std::string_view unit, Lang lang) {
  Figure f;
  f.kind = value.kind;
  switch (value.kind) {
    case Kind::absent: break;
    case Kind::number: number_parts(f, plan, value, unit, lang); break;
    case Kind::text:
      f.text = value.text.in(lang);
      f.fallback = !value.text.translated(lang);
      break;
    case Kind::pending: f.text = pending(lang); break;
    case Kind::none: f.text = not_set(); break;
  }
  if (value.kind != Kind::number) f.plain = f.text;
  return f;
}

}  // namespace hyoka::present
