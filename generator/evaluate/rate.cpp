#include "evaluate/rate.hpp"

#include <algorithm>

namespace hyoka::evaluate {
namespace {

__extension__ typedef __int128 Int;  // exact products of two int64 digit strings

bool scale_up(Int& value, int digits) {
  constexpr Int limit = static_cast<Int>(1) << 120;
  while (digits-- > 0) {
    if (value > limit / 10 || value < -limit / 10) return false;
    value *= 10;
  }
  return true;
}

Int round_quotient(Int numerator, Int denominator, model::RoundingMode mode) {
  if (denominator < 0) numerator = -numerator, denominator = -denominator;
  bool negative = numerator < 0;
  Int magnitude = negative ? -numerator : numerator;
  Int quotient = magnitude / denominator, remainder = magnitude % denominator;
  Int twice = remainder * 2;
  bool round_away = false;
  switch (mode) {
    case model::RoundingMode::half_up: round_away = twice >= denominator; break;
    case model::RoundingMode::half_even: round_away = twice > denominator || (twice == denominator && quotient % 2 == 1); break;
    case model::RoundingMode::down: round_away = false; break;
    case model::RoundingMode::up: round_away = remainder != 0; break;
  }
  if (round_away) ++quotient;
  return negative ? -quotient : quotient;
}

std::optional<model::Decimal> divide(const model::Decimal& a, const model::Decimal& b, int decimals, model::RoundingMode mode) {
  if (b.is_zero()) return std::nullopt;
  Int numerator = a.units, denominator = b.units;
  // a/b × 100 × 10^decimals = a.units × 10^(b.scale + 2 + decimals) / (b.units × 10^a.scale)
  if (!scale_up(numerator, b.scale + 2 + decimals) || !scale_up(denominator, a.scale)) return std::nullopt;
  Int quotient = round_quotient(numerator, denominator, mode);
  if (quotient > INT64_MAX || quotient < INT64_MIN) return std::nullopt;
  return model::Decimal{static_cast<std::int64_t>(quotient), decimals};
}

}  // namespace

std::optional<model::Decimal> percent(const model::Decimal& numerator, const model::Decimal& denominator,
                                      const model::Rounding& rounding) {
  return divide(numerator, denominator, rounding.decimals, rounding.mode);
}

std::optional<model::Decimal> rounded(const model::Decimal& value, const model::Rounding& rounding) {
  return divide(value, model::Decimal{100, 0}, rounding.decimals, rounding.mode);  // value ÷ 100 × 100
}

std::optional<model::Decimal> exact_percent(const model::Decimal& numerator, const model::Decimal& denominator) {
  return divide(numerator, denominator, 9, model::RoundingMode::down);
}

}  // namespace hyoka::evaluate
