#include "present/years.hpp"

#include <array>
#include <charconv>

namespace hyoka::present {
namespace {

struct Era {
  const char* name;
  int first;  // the fiscal year that is 元年度
};
// 令和 began in FY2019 and 平成 in FY1989; older plans are not expected.
constexpr std::array<Era, 2> eras{{{"令和", 2019}, {"平成", 1989}}};

const Era* era_of(int year) {
  for (const auto& era : eras)
    if (year >= era.first) return &era;
  return nullptr;
}

std::string ordinal_in(const Era& era, int year) {
  const int n = year - era.first + 1;
  return n == 1 ? "元" : std::to_string(n);
}

int number_at(std::string_view text, std::size_t at, std::size_t length) {
  int value = -1;
  const char* first = text.data() + at;
  auto [end, error] = std::from_chars(first, first + length, value);
  return error == std::errc() && end == first + length ? value : -1;
}

}  // namespace

std::string era_year(int year) {
  const Era* era = era_of(year);
  return era ? era->name + ordinal_in(*era, year) + "年度" : std::to_string(year) + "年度";
}

std::string era_year_number(int year) {
  const Era* era = era_of(year);
  return era ? ordinal_in(*era, year) + "年度" : std::to_string(year) + "年度";
}

std::string fiscal_year(int year, Lang lang) {
  if (lang == Lang::en) return fiscal_year_short(year, lang);
  return era_year(year) + "（" + std::to_string(year) + "年度）";
}

std::string fiscal_year_short(int year, Lang lang) {
  return lang == Lang::en ? "FY" + std::to_string(year) : era_year(year);
}

std::string date(std::string_view iso_date, Lang lang) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return {};
  const int year = number_at(iso_date, 0, 4), month = number_at(iso_date, 5, 2), day = number_at(iso_date, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  if (lang == Lang::ja) return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
  static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(day) + " " + months[static_cast<std::size_t>(month - 1)] + " " + std::to_string(year);
}

}  // namespace hyoka::present
