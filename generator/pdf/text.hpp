#pragma once
// UTF-8 helpers and line breaking. libharu cannot wrap Japanese (MeasureText
// returns 0 and TextRect draws nothing), so every cell is wrapped here.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

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

// Wraps text into lines no wider than max_width: between any two CJK characters
// (respecting the rules above), at spaces in other scripts, and inside a word only
// when the word alone is wider than the line. '\n' forces a break; an empty text
// gives no lines.
std::vector<std::string> break_lines(std::string_view text, double max_width, const Advance& advance);

}  // namespace hyoka::pdf
