#include "present/newlines.hpp"

namespace hyoka::present {

std::string unix_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Whole stretches without a carriage return are copied at once: most text has none.
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t cr = text.find('\r', at);
    out.append(text.substr(at, cr == std::string_view::npos ? std::string_view::npos : cr - at));
    if (cr == std::string_view::npos) break;
    out += '\n';
    at = cr + 1;
    if (at < text.size() && text[at] == '\n') ++at;
  }
  return out;
}

}  // namespace hyoka::present
