#pragma once
// Numbers as a reader sees them: digits as printed, grouped by thousands,
// never re-rounded; rates with their percent sign; one dash for "none".
#include <optional>
#include <string>

#include "model/plan.hpp"

namespace hyoka::present {

using model::Decimal;
using model::Lang;

// 17500 → "17,500"; 93.0 stays "93.0"; -1234.5 → "-1,234.5".
std::string grouped(const Decimal& number);
// What stands where a figure has no value (no rate, no grade): ー on Japanese
// pages and sheets, as the Setagaya sheet prints it; an en dash in English.
std::string dash(Lang lang);
// An achievement rate: "96.7%".
std::string percent(const Decimal& rate);
// The rate, or the dash when there is none.
std::string percent_or_dash(const std::optional<Decimal>& rate, Lang lang);

}  // namespace hyoka::present
