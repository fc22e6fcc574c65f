#include "pdf/text.hpp"

#include <hyphen.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <stdexcept>

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
bool is_latin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// May a line break fall between a and b (b starting the new line)?
bool break_between(char32_t a, char32_t b) {
  if (no_break_before(b) || no_break_after(a)) return false;
  if (is_space(a)) return !is_space(b);
  if ((a == U'-' || a == U'\u2013') && is_latin_letter(b)) return true;  // after a hyphen or en dash: self-, 2024–
  return is_cjk(a) || is_cjk(b);
}

std::u32string trimmed_end(std::u32string_view s) {
  std::size_t end = s.size();
  while (end > 0 && is_space(s[end - 1])) --end;
  return std::u32string(s.substr(0, end));
}

class ParagraphBreaker {
 public:
  ParagraphBreaker(std::u32string_view text, double max_width, const Advance& advance, Hyphenation hyphenation,
                   std::vector<std::string>& lines)
      : text_(text), max_(max_width), advance_(advance), hyphenation_(hyphenation), lines_(lines) {}

  void run() {
    std::size_t start = 0;
    bool first = true;
    while (start < text_.size()) {
      if (!first)
        while (start < text_.size() && text_[start] == U' ') ++start;  // a wrapped line starts with its word
      first = false;
      if (start >= text_.size()) break;
      start = line_from(start);
    }
  }

 private:
  std::u32string_view text_;
  double max_;
  const Advance& advance_;
  Hyphenation hyphenation_;
  std::vector<std::string>& lines_;

  double width(std::size_t from, std::size_t to) const {
    double w = 0;
    for (std::size_t i = from; i < to; ++i) w += advance_(text_[i]);
    return w;
  }

  void emit(std::size_t from, std::size_t to, bool hyphen) {
    std::u32string line = trimmed_end(text_.substr(from, to - from));
    if (hyphen) line += U'-';
    lines_.push_back(encode_utf8(line));
  }

  // Sets one line starting at `start`; returns where the next one starts.
  std::size_t line_from(std::size_t start) {
    double w = 0;
    std::size_t last_break = 0;  // 0: no opportunity yet on this line
    std::size_t i = start;
    for (; i < text_.size(); ++i) {
      if (i > start && break_between(text_[i - 1], text_[i])) last_break = i;
      w += advance_(text_[i]);
      if (w > max_ && !is_space(text_[i]) && i > start) break;
    }
    if (i >= text_.size()) {
      emit(start, text_.size(), false);
      return text_.size();
    }
    const std::size_t word = last_break > start ? last_break : start;
    if (is_latin_letter(text_[i])) {
      if (auto cut = hyphen_point(start, word, i)) {
        emit(start, *cut, true);
        return *cut;
      }
      if (word == start) {  // a word wider than the line: cut it, marked with a hyphen
        std::size_t end = i;
        while (end > start + 1 && width(start, end) + advance_(U'-') > max_) --end;
        emit(start, end, end > start && is_latin_letter(text_[end - 1]));
        return end;
      }
    }
    const std::size_t end = last_break > start ? last_break : i;
    emit(start, end, false);
    return end;
  }

  // Where to hyphenate the word starting at `word` that overflows at `overflow`,
  // so that the line from `start` with its hyphen still fits; nullopt if
  // nowhere, or where the word should rather move to the next line whole.
  std::optional<std::size_t> hyphen_point(std::size_t start, std::size_t word, std::size_t overflow) const {
    constexpr double well_filled = 0.6;
    if (!hyphenation_.hyphenator) return std::nullopt;
    std::size_t end = overflow;
    while (end < text_.size() && is_latin_letter(text_[end])) ++end;
    const bool too_wide = width(word, end) > max_;
    if (!too_wide && (!hyphenation_.to_fill || (word > start && width(start, word) >= well_filled * max_))) return std::nullopt;
    for (std::size_t k = word; k < overflow; ++k)
      if (!is_latin_letter(text_[k])) return std::nullopt;  // only plain words
    std::string ascii;
    for (std::size_t k = word; k < end; ++k) ascii += static_cast<char>(text_[k]);
    std::vector<std::size_t> points = hyphenation_.hyphenator->points(ascii);
    for (auto p = points.rbegin(); p != points.rend(); ++p)
      if (word + *p > start && width(start, word + *p) + advance_(U'-') <= max_) return word + *p;
    return std::nullopt;
  }
};

}  // namespace

Hyphenator::Hyphenator(const std::filesystem::path& dictionary) : dict_(hnj_hyphen_load(dictionary.c_str())) {
  if (!dict_) throw std::runtime_error("cannot read the hyphenation patterns " + dictionary.string());
}

Hyphenator::~Hyphenator() { hnj_hyphen_free(dict_); }

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
  std::vector<std::size_t> out;
  if (word.size() < 5 || word.size() > 60) return out;
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(dict_, lower.c_str(), static_cast<int>(lower.size()), hyphens.data(), nullptr, &rep, &pos, &cut);
  std::free(rep);  // only set by non-standard patterns, which English has none of
  std::free(pos);
  std::free(cut);
  // At least two letters before the hyphen and three after, as English typesetting does.
  for (std::size_t i = 1; i + 3 < lower.size(); ++i)
    if (hyphens[i] & 1) out.push_back(i + 1);
  return out;
}

std::vector<std::string> break_lines(std::string_view text, double max_width, const Advance& advance,
                                     Hyphenation hyphenation, std::vector<bool>* wrapped) {
  std::vector<std::string> lines;
  if (wrapped) wrapped->clear();
  std::u32string all = decode_utf8(text);
  std::size_t begin = 0;
  while (begin <= all.size()) {
    std::size_t end = all.find(U'\n', begin);
    if (end == std::u32string::npos) end = all.size();
    std::u32string_view paragraph(all.data() + begin, end - begin);
    std::size_t before = lines.size();
    ParagraphBreaker(paragraph, max_width, advance, hyphenation, lines).run();
    // An empty paragraph between two '\n' keeps its blank line.
    if (lines.size() == before && end < all.size()) lines.emplace_back();
    if (wrapped) {
      wrapped->resize(lines.size(), true);
      if (lines.size() > before) wrapped->back() = false;  // the paragraph's last line
    }
    begin = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (wrapped) wrapped->resize(lines.size());
  return lines;
}

}  // namespace hyoka::pdf
