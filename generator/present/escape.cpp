#include "present/escape.hpp"

#include <array>

namespace hyoka::present {

void escape_html(std::string& out, std::string_view text) {
  // A table, not find_first_of: that calls memchr once per input character.
  static constexpr auto special = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : std::string_view("&<>\"'")) table[c] = true;
    return table;
  }();
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!special[static_cast<unsigned char>(text[i])]) continue;
    out.append(text.data() + start, i - start);
    switch (text[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&#34;"; break;
      default: out += "&#39;"; break;
    }
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  escape_html(out, text);
  return out;
}

namespace {

// "-1+1" is a formula, "-1.5" a number.
bool runs_as_formula(std::string_view cell) {
  if (cell.empty() || std::string_view("=+-@\t\r").find(cell[0]) == std::string_view::npos) return false;
  std::size_t i = cell[0] == '-' || cell[0] == '+' ? 1 : 0;
  bool digits = false, point = false;
  for (; i < cell.size(); ++i) {
    if (cell[i] >= '0' && cell[i] <= '9') digits = true;
    else if (cell[i] == '.' && !point) point = true;
    else return true;
  }
  return !digits;
}

}  // namespace

std::string csv_cell(std::string_view text) {
  std::string cell = runs_as_formula(text) ? "'" + std::string(text) : std::string(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace hyoka::present
