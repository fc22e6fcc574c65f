#include "present/numbers.hpp"

namespace hyoka::present {

std::string grouped(const Decimal& number) {
  std::string digits = number.to_string();
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative) digits.erase(0, 1);
  const std::size_t whole = std::min(digits.find('.'), digits.size());
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < whole; ++i) {
    if (i > 0 && (whole - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out + digits.substr(whole);
}

std::string dash(Lang lang) { return lang == Lang::ja ? "ー" : "–"; }

std::string percent(const Decimal& rate) { return grouped(rate) + "%"; }

std::string percent_or_dash(const std::optional<Decimal>& rate, Lang lang) { return rate ? percent(*rate) : dash(lang); }

}  // namespace hyoka::present
