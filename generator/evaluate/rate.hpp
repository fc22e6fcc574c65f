#pragma once
// Exact percentages from printed decimals: 89.9 ÷ 93.0 is computed from the
// digits 899 and 930, so the rounding matches what the city printed.
#include <optional>
#include <string>

#include "model/plan.hpp"

namespace hyoka::evaluate {

// numerator ÷ denominator × 100, rounded as the rule says; nullopt when the
// denominator is zero or the figures are too large for exact arithmetic.
std::optional<model::Decimal> percent(const model::Decimal& numerator, const model::Decimal& denominator,
                                      const model::Rounding& rounding);
// The value rounded as the rule says (a rate a yes/no rule shows, a template's
// percent filter); nullopt when it is too large for exact arithmetic.
std::optional<model::Decimal> rounded(const model::Decimal& value, const model::Rounding& rounding);
// The same ratio with 9 decimals, rounded down: what "exact" grading compares.
std::optional<model::Decimal> exact_percent(const model::Decimal& numerator, const model::Decimal& denominator);

}  // namespace hyoka::evaluate
