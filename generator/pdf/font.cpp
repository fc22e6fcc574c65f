#include "pdf/font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include "pdf/pdf.hpp"
#include "pdf/sfnt.hpp"
#include "pdf/text.hpp"

namespace hyoka::pdf {

namespace {

// Width of UTF-8 text at a size, from advances in 1/1000 em (-1: not covered, counted as 0).
template <typename Advance>
double text_width(std::string_view utf8, double size, Advance advance) {
  long total = 0;
  for (char32_t c : decode_utf8(utf8)) {
    int a = advance(c);
    total += a < 0 ? 0 : a;
  }
  return static_cast<double>(total) * size / 1000.0;
}

// The text with what cannot be drawn replaced by `missing`, control characters dropped, tabs as spaces.
template <typename Covers>
std::string printable_text(std::string_view utf8, Covers covers, char32_t missing) {
  std::u32string text = decode_utf8(utf8);
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c == U'\r') continue;
    if (c == U'\t') c = U' ';
    if (c != U'\n' && !covers(c)) c = missing;
    out.push_back(c);
  }
  return out == text ? std::string(utf8) : encode_utf8(out);
}

}  // namespace

FontFace::FontFace(const std::filesystem::path& path) {
  blob_ = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob_) throw PdfError("cannot read font file " + path.string());
  face_ = hb_face_create(blob_, 0);
  if (hb_face_get_glyph_count(face_) == 0) {
    hb_face_destroy(face_);
    hb_blob_destroy(blob_);
    throw PdfError("not a usable TrueType/OpenType font: " + path.string());
  }
  font_ = hb_font_create(face_);
  units_per_em_ = hb_face_get_upem(face_);
  hb_font_set_scale(font_, static_cast<int>(units_per_em_), static_cast<int>(units_per_em_));
  hb_font_extents_t extents{};
  if (hb_font_get_h_extents(font_, &extents)) {
    ascender_ = static_cast<int>(extents.ascender * 1000 / static_cast<int>(units_per_em_));
    descender_ = static_cast<int>(extents.descender * 1000 / static_cast<int>(units_per_em_));
  }
}

FontFace::~FontFace() {
  hb_font_destroy(font_);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

int FontFace::advance(char32_t code_point) const {
  if (auto it = advances_.find(code_point); it != advances_.end()) return it->second;
  hb_codepoint_t glyph = 0;
  int result = -1;
  if (hb_font_get_nominal_glyph(font_, code_point, &glyph)) {
    auto units = hb_font_get_glyph_h_advance(font_, glyph);
    result = static_cast<int>(units * 1000 / static_cast<int>(units_per_em_));
  }
  advances_.emplace(code_point, result);
  return result;
}

bool FontFace::covers(char32_t code_point) const {
  // libharu turns code points above the BMP into spaces, so treat them as missing.
  return code_point <= 0xFFFF && advance(code_point) >= 0;
}

double FontFace::width(std::string_view utf8, double size) const {
  return text_width(utf8, size, [this](char32_t c) { return advance(c); });
}

std::string FontFace::printable(std::string_view utf8) const {
  return printable_text(utf8, [this](char32_t c) { return covers(c); }, covers(U'\u3013') ? U'\u3013' : U'?');
}

std::string FontFace::subset(const std::set<char32_t>& code_points, bool compact_cmap) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) throw PdfError("cannot create a font subset input");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t c : code_points) hb_set_add(unicodes, c);
  // Hinting is useless at print resolution and is most of the subset's bytes.
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  // libharu draws glyph by glyph: layout tables would only pull in extra glyphs
  // (vertical forms, ligatures) through their closure, and vertical metrics are unused.
  hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG"})
    hb_set_add(dropped, hb_tag_from_string(tag, 4));
  hb_face_t* subset_face = hb_subset_or_fail(face_, input);
  hb_subset_input_destroy(input);
  if (!subset_face) throw PdfError("font subsetting failed");
  hb_blob_t* blob = hb_face_reference_blob(subset_face);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  std::string bytes(data, length);
  if (!compact_cmap) {
    hb_blob_destroy(blob);
    hb_face_destroy(subset_face);
    return bytes;
  }
  // The subset's own glyph ids, for the cmap libharu reads fast (see sfnt.hpp).
  hb_face_t* parsed = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(parsed);
  std::vector<std::pair<char32_t, std::uint16_t>> mapping;
  for (char32_t c : code_points) {
    hb_codepoint_t glyph = 0;
    if (c <= 0xFFFF && c != 0xFFFF && hb_font_get_nominal_glyph(font, c, &glyph) && glyph != 0)
      mapping.emplace_back(c, static_cast<std::uint16_t>(glyph));
  }
  hb_font_destroy(font);
  hb_face_destroy(parsed);
  hb_blob_destroy(blob);
  hb_face_destroy(subset_face);
  return with_compact_cmap(bytes, mapping);
}

int Fonts::face_of(char32_t c) const {
  return latin_ && c != U'\n' && !is_cjk(c) && latin_->covers(c) ? 1 : 0;
}

double Fonts::advance(char32_t c, double size) const {
  int a = face(face_of(c)).advance(c);
  return a < 0 ? 0 : a * size / 1000.0;
}

double Fonts::width(std::string_view utf8, double size) const {
  if (!latin_) return japanese_.width(utf8, size);
  return text_width(utf8, size, [this](char32_t c) { return face(face_of(c)).advance(c); });
}

std::string Fonts::printable(std::string_view utf8) const {
  if (!latin_) return japanese_.printable(utf8);
  return printable_text(utf8, [this](char32_t c) { return japanese_.covers(c) || latin_->covers(c); }, U'\u3013');
}

}  // namespace hyoka::pdf
