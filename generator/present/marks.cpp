#include "present/marks.hpp"

#include <array>
#include <utility>

namespace hyoka::present {
namespace {

constexpr std::string_view reference = "※";

// A full-width digit (０–９, three bytes EF BC 90–99) at `at`, as its value.
int wide_digit(std::string_view text, std::size_t at) {
  if (at + 3 > text.size() || text.substr(at, 2) != "\xEF\xBC") return -1;
  const auto last = static_cast<unsigned char>(text[at + 2]);
  return last >= 0x90 && last <= 0x99 ? last - 0x90 : -1;
}

// The digits after a reference mark (ASCII or full-width) as ASCII; `at` moves past them.
std::string digits_at(std::string_view text, std::size_t& at) {
  std::string out;
  for (;;) {
    if (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      out += text[at++];
    } else if (int d = wide_digit(text, at); d >= 0) {
      out += static_cast<char>('0' + d);
      at += 3;
    } else {
      return out;
    }
  }
}

bool line_start(std::string_view text, std::size_t at) {
  while (at > 0 && text[at - 1] == ' ') --at;
  return at == 0 || text[at - 1] == '\n';
}

// Japanese punctuation with a Latin twin; ： takes the space English puts after a colon.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> twins{{
    {"～", "–"}, {"【", "["}, {"】", "]"}, {"（", "("}, {"）", ")"}, {"［", "["}, {"］", "]"}, {"：", ": "}, {"　", " "},
}};

}  // namespace

std::string english_punctuation(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    if (text.compare(at, reference.size(), reference) == 0) {
      at += reference.size();
      out += "*" + digits_at(text, at);
      continue;
    }
    if ((text.compare(at, 3, "○") == 0 || text.compare(at, 3, "・") == 0) && line_start(text, at)) {
      out += "•";
      at += 3;
      continue;
    }
    bool replaced = false;
    for (const auto& [japanese, latin] : twins)
      if (text.compare(at, japanese.size(), japanese) == 0) {
        out += latin;
        at += japanese.size();
        replaced = true;
        break;
      }
    if (replaced) continue;
    // Full-width Latin letters, digits and signs (１, Ａ, ％): their ASCII twins.
    if (at + 3 <= text.size() && static_cast<unsigned char>(text[at]) == 0xEF) {
      const unsigned second = static_cast<unsigned char>(text[at + 1]), third = static_cast<unsigned char>(text[at + 2]);
      const unsigned code = 0xF000 | ((second & 0x3F) << 6) | (third & 0x3F);  // EF xx xx: U+Fxxx
      if (code >= 0xFF01 && code <= 0xFF5E) {
        out += static_cast<char>(code - 0xFF01 + 0x21);
        at += 3;
        continue;
      }
    }
    out += text[at++];
  }
  return out;
}

std::string reference_mark(int number, Lang lang) {
  return (lang == Lang::ja ? std::string(reference) : std::string("*")) + std::to_string(number);
}

int mark_number(std::string_view mark) {
  std::size_t at = mark.rfind(reference);
  at = at == std::string_view::npos ? mark.find_first_of("0123456789*") : at + reference.size();
  if (at == std::string_view::npos) return 0;
  if (mark[at] == '*') ++at;
  std::string digits = digits_at(mark, at);
  return digits.empty() ? 0 : std::stoi(digits);
}

std::string mark_in(std::string_view mark, Lang lang) {
  return lang == Lang::en ? english_punctuation(mark) : std::string(mark);
}

std::string bracketed(std::string_view text, Lang lang) {
  return lang == Lang::ja ? "【" + std::string(text) + "】" : "[" + std::string(text) + "]";
}

std::string parenthesized(std::string_view text, Lang lang) {
  return lang == Lang::ja ? "（" + std::string(text) + "）" : "(" + std::string(text) + ")";
}

}  // namespace hyoka::present
