#include "site/format.hpp"

#include "markdown/markdown.hpp"

namespace hyoka::site {
namespace {

// 令和 began in FY2019 and 平成 in FY1989; older plans are not expected,
// but a year before 平成 still gets a readable (Western) label.
std::string era_year(int year) {
  auto era = [](const char* name, int n) { return std::string(name) + (n == 1 ? "元" : std::to_string(n)) + "年度"; };
  if (year >= 2019) return era("令和", year - 2018);
  if (year >= 1989) return era("平成", year - 1988);
  return std::to_string(year) + "年度";
}

}  // namespace

std::string format_decimal(const model::Decimal& number) {
  std::string digits = number.to_string();
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative) digits.erase(0, 1);
  const std::size_t point = digits.find('.');
  const std::size_t int_end = point == std::string::npos ? digits.size() : point;
  std::string out;
  for (std::size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  out += digits.substr(int_end);
  return negative ? "-" + out : out;
}

std::string fiscal_year_label(int year, Lang lang) {
  if (lang == Lang::en) return "FY" + std::to_string(year);
  return era_year(year) + "（" + std::to_string(year) + "年度）";
}

std::string fiscal_year_short(int year, Lang lang) {
  return lang == Lang::en ? "FY" + std::to_string(year) : era_year(year);
}

json year_json(int year, Lang lang) {
  return Object(3)("year", year)("label", fiscal_year_label(year, lang))("short", fiscal_year_short(year, lang));
}

bool Localizer::note_fallback(const void* source, bool translated) {
  if (!translated) fallbacks_.insert(source);
  return !translated;
}

json Localizer::text(const model::Text& text) {
  const bool fallback = note_fallback(&text, text.translated(lang_));
  return Object(2)("text", text.in(lang_))("fallback", fallback);
}

json Localizer::text(const std::optional<model::Text>& text) {
  return text ? this->text(*text) : json(nullptr);
}

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
  return Object(2)("html", markdown::to_html(*source, options))("fallback", fallback);
}

json Localizer::value(const model::Value& value) {
  using Kind = model::Value::Kind;
  const bool ja = lang_ == Lang::ja;
  const char* kind = "absent";
  std::string shown;
  bool fallback = false;
  json raw = nullptr;
  switch (value.kind) {
    case Kind::absent: break;
    case Kind::number:
      kind = "number";
      shown = format_decimal(value.number);
      if (value.bound == model::Bound::at_least) shown = ja ? shown + "以上" : "≥ " + shown;
      if (value.bound == model::Bound::at_most) shown = ja ? shown + "以下" : "≤ " + shown;
      raw = value.number.to_string();
      break;
    case Kind::text:
      kind = "text";
      shown = value.text.in(lang_);
      fallback = note_fallback(&value.text, value.text.translated(lang_));
      break;
    case Kind::pending:
      kind = "pending";
      shown = ja ? "集計中" : "Being tallied";
      break;
    case Kind::none:
      kind = "none";
      shown = "―";
      break;
  }
  return Object(5)("kind", kind)("text", std::move(shown))("fallback", fallback)("raw", std::move(raw))(
      "note", text(value.note));
}

}  // namespace hyoka::site
