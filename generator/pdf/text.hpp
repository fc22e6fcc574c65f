#pragma once
// UTF-8 helpers and line breaking. libharu cannot wrap Japanese (MeasureText
// returns 0 and TextRect draws nothing), so every cell is wrapped here.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct _HyphenDict;  // libhyphen's dictionary

namespace hyoka::pdf {

std::u32string decode_utf8(std::string_view text);  // invalid bytes become U+FFFD
std::string encode_utf8(std::u32string_view text);

// Whether the code point is set solid in Japanese text (a line may break on either side of it).
bool is_cjk(char32_t c);
// Japanese line-breaking rules (kinsoku): a line must not start with 、。）」 etc.
bool no_break_before(char32_t c);
// … and must not end with （「 etc.
bool no_break_after(char32_t c);

// Width of one character in points.
using Advance = std::function<double(char32_t)>;

// Where English words may be hyphenated, from Debian's hyphenation patterns
// (hyphen-en-us, read with libhyphen: the patterns LibreOffice uses).
class Hyphenator {
 public:
  explicit Hyphenator(const std::filesystem::path& dictionary);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Positions inside an ASCII word after which a hyphen may break it, at
  // least two letters from its start and three from its end; none for a
  // word shorter than five letters.
  std::vector<std::size_t> points(std::string_view word) const;

 private:
  _HyphenDict* dict_ = nullptr;
};

struct Hyphenation {
  const Hyphenator* hyphenator = nullptr;  // none: words are never hyphenated (only cut when wider than a line)
  // Also hyphenate a word that would fit the next line, when the line it
  // overflows is less than 60% full: prose in a wide column. Otherwise only
  // words wider than a whole line are hyphenated (figures, units, names).
  bool to_fill = false;
};

// Wraps text into lines no wider than max_width: between any two CJK characters
// (respecting the rules above), at spaces and after hyphens in other scripts.
// A Latin word is hyphenated as `hyphenation` allows (the line then ends with
// "-"); a word wider than a whole line with no hyphenation point is cut with a
// hyphen, so no line ends inside a word without one. A paragraph's leading
// spaces are kept (indentation); '\n' forces a break; an empty text gives no lines.
// `wrapped`, when given, gets for each line whether the next one continues its
// paragraph (a wrap) rather than following a '\n'.
std::vector<std::string> break_lines(std::string_view text, double max_width, const Advance& advance,
                                     Hyphenation hyphenation = {}, std::vector<bool>* wrapped = nullptr);

}  // namespace hyoka::pdf
