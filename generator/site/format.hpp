#pragma once
// Formatting figures and texts for one page language: numbers with
// separators, fiscal years, values as printed, and texts with their
// fallback marker. Everything a template shows comes through here, so the
// rules for "how a figure looks" live in one place.
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "model/plan.hpp"

namespace hyoka::site {

using json = nlohmann::ordered_json;
using model::Lang;

// Builds a JSON object key by key, for the contexts made once per page: a
// braced initializer list makes every pair a two-element array first, which
// costs three allocations per key.
//
// Size it for every key the object will ever get: ordered_json keeps its
// members in a vector of pair<const string, json>, which cannot be moved,
// so an object that outgrows its capacity deep-copies all its members.
class Object {
 public:
  explicit Object(std::size_t keys) { items().reserve(keys); }
  // A copy of `base` with room for `more` keys.
  Object(const json& base, std::size_t more) : Object(base.size() + more) {
    for (const auto& [key, value] : base.items()) items().emplace_back(key, value);
  }
  Object&& operator()(std::string key, json value) && {
    items().emplace_back(std::move(key), std::move(value));
    return std::move(*this);
  }
  // For keys added in a loop.
  void add(std::string key, json value) { items().emplace_back(std::move(key), std::move(value)); }
  operator json() && { return std::move(json_); }

 private:
  json::object_t& items() { return json_.get_ref<json::object_t&>(); }
  json json_ = json::object();
};

// "1234.5" → "1,234.5" (the digits as printed, never re-rounded).
std::string format_decimal(const model::Decimal& number);

// 令和6年度（2024年度） / FY2024.
std::string fiscal_year_label(int year, Lang lang);
// 令和6年度 / FY2024: for table headers where space is short.
std::string fiscal_year_short(int year, Lang lang);
// {"year": 2024, "label": …, "short": …}
json year_json(int year, Lang lang);

// Converts model texts and values to template JSON in one language and
// remembers which texts fell back to Japanese (counted once per text).
class Localizer {
 public:
  Localizer(const model::Plan& plan, Lang lang) : plan_(plan), lang_(lang) {}

  Lang lang() const { return lang_; }
  // {"text": …, "fallback": bool}
  json text(const model::Text& text);
  // text(), or null when absent.
  json text(const std::optional<model::Text>& text);
  // Markdown commentary as {"html": …, "fallback": bool}, or null.
  json commentary(const model::Commentary& commentary, const std::string& id_prefix);
  // {"kind", "text", "fallback", "raw", "note"}: a figure as printed.
  json value(const model::Value& value);
  // The unit in this language (件 → cases).
  std::string unit(const std::string& unit) const { return plan_.unit_in(unit, lang_); }

  int fallback_count() const { return static_cast<int>(fallbacks_.size()); }

 private:
  bool note_fallback(const void* source, bool translated);

  const model::Plan& plan_;
  Lang lang_;
  std::set<const void*> fallbacks_;
};

}  // namespace hyoka::site
