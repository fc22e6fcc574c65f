#include "site/format.hpp"

#include "markdown/markdown.hpp"
#include "present/figures.hpp"
#include "present/years.hpp"

namespace hyoka::site {

Object::Object(json base) : json_(std::move(base)) {
  if (!json_.is_object()) json_ = json::object();
}

void Object::add(std::string key, json value) {
  auto& members = items();
  if (members.size() == members.capacity()) {
    json::object_t larger;
    larger.reserve(members.empty() ? 8 : 2 * members.size());
    for (auto& [name, member] : members) larger.emplace_back(name, std::move(member));
    members.swap(larger);
  }
  members.emplace_back(std::move(key), std::move(value));
}

std::string without_note_marks(std::string_view text) {
  static constexpr std::string_view mark = "※";
  auto digit_at = [&](std::size_t i) -> std::size_t {  // the length of a digit at i (1 or 3 bytes), or 0
    if (i < text.size() && text[i] >= '0' && text[i] <= '9') return 1;
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBC &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99)
      return 3;
    return 0;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, mark.size()) == mark && digit_at(i + mark.size())) {
      i += mark.size();
      while (std::size_t n = digit_at(i)) i += n;
      continue;
    }
    out += text[i++];
  }
  return out;
}

json year_json(int year, Lang lang) {
  return Object()("year", year)("label", present::fiscal_year(year, lang))("short", present::fiscal_year_short(year, lang));
}

bool Localizer::note_fallback(const void* source, bool translated) {
  if (!translated) fallbacks_.insert(source);
  return !translated;
}

json Localizer::text(const model::Text& text) {
  const bool fallback = note_fallback(&text, text.translated(lang_));
  return Object()("text", text.in(lang_))("fallback", fallback);
}

json Localizer::text(const std::optional<model::Text>& text) {
  return text ? this->text(*text) : json(nullptr);
}

std::string Localizer::unit(const std::string& unit) const { return present::unit_name(plan_, unit, lang_); }

json Localizer::commentary(const model::Commentary& commentary, const std::string& id_prefix) {
  const bool english = lang_ == Lang::en && commentary.en;
  const std::optional<std::string>& source = english ? commentary.en : commentary.ja;
  if (!source) return nullptr;
  const bool fallback = note_fallback(&commentary, lang_ == Lang::ja || english);
  markdown::Options options;
  options.base_heading_level = 3;  // commentary sits under the page's <h2> sections
  options.id_prefix = id_prefix;
  options.unsafe = plan_.allow_raw_html;  // the plan's own, documented unsafe, choice
  options.table_label = lang_ == Lang::ja && !fallback ? "表" : "Table";
  options.footnote_back_label = lang_ == Lang::ja ? "本文に戻る" : "Back to text";
  return Object()("html", markdown::to_html(*source, options))("fallback", fallback);
}

json Localizer::value(const model::Value& value, const std::string& unit) {
  static constexpr const char* kinds[] = {"absent", "number", "text", "pending", "none"};
  present::Figure figure = present::figure(plan_, value, unit, lang_);
  if (figure.fallback) note_fallback(&value.text, false);
  return Object()("kind", kinds[static_cast<int>(value.kind)])("text", std::move(figure.text))(
      "before", std::move(figure.before))("number", std::move(figure.number))("gap", std::move(figure.gap))(
      "unit", std::move(figure.unit))("after", std::move(figure.after))("fallback", figure.fallback)(
      "raw", value.is_number() ? json(value.number.to_string()) : json(nullptr))("note", text(value.note));
}

}  // namespace hyoka::site
