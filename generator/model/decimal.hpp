#pragma once
// A decimal number as printed in a plan: 93.0 keeps its one decimal, so a
// figure shows the way the city printed it, and rates are computed exactly
// from the printed digits instead of from binary floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hyoka::model {

struct Decimal {
  std::int64_t units = 0;  // the digits, without the decimal point
  int scale = 0;           // how many of them are after the point

  // Parses "93.0", "-1.5", "1e+16", "1,234" (no: commas are rejected). nullopt if not a plain decimal.
  static std::optional<Decimal> parse(std::string_view text);
  static Decimal from_double(double value);  // shortest round-trip digits, like Python repr

  double to_double() const;
  std::string to_string() const;  // "93.0", "1830", "-0.5"
  bool is_zero() const { return units == 0; }
  bool is_negative() const { return units < 0; }
};

// Exact comparison of two decimals (scales may differ).
int compare(const Decimal& a, const Decimal& b);
Decimal operator-(const Decimal& a, const Decimal& b);
Decimal operator+(const Decimal& a, const Decimal& b);
inline bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }

}  // namespace hyoka::model
