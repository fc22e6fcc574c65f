#pragma once
// Model texts and figures as template JSON for one page language. How a
// figure reads is decided by hyoka_present (the same words on pages, sheets
// and downloads); this file only gives it the shape templates expect.
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "model/plan.hpp"

namespace hyoka::site {

using json = nlohmann::ordered_json;
using model::Lang;

// Builds a JSON object key by key, for the contexts made once per page (a
// braced initializer list makes every pair a two-element array first).
//
// ordered_json keeps its members in a vector of pair<const string, json>:
// a vector that grows copies every member deeply, since a const key cannot
// be moved. This builder grows the vector itself, moving each value and
// copying only its key, so no object has to be sized in advance.
class Object {
 public:
  Object() = default;
  // Continues an existing object (a summary the page adds its own keys to).
  explicit Object(json base);
  Object&& operator()(std::string key, json value) && {
    add(std::move(key), std::move(value));
    return std::move(*this);
  }
  void add(std::string key, json value);
  operator json() && { return std::move(json_); }

 private:
  json::object_t& items() { return json_.get_ref<json::object_t&>(); }
  json json_ = json::object();
};

// The text without its ※ marks (※1, ※２): lists that gather names from many
// policies show them bare, since ※1 means another note in each policy; the
// item's own page explains its marks.
std::string without_note_marks(std::string_view text);

// {"year": 2024, "label": 令和6年度（2024年度） / FY2024, "short": 令和6年度 / FY2024}
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
  // A figure as printed, with its unit: {"kind", "text", "before", "number",
  // "gap", "unit", "after", "fallback", "raw", "note"} (see present::Figure).
  json value(const model::Value& value, const std::string& unit = {});
  // The unit in this language (件 → cases).
  std::string unit(const std::string& unit) const;

  int fallback_count() const { return static_cast<int>(fallbacks_.size()); }

 private:
  bool note_fallback(const void* source, bool translated);

  const model::Plan& plan_;
  Lang lang_;
  std::set<const void*> fallbacks_;
};

}  // namespace hyoka::site
