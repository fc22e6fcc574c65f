#pragma once
// Draws a laid-out document with libharu, embedding subsets of the faces that
// hold only the characters the document uses, with a ToUnicode map that text
// extraction and screen readers can rely on, links, and XMP metadata.
#include <string>

#include "pdf/display.hpp"
#include "pdf/font.hpp"

namespace hyoka::pdf {

// The PDF file's bytes. Deterministic: no dates unless the document carries them.
std::string render_pdf(const Document& document, const Fonts& fonts);

}  // namespace hyoka::pdf
