#include "model/decimal.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hyoka::model {
namespace {

constexpr int max_digits = 18;
__extension__ typedef __int128 Int128;  // exact intermediate products of two int64 digits  // what fits an int64 without overflow

std::int64_t pow10(int n) {
  std::int64_t result = 1;
  while (n-- > 0) result *= 10;
  return result;
}

// Brings both to the larger scale; false if that would overflow.
bool align(const Decimal& a, const Decimal& b, Int128& x, Int128& y, int& scale) {
  scale = a.scale > b.scale ? a.scale : b.scale;
  if (scale > max_digits) return false;
  x = static_cast<Int128>(a.units) * pow10(scale - a.scale);
  y = static_cast<Int128>(b.units) * pow10(scale - b.scale);
  return true;
}

Decimal narrow(Int128 units, int scale) {
  // Drop trailing zeros only as far as needed to fit; precision kept otherwise.
  while ((units > INT64_MAX || units < INT64_MIN) && scale > 0) {
    units /= 10;
    --scale;
  }
  return Decimal{static_cast<std::int64_t>(units), scale};
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::int64_t units = 0;
  int scale = 0, digits = 0;
  bool point = false, any = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    any = true;
    if (digits >= max_digits) return std::nullopt;
    if (units != 0 || c != '0') ++digits;
    units = units * 10 + (c - '0');
    if (point) ++scale;
  }
  if (!any) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    int exponent = 0;
    std::size_t start = i + 1;
    if (start < text.size() && text[start] == '+') ++start;
    auto [end, ec] = std::from_chars(text.data() + start, text.data() + text.size(), exponent);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    scale -= exponent;
    while (scale < 0) {
      if (++digits > max_digits) return std::nullopt;
      units *= 10;
      ++scale;
    }
  } else if (i != text.size()) {
    return std::nullopt;
  }
  return Decimal{negative ? -units : units, scale};
}

Decimal Decimal::from_double(double value) {
  char buffer[32];
  // %.17g round-trips; try shorter precisions first so 89.9 stays 89.9.
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return parse(buffer).value_or(Decimal{});
}

double Decimal::to_double() const {
  // pow10 fits an int64 up to 10^18; beyond, a double power (10^19 would overflow).
  return static_cast<double>(units) / (scale <= max_digits ? static_cast<double>(pow10(scale)) : std::pow(10.0, scale));
}

std::string Decimal::to_string() const {
  auto magnitude = units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  std::string digits = std::to_string(magnitude);
  if (scale > 0 && static_cast<int>(digits.size()) <= scale) digits = std::string(scale - digits.size() + 1, '0') + digits;
  std::string out = units < 0 ? "-" : "";
  if (scale > 0) out += digits.substr(0, digits.size() - scale) + "." + digits.substr(digits.size() - scale);
  else out += digits;
  return out;
}

int compare(const Decimal& a, const Decimal& b) {
  Int128 x, y;
  int scale;
  if (!align(a, b, x, y, scale)) {
    double p = a.to_double(), q = b.to_double();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  Int128 x, y;
  int scale;
  if (!align(a, b, x, y, scale)) return Decimal::from_double(a.to_double() - b.to_double());
  return narrow(x - y, scale);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  Int128 x, y;
  int scale;
  if (!align(a, b, x, y, scale)) return Decimal::from_double(a.to_double() + b.to_double());
  return narrow(x + y, scale);
}

}  // namespace hyoka::model
