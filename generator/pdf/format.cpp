#include "pdf/format.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace hyoka::pdf {

using model::Lang;

std::string format_decimal(const model::Decimal& value) {
  std::string digits = std::to_string(std::llabs(value.units));
  auto scale = static_cast<std::size_t>(value.scale > 0 ? value.scale : 0);
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - scale);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  if (scale > 0) {
    out += '.';
    out.append(digits, digits.size() - scale, scale);
  }
  if (value.units < 0) out.insert(out.begin(), '-');
  return out;
}

namespace {

std::string with_unit(const model::Plan& plan, const std::string& number, const std::string& unit, Lang lang) {
  if (unit.empty()) return number;
  if (lang == Lang::ja) return number + unit;
  std::string english = plan.unit_in(unit, lang);
  return english == "%" || english == "％" ? number + "%" : number + " " + english;
}

std::string bounded(const std::string& figure, model::Bound bound, Lang lang) {
  if (bound == model::Bound::at_least) return lang == Lang::ja ? figure + "以上" : "at least " + figure;
  if (bound == model::Bound::at_most) return lang == Lang::ja ? figure + "以下" : "at most " + figure;
  return figure;
}

}  // namespace

std::string format_value(const model::Plan& plan, const model::Value& value, const std::string& unit, Lang lang) {
  std::string out;
  switch (value.kind) {
    case model::Value::Kind::absent: return {};
    case model::Value::Kind::number:
      out = bounded(with_unit(plan, format_decimal(value.number), unit, lang), value.bound, lang);
      break;
    case model::Value::Kind::text: out = value.text.in(lang); break;
    case model::Value::Kind::pending: out = lang == Lang::ja ? "集計中" : "Being tallied"; break;
    case model::Value::Kind::none: out = "―"; break;
  }
  if (value.note) out += "\n" + value.note->in(lang);
  return out;
}

std::string year_label(int year, Lang lang) {
  if (lang == Lang::en) return fmt::format("FY{}", year);
  if (year >= 2019) return year == 2019 ? "令和元年度" : fmt::format("令和{}年度", year - 2018);
  if (year >= 1989) return year == 1989 ? "平成元年度" : fmt::format("平成{}年度", year - 1988);
  return fmt::format("{}年度", year);
}

std::string long_year_label(int year, Lang lang) {
  if (lang == Lang::en) return year_label(year, lang);
  return fmt::format("{}（{}年度）", year_label(year, lang), year);
}

std::string date_label(const std::string& iso_date, int fallback_year, Lang lang) {
  if (iso_date.size() != 10) return long_year_label(fallback_year, lang);
  int year = std::atoi(iso_date.substr(0, 4).c_str());
  int month = std::atoi(iso_date.substr(5, 2).c_str());
  int day = std::atoi(iso_date.substr(8, 2).c_str());
  if (lang == Lang::ja) return fmt::format("{}年{}月{}日", year, month, day);
  static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return iso_date;
  return fmt::format("{} {} {}", day, months[month - 1], year);
}

std::string format_rate(const evaluate::Result& result) {
  if (!result.rate) return "ー";
  return format_decimal(*result.rate) + "%";
}

}  // namespace hyoka::pdf
