#pragma once
// Reference marks, brackets and the punctuation around words, as each
// edition writes them. The Japanese edition marks a footnote ※1 and sets
// notes in （）and 【】; the English edition writes *1, ( ) and [ ], bullets
// as •, ranges with an en dash, so English text never needs a Japanese glyph
// for what Latin type has its own.
#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace hyoka::present {

using model::Lang;

// English text as the English edition sets it: ※1 / ※１ → *1, ※ → *, a line
// starting with ○ or ・ → •, ～ → –, 【】（）［］ → [ ] ( ) [ ], ：→ ": ", and
// full-width letters, digits and signs (１, Ａ, ％) as ASCII. Only for
// text written in English: Japanese (also a Japanese fallback on an English
// sheet) keeps its own punctuation.
std::string english_punctuation(std::string_view text);

// A footnote mark: ※3 / *3.
std::string reference_mark(int number, Lang lang);
// The number in a mark as written (※１, ※1, *2, rev15-1:※2 → 1, 1, 2, 2); 0 when it has none.
int mark_number(std::string_view mark);
// A mark as the language writes it (※２ → *2 in English; unchanged in Japanese).
std::string mark_in(std::string_view mark, Lang lang);

// 【実施計画 施策８－２】 / [Implementation Plan, Policy 8-2].
std::string bracketed(std::string_view text, Lang lang);
// （令和5年度見込み） / (FY2023 estimate).
std::string parenthesized(std::string_view text, Lang lang);

}  // namespace hyoka::present
