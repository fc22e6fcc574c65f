// The per-document font subset: the glyphs asked for, the same widths, and a
// cmap libharu reads in a few steps (sfnt.hpp) that still maps every character.
#include <doctest/doctest.h>
#include <hb.h>

#include "pdf/font.hpp"
#include <set>

#include "pdf/text.hpp"

using namespace hyoka::pdf;

namespace {

const char* font_path = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

struct Parsed {  // a HarfBuzz view of font bytes
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit Parsed(const std::string& bytes)
      : blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr)),
        face(hb_face_create(blob, 0)),
        font(hb_font_create(face)) {}
  ~Parsed() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;
};

}  // namespace

TEST_CASE("a subset maps every character's code to its glyph, with the same advance") {
  FontFace face(font_path);
  std::u32string text = decode_utf8("A z、。（）「」％令和漢字世田谷区達成状況評価―※○ー");
  std::set<char32_t> wanted(text.begin(), text.end());
  for (bool compact : {true, false}) {
    INFO("compact codes: " << compact);
    CharCodes codes(wanted, compact);
    std::string bytes = face.subset(codes);
    CHECK(bytes.size() < 40 * 1024);
    Parsed subset(bytes);
    CHECK(hb_face_get_glyph_count(subset.face) <= wanted.size() + 2);
    hb_font_set_scale(subset.font, static_cast<int>(hb_face_get_upem(subset.face)),
                      static_cast<int>(hb_face_get_upem(subset.face)));
    for (char32_t c : wanted) {
      INFO(static_cast<unsigned>(c));
      hb_codepoint_t glyph = 0;
      REQUIRE(hb_font_get_nominal_glyph(subset.font, codes.code(c), &glyph));
      CHECK(glyph != 0);
      auto advance = hb_font_get_glyph_h_advance(subset.font, glyph) * 1000 / static_cast<int>(hb_face_get_upem(subset.face));
      CHECK(advance == face.advance(c));
    }
    hb_codepoint_t glyph = 0;
    CHECK_FALSE(hb_font_get_nominal_glyph(subset.font, U'鬱', &glyph));  // not asked for, not mapped
  }
}

TEST_CASE("compact codes number a document's characters from U+0100 in code-point order") {
  CharCodes codes({U'あ', U'A', U'世'}, true);
  CHECK(codes.code(U'A') == 0x100);
  CHECK(codes.code(U'あ') == 0x101);
  CHECK(codes.code(U'世') == 0x102);
  CHECK(codes.highest_code() == 0x102);
  CHECK(codes.encode(U"世A") == encode_utf8(U"\u0102\u0100"));
  CHECK(codes.pairs() == std::vector<std::pair<char32_t, char32_t>>{{0x100, U'A'}, {0x101, U'あ'}, {0x102, U'世'}});
  CharCodes own({U'あ', U'A'}, false);
  CHECK(own.code(U'あ') == U'あ');
  CHECK(own.highest_code() == U'あ');
}

TEST_CASE("characters the font lacks become 〓 instead of a blank") {
  FontFace face(font_path);
  CHECK(face.covers(U'あ'));
  CHECK_FALSE(face.covers(U'\U0001F600'));  // above the BMP: libharu would print a space
  CHECK(face.printable("a\U0001F600b\r") == "a〓b");
}
