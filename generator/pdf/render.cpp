#include "pdf/render.hpp"

#include <fmt/format.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <set>

#include "pdf/pdf.hpp"
#include "pdf/text.hpp"

namespace hyoka::pdf {

namespace {

// libharu reports errors through a C callback; it must not throw through C
// frames, so it records the first error and the caller checks afterwards.
struct ErrorState {
  HPDF_STATUS code = 0, detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->code == 0) {
    state->code = code;
    state->detail = detail;
  }
}

// Owns the HPDF document and the in-memory font file it reads from.
class Pdf {
 public:
  Pdf() : doc_(HPDF_New(on_error, &error_)) {
    if (!doc_) throw PdfError("libharu: cannot create a document");
  }
  ~Pdf() {
    HPDF_Free(doc_);
    if (font_fd_ >= 0) close(font_fd_);
  }
  Pdf(const Pdf&) = delete;
  Pdf& operator=(const Pdf&) = delete;

  HPDF_Doc doc() const { return doc_; }
  void check(const char* what) const {
    if (error_.code != 0)
      throw PdfError(fmt::format("libharu failed while {}: error 0x{:04X}, detail {}", what, error_.code,
                                 error_.detail));
  }

  // libharu only loads fonts from a path: hand it a memfd holding the subset.
  HPDF_Font load_font(const std::string& bytes) {
    font_fd_ = memfd_create("hyoka-font", MFD_CLOEXEC);
    if (font_fd_ < 0) throw PdfError("memfd_create failed");
    std::size_t written = 0;
    while (written < bytes.size()) {
      auto n = write(font_fd_, bytes.data() + written, bytes.size() - written);
      if (n <= 0) throw PdfError("cannot write the font subset");
      written += static_cast<std::size_t>(n);
    }
    std::string path = fmt::format("/proc/self/fd/{}", font_fd_);
    const char* name = HPDF_LoadTTFontFromFile(doc_, path.c_str(), HPDF_TRUE);
    check("loading the font subset");
    HPDF_Font font = HPDF_GetFont(doc_, name, "UTF-8");
    check("preparing the font");
    return font;
  }

 private:
  ErrorState error_;
  HPDF_Doc doc_;
  int font_fd_ = -1;
};

std::set<char32_t> code_points(const Document& document) {
  std::set<char32_t> used;
  for (const auto& page : document.pages)
    for (const auto& text : page.texts)
      for (char32_t c : decode_utf8(text.text)) used.insert(c);
  used.insert(U' ');
  return used;
}

void draw_page(HPDF_Doc doc, HPDF_Font font, const Document& document, const Page& page) {
  HPDF_Page p = HPDF_AddPage(doc);
  HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(document.width));
  HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(document.height));
  HPDF_Page_SetLineWidth(p, 0.5);
  auto y = [&](double top) { return static_cast<HPDF_REAL>(document.height - top); };
  for (const auto& r : page.rects) {
    // The fill colour must be set before the path starts (libharu checks the graphics mode).
    if (r.fill_gray < 1.0) HPDF_Page_SetGrayFill(p, static_cast<HPDF_REAL>(r.fill_gray));
    HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(r.box.x), y(r.box.bottom()), static_cast<HPDF_REAL>(r.box.w),
                        static_cast<HPDF_REAL>(r.box.h));
    if (r.fill_gray < 1.0) {
      r.stroke ? HPDF_Page_FillStroke(p) : HPDF_Page_Fill(p);
    } else {
      r.stroke ? HPDF_Page_Stroke(p) : HPDF_Page_EndPath(p);
    }
  }
  HPDF_Page_SetGrayFill(p, 0);
  HPDF_Page_BeginText(p);
  double size = 0;
  for (const auto& t : page.texts) {
    if (t.size != size) {
      HPDF_Page_SetFontAndSize(p, font, static_cast<HPDF_REAL>(t.size));
      size = t.size;
    }
    HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(t.x), y(t.baseline), t.text.c_str());
  }
  HPDF_Page_EndText(p);
}

void add_outline(HPDF_Doc doc, const Document& document) {
  if (document.outline.empty()) return;
  HPDF_Encoder utf8 = HPDF_GetEncoder(doc, "UTF-8");
  HPDF_Outline parents[2] = {nullptr, nullptr};
  for (const auto& entry : document.outline) {
    int level = entry.level > 0 && parents[0] ? 1 : 0;
    HPDF_Outline item = HPDF_CreateOutline(doc, level ? parents[0] : nullptr, entry.title.c_str(), utf8);
    HPDF_Page page = HPDF_GetPageByIndex(doc, static_cast<HPDF_UINT>(entry.page));
    HPDF_Destination dest = HPDF_Page_CreateDestination(page);
    HPDF_Outline_SetDestination(item, dest);
    HPDF_Outline_SetOpened(item, HPDF_FALSE);
    if (level == 0) parents[0] = item;
  }
  HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

void set_info(HPDF_Doc doc, const Document& document) {
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, document.title.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, document.author.c_str());
  if (!document.subject.empty()) HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, document.subject.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "hyoka");
  // libharu has no call for the catalog's /Lang; its document struct is public.
  if (!document.language.empty())
    HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(doc->mmgr, document.language.c_str(), nullptr));
}

std::string save(HPDF_Doc doc) {
  HPDF_SaveToStream(doc);
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  bytes.resize(read);
  return bytes;
}

}  // namespace

namespace {

std::string render_with(const Document& document, const FontFace& font, bool compact_cmap) {
  Pdf pdf;
  HPDF_Doc doc = pdf.doc();
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");  // else the info strings come out garbled
  pdf.check("setting up UTF-8");
  HPDF_Font hfont = pdf.load_font(font.subset(code_points(document), compact_cmap));
  for (const auto& page : document.pages) draw_page(doc, hfont, document, page);
  pdf.check("drawing pages");
  add_outline(doc, document);
  set_info(doc, document);
  pdf.check("writing the outline and document info");
  std::string bytes = save(doc);
  pdf.check("saving");
  return bytes;
}

}  // namespace

// On some character sets libharu 2.3.0 fails to save a font whose cmap was
// compacted (HPDF_INVALID_OBJECT while re-reading the font data; cause not
// found yet): the document is then made again with the subset's own cmap,
// slower to load but always accepted.
std::string render_pdf(const Document& document, const FontFace& font) {
  try {
    return render_with(document, font, true);
  } catch (const PdfError&) {
    return render_with(document, font, false);
  }
}

}  // namespace hyoka::pdf
