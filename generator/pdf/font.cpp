#include "pdf/font.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>

#include "pdf/pdf.hpp"
#include "pdf/sfnt.hpp"
#include "pdf/text.hpp"

namespace hyoka::pdf {

namespace {

// Width of text at a size, from advances in 1/1000 em (-1: not covered, counted as 0).
template <typename Advance>
double text_width(std::u32string_view text, double size, Advance advance) {
  long total = 0;
  for (char32_t c : text) {
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

double FontFace::width(std::string_view utf8, double size) const { return width(decode_utf8(utf8), size); }

double FontFace::width(std::u32string_view text, double size) const {
  return text_width(text, size, [this](char32_t c) { return advance(c); });
}

std::string FontFace::printable(std::string_view utf8) const {
  return printable_text(utf8, [this](char32_t c) { return covers(c); }, covers(U'\u3013') ? U'\u3013' : U'?');
}

std::string FontFace::subset(const CharCodes& codes) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) throw PdfError("cannot create a font subset input");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (auto [code, c] : codes.pairs()) hb_set_add(unicodes, c);
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
  if (!codes.compact()) {
    hb_blob_destroy(blob);
    hb_face_destroy(subset_face);
    return bytes;
  }
  // Each code to the subset's own glyph for its character (see CharCodes, sfnt.hpp).
  hb_face_t* parsed = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(parsed);
  std::vector<std::pair<char32_t, std::uint16_t>> mapping;
  for (auto [code, c] : codes.pairs()) {
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(font, c, &glyph) && glyph != 0)
      mapping.emplace_back(code, static_cast<std::uint16_t>(glyph));
  }
  hb_font_destroy(font);
  hb_face_destroy(parsed);
  hb_blob_destroy(blob);
  hb_face_destroy(subset_face);
  return with_compact_cmap(bytes, mapping);
}

namespace {
constexpr char32_t first_code = 0x100;
}

CharCodes::CharCodes(const std::set<char32_t>& characters, bool compact)
    : characters_(characters.begin(), characters.end()),
      // the codes must stay below the surrogates and within the BMP libharu reads
      compact_(compact && characters.size() < 0xD800 - first_code) {}

char32_t CharCodes::code(char32_t character) const {
  if (!compact_) return character;
  auto it = std::lower_bound(characters_.begin(), characters_.end(), character);
  return first_code + static_cast<char32_t>(it - characters_.begin());
}

std::string CharCodes::encode(std::u32string_view text) const {
  if (!compact_) return encode_utf8(text);
  std::u32string codes;
  codes.reserve(text.size());
  for (char32_t c : text) codes.push_back(code(c));
  return encode_utf8(codes);
}

std::vector<std::pair<char32_t, char32_t>> CharCodes::pairs() const {
  std::vector<std::pair<char32_t, char32_t>> out;
  out.reserve(characters_.size());
  for (std::size_t i = 0; i < characters_.size(); ++i)
    out.emplace_back(compact_ ? first_code + static_cast<char32_t>(i) : characters_[i], characters_[i]);
  return out;
}

char32_t CharCodes::highest_code() const {
  if (characters_.empty()) return 0;
  return compact_ ? first_code + static_cast<char32_t>(characters_.size() - 1) : characters_.back();
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
  return text_width(decode_utf8(utf8), size, [this](char32_t c) { return face(face_of(c)).advance(c); });
}

std::string Fonts::printable(std::string_view utf8) const {
  if (!latin_) return japanese_.printable(utf8);
  return printable_text(utf8, [this](char32_t c) { return japanese_.covers(c) || latin_->covers(c); }, U'\u3013');
}

}  // namespace hyoka::pdf
