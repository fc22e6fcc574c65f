#pragma once
// The one font every document uses, parsed once with HarfBuzz and reused across
// documents (parsing and libharu's full-cmap walk are the expensive parts), plus
// the per-document subset that keeps a one-sheet PDF small.
#include <filesystem>
#include <set>
#include <string_view>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;

namespace hyoka::pdf {

// The codes a document's text is written in, for one face. libharu takes a
// character's code as its CID and writes a CID→glyph map up to the highest
// code: 128 KB for any Japanese text, built from 65,536 lookups and compressed
// again for every document. Numbering the characters a document uses from
// U+0100 up, in code-point order, keeps that map to a few hundred bytes; the
// ToUnicode map gives readers the characters back. Not compact, each
// character is its own code (the subset keeps the font's cmap).
class CharCodes {
 public:
  CharCodes(const std::set<char32_t>& characters, bool compact);

  bool compact() const { return compact_; }
  char32_t code(char32_t character) const;
  std::string encode(std::u32string_view text) const;  // UTF-8 of the codes, as libharu takes them
  // (code, character) for every character, in code order.
  std::vector<std::pair<char32_t, char32_t>> pairs() const;
  char32_t highest_code() const;

 private:
  std::vector<char32_t> characters_;  // sorted
  bool compact_;
};

class FontFace {
 public:
  explicit FontFace(const std::filesystem::path& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  // Whether the font has a glyph for the code point (libharu renders a missing one blank).
  bool covers(char32_t code_point) const;
  // Advance in 1/1000 em, rounded the way libharu writes its /W array.
  int advance(char32_t code_point) const;
  // The text with what cannot be drawn replaced: a glyph the font lacks becomes 〓
  // (libharu would leave it blank), control characters go, tabs become spaces.
  std::string printable(std::string_view utf8) const;
  // Width of UTF-8 text at a font size, in points.
  double width(std::string_view utf8, double size) const;
  double width(std::u32string_view text, double size) const;
  // A TrueType file holding only the glyphs of these characters, its cmap
  // mapping each character's code in `codes` (see CharCodes and sfnt.hpp).
  std::string subset(const CharCodes& codes) const;

  // Font metrics in 1/1000 em: ascender is positive, descender negative.
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }

 private:
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  unsigned units_per_em_ = 1000;
  int ascender_ = 880, descender_ = -120;
  mutable std::unordered_map<char32_t, int> advances_;  // -1: not covered
};

// The faces a document sets its text in. Japanese documents use the Japanese
// face throughout (its Latin letters are proportional and drawn to sit with
// kana). English documents set Latin text in a proportional Latin face and
// what it lacks (kanji, kana, ※ ★ ①) in the Japanese one, character by
// character; line metrics are the Japanese face's, so mixed lines share them.
class Fonts {
 public:
  Fonts(const FontFace& japanese, const FontFace* latin) : japanese_(japanese), latin_(latin) {}

  // 0: the Japanese face, 1: the Latin one.
  int face_of(char32_t c) const;
  const FontFace& face(int index) const { return index == 1 && latin_ ? *latin_ : japanese_; }
  bool mixed() const { return latin_ != nullptr; }

  // Advance of one character at a size, in points (0 for what cannot be drawn).
  double advance(char32_t c, double size) const;
  double width(std::string_view utf8, double size) const;
  // The text with what no face can draw replaced by 〓 (see FontFace::printable).
  std::string printable(std::string_view utf8) const;
  double ascent() const { return japanese_.ascender() / 1000.0; }
  double descent() const { return japanese_.descender() / 1000.0; }

 private:
  const FontFace& japanese_;
  const FontFace* latin_;
};

}  // namespace hyoka::pdf
