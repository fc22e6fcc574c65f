#pragma once
// Rewrites a TrueType font's cmap so that libharu can read it fast.
//
// libharu 2.3.0 builds its CID→glyph map by looking up all 65,536 codes, and
// each lookup walks the format-4 segments one by one. A subset of scattered
// kanji has one segment per character, so that walk was a third of the time
// of a whole sheet. Grouping nearby code points into a few segments whose
// gaps map to glyph 0 makes each lookup a handful of steps; the gaps are runs
// of zeros that the PDF's Flate compression all but removes.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hyoka::pdf {

// mapping: (code ≤ U+FFFF, glyph id), sorted by code, no duplicates; the codes are
// CharCodes (font.hpp), contiguous unless characters are their own codes.
std::string with_compact_cmap(const std::string& font, const std::vector<std::pair<char32_t, std::uint16_t>>& mapping);

}  // namespace hyoka::pdf
