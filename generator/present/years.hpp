#pragma once
// Fiscal years and dates. A fiscal year runs April to March and is named by
// its starting year: 2024 = 令和6年度 = FY2024. Japanese shows the era year
// with the Western one beside it; English the Western year alone.
#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace hyoka::present {

using model::Lang;

// 令和6年度, 令和元年度, 平成30年度; a year before 平成 as 1988年度.
std::string era_year(int year);
// 6年度: the era year without the era's name, as Suginami prints 6年度（2024）.
std::string era_year_number(int year);
// 令和6年度（2024年度） / FY2024.
std::string fiscal_year(int year, Lang lang);
// 令和6年度 / FY2024: where space is short (table heads, charts).
std::string fiscal_year_short(int year, Lang lang);
// "2025-03-31" → 2025年3月31日 / 31 March 2025; empty when it is not such a date.
std::string date(std::string_view iso_date, Lang lang);

}  // namespace hyoka::present
