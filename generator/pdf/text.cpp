#include "pdf/text.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace hyoka::pdf {

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes, remaining, &c);
    if (n <= 0) {  // skip one bad byte, keep going
      out.push_back(U'\uFFFD');
      n = 1;
    } else {
      out.push_back(static_cast<char32_t>(c));
    }
    bytes += n;
    remaining -= n;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  utf8proc_uint8_t buffer[4];
  for (char32_t c : text) {
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
  return out;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF)     // radicals, CJK punctuation, kana, ideographs
         || (c >= 0xF900 && c <= 0xFAFF)  // compatibility ideographs
         || (c >= 0xFE30 && c <= 0xFE4F)  // compatibility forms
         || (c >= 0xFF00 && c <= 0xFFEF)  // full-width forms
         || c == 0x2015 || c == 0x2026 || c == 0x2025 || c == 0x203B  // ― … ‥ ※
         || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x26FF);  // arrows, ○●■★
}

bool no_break_before(char32_t c) {
  static constexpr std::u32string_view set =
      U"、。，．,.)）」』】〕〉》］｝〙〗!！?？:：;；・ー～…‥"
      U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ゛゜%％‰℃°′″";
  return set.find(c) != std::u32string_view::npos;
}

bool no_break_after(char32_t c) {
  static constexpr std::u32string_view set = U"（「『【〔〈《［｛〘〖(‘“";
  return set.find(c) != std::u32string_view::npos;
}

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

// May a line break fall between a and b (b starting the new line)?
bool break_between(char32_t a, char32_t b) {
  if (no_break_before(b) || no_break_after(a)) return false;
  if (is_space(a)) return !is_space(b);
  return is_cjk(a) || is_cjk(b);
}

std::u32string trimmed(std::u32string_view s) {
  std::size_t begin = 0, end = s.size();
  while (begin < end && is_space(s[begin]) && s[begin] != U'\u3000') ++begin;
  while (end > begin && is_space(s[end - 1])) --end;
  return std::u32string(s.substr(begin, end - begin));
}

void break_paragraph(std::u32string_view text, double max_width, const Advance& advance,
                     std::vector<std::string>& lines) {
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == U' ') ++start;  // no leading ASCII spaces
    if (start >= text.size()) break;
    double width = 0;
    std::size_t last_break = 0;  // 0: no opportunity yet on this line
    std::size_t i = start;
    for (; i < text.size(); ++i) {
      if (i > start && break_between(text[i - 1], text[i])) last_break = i;
      width += advance(text[i]);
      if (width > max_width && !is_space(text[i]) && i > start) break;
    }
    if (i >= text.size()) {
      lines.push_back(encode_utf8(trimmed(text.substr(start))));
      return;
    }
    std::size_t end = last_break > start ? last_break : i;  // a word wider than the line: cut it
    lines.push_back(encode_utf8(trimmed(text.substr(start, end - start))));
    start = end;
  }
}

}  // namespace

std::vector<std::string> break_lines(std::string_view text, double max_width, const Advance& advance) {
  std::vector<std::string> lines;
  std::u32string all = decode_utf8(text);
  std::size_t begin = 0;
  while (begin <= all.size()) {
    std::size_t end = all.find(U'\n', begin);
    if (end == std::u32string::npos) end = all.size();
    std::u32string_view paragraph(all.data() + begin, end - begin);
    std::size_t before = lines.size();
    break_paragraph(paragraph, max_width, advance, lines);
    // An empty paragraph between two '\n' keeps its blank line.
    if (lines.size() == before && end < all.size()) lines.emplace_back();
    begin = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace hyoka::pdf
