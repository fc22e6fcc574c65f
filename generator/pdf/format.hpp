#pragma once
// Figures and years as printed on a sheet, in either language.
#include <string>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"

namespace hyoka::pdf {

// 17500 → "17,500"; 93.0 stays "93.0".
std::string format_decimal(const model::Decimal& value);
// A value with its unit: "9.0%", "430件" / "430 cases", "95.0%以上", "集計中", "―".
std::string format_value(const model::Plan& plan, const model::Value& value, const std::string& unit,
                         model::Lang lang);
// "令和6年度" / "FY2024".
std::string year_label(int year, model::Lang lang);
// "令和6年度（2024年度）" / "FY2024".
std::string long_year_label(int year, model::Lang lang);
// The footer date: the plan's report date, else the year evaluated.
std::string date_label(const std::string& iso_date, int fallback_year, model::Lang lang);
// An achievement rate "96.7%", or "ー" when the result has none.
std::string format_rate(const evaluate::Result& result);

}  // namespace hyoka::pdf
