#include "site/csv.hpp"

#include <cctype>

namespace hyoka::site::csv {
namespace {

bool is_plain_number(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digits = true;
    else if (s[i] == '.' && !point) point = true;
    else return false;
  }
  return digits;
}

bool looks_like_formula(const std::string& s) {
  if (s.empty() || is_plain_number(s)) return false;
  const char c = s.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string cell(const std::string& value) {
  const std::string text = looks_like_formula(value) ? "'" + value : value;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string row(const Row& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += cell(cells[i]);
  }
  return out + "\r\n";
}

std::string document(const Row& header, const std::vector<Row>& rows) {
  std::string out = "\xEF\xBB\xBF";
  out += row(header);
  for (const auto& r : rows) out += row(r);
  return out;
}

}  // namespace hyoka::site::csv
