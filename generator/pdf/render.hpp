#pragma once
// Draws a laid-out document with libharu, embedding a subset of the font that
// holds only the characters the document uses.
#include <string>

#include "pdf/display.hpp"
#include "pdf/font.hpp"

namespace hyoka::pdf {

// The PDF file's bytes. Deterministic: no dates unless the document carries them.
std::string render_pdf(const Document& document, const FontFace& font);

}  // namespace hyoka::pdf
