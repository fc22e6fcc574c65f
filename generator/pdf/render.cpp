#include "pdf/render.hpp"

#include <fmt/format.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_version.h>

#include <array>
#include <cstring>
#include <set>

#include "pdf/pdf.hpp"
#include "pdf/text.hpp"
#include "present/escape.hpp"

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

// Owns the HPDF document.
class Pdf {
 public:
  Pdf() : doc_(HPDF_New(on_error, &error_)) {
    if (!doc_) throw PdfError("libharu: cannot create a document");
  }
  ~Pdf() { HPDF_Free(doc_); }
  Pdf(const Pdf&) = delete;
  Pdf& operator=(const Pdf&) = delete;

  HPDF_Doc doc() const { return doc_; }
  void check(const char* what) const {
    if (error_.code != 0)
      throw PdfError(fmt::format("libharu failed while {}: error 0x{:04X}, detail {}", what, error_.code,
                                 error_.detail));
  }

  // libharu's public call loads a font from a path only, and while saving it
  // seeks and reads that file glyph by glyph (a tenth of a sheet's time in
  // system calls). This is what HPDF_LoadTTFontFromFile does, with the
  // subset in a memory stream; its declarations are in libharu's headers.
  HPDF_Font load_font(const std::string& bytes) {
    HPDF_Stream stream = HPDF_MemStream_New(doc_->mmgr, static_cast<HPDF_UINT>(bytes.size()));
    if (!stream) throw PdfError("libharu: cannot hold the font subset in memory");
    HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
    HPDF_FontDef def = HPDF_TTFontDef_Load(doc_->mmgr, stream, HPDF_TRUE);  // owns the stream from here
    check("loading the font subset");
    if (!def) throw PdfError("libharu: cannot read the font subset");
    if (HPDF_List_Add(doc_->fontdef_list, def) != HPDF_OK) {
      HPDF_FontDef_Free(def);
      throw PdfError("libharu: cannot register the font subset");
    }
    next_subset_tag();
    HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(doc_->ttfont_tag));
    HPDF_Font font = HPDF_GetFont(doc_, def->base_font, "UTF-8");
    check("preparing the font");
    return font;
  }

 private:
  // The six-letter prefix of an embedded subset's name (HPDFAA+, HPDFAB+, …), as libharu counts them.
  void next_subset_tag() {
    HPDF_BYTE* tag = doc_->ttfont_tag;
    if (tag[0] == 0) {
      std::memcpy(tag, "HPDFAA", 6);
      return;
    }
    for (int i = 5; i >= 0; --i) {
      if (++tag[i] <= 'Z') return;
      tag[i] = 'A';
    }
  }

  ErrorState error_;
  HPDF_Doc doc_;
};

// The characters each face sets, in this document.
std::array<std::set<char32_t>, 2> code_points(const Document& document, const Fonts& fonts) {
  std::array<std::set<char32_t>, 2> used;
  for (const auto& page : document.pages)
    for (const auto& text : page.texts)
      for (char32_t c : decode_utf8(text.text)) used[static_cast<std::size_t>(fonts.face_of(c))].insert(c);
  if (!used[0].empty() || used[1].empty()) used[0].insert(U' ');  // a face is embedded only when it sets something
  return used;
}

// libharu 2.3.0 writes its UTF-8 encoder's CMap (code → CID, in begincidrange
// sections) as the font's ToUnicode map, which readers reject ("Invalid
// 'begincidrange' operator in ToUnicode CMap"). The right map sends each code
// to its character (CharCodes), in bfrange sections.
void write_to_unicode(HPDF_Font font, const CharCodes& codes) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->cmap_stream) return;
  // Runs of consecutive codes for consecutive characters, neither leaving its
  // 256-code block, as bfrange requires: (first code, last code, first character).
  std::vector<std::array<char32_t, 3>> ranges;
  for (auto [code, c] : codes.pairs()) {
    if (c > 0xFFFF) continue;
    if (!ranges.empty() && ranges.back()[1] + 1 == code && ranges.back()[2] + (code - ranges.back()[0]) == c &&
        (code & 0xFF) != 0 && (c & 0xFF) != 0)
      ranges.back()[1] = code;
    else
      ranges.push_back({code, code, c});
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < ranges.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
    cmap += fmt::format("{} beginbfrange\n", n);
    for (std::size_t k = i; k < i + n; ++k)
      cmap += fmt::format("<{:04X}> <{:04X}> <{:04X}>\n", static_cast<unsigned>(ranges[k][0]),
                          static_cast<unsigned>(ranges[k][1]), static_cast<unsigned>(ranges[k][2]));
    cmap += "endbfrange\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  HPDF_MemStream_FreeData(attr->cmap_stream->stream);
  HPDF_Stream_Write(attr->cmap_stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                    static_cast<HPDF_UINT>(cmap.size()));
}

// libharu writes the CID→glyph map for all 65,536 codes; a reader needs it
// only up to the highest code used (a shorter map sends the rest to glyph 0).
void shorten_cid_map(HPDF_Font font, const CharCodes& codes) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->map_stream) return;
  HPDF_Stream stream = attr->map_stream->stream;
  HPDF_UINT length = std::min<HPDF_UINT>(HPDF_Stream_Size(stream), 2 * (codes.highest_code() + 1));
  std::string map(length, '\0');
  HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET);
  HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(map.data()), &length);
  HPDF_MemStream_FreeData(stream);
  HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(map.data()), length);
}

struct LoadedFonts {
  std::array<HPDF_Font, 2> font{nullptr, nullptr};
  std::array<CharCodes, 2> codes;
};

void draw_page(HPDF_Doc doc, const LoadedFonts& loaded, const Fonts& fonts, const Document& document, const Page& page) {
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
  HPDF_Font current = nullptr;
  double size = 0;
  for (const auto& t : page.texts) {
    // A line in runs of one face each, side by side.
    std::u32string text = decode_utf8(t.text);
    double x = t.x;
    for (std::size_t start = 0; start < text.size();) {
      const int face = fonts.face_of(text[start]);
      std::size_t end = start + 1;
      while (end < text.size() && fonts.face_of(text[end]) == face) ++end;
      const std::u32string_view run = std::u32string_view(text).substr(start, end - start);
      HPDF_Font font = loaded.font[static_cast<std::size_t>(face)];
      if (font != current || t.size != size) {
        HPDF_Page_SetFontAndSize(p, font, static_cast<HPDF_REAL>(t.size));
        current = font;
        size = t.size;
      }
      HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(x), y(t.baseline),
                        loaded.codes[static_cast<std::size_t>(face)].encode(run).c_str());
      x += fonts.face(face).width(run, t.size);
      start = end;
    }
  }
  HPDF_Page_EndText(p);
}

void add_links(HPDF_Doc doc, const Document& document) {
  for (std::size_t i = 0; i < document.pages.size(); ++i) {
    HPDF_Page page = HPDF_GetPageByIndex(doc, static_cast<HPDF_UINT>(i));
    for (const auto& link : document.pages[i].links) {
      const Box& b = link.box;
      HPDF_Rect rect{static_cast<HPDF_REAL>(b.x), static_cast<HPDF_REAL>(document.height - b.bottom()),
                     static_cast<HPDF_REAL>(b.right()), static_cast<HPDF_REAL>(document.height - b.y)};
      HPDF_Annotation annot = nullptr;
      if (link.page >= 0) {
        HPDF_Destination dest = HPDF_Page_CreateDestination(HPDF_GetPageByIndex(doc, static_cast<HPDF_UINT>(link.page)));
        HPDF_Destination_SetFitH(dest, static_cast<HPDF_REAL>(document.height - link.y));  // page width, row at the top
        annot = HPDF_Page_CreateLinkAnnot(page, rect, dest);
      } else {
        annot = HPDF_Page_CreateURILinkAnnot(page, rect, link.uri.c_str());
      }
      HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    }
  }
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

std::string xml(const std::string& text) { return present::escape_html(text); }

// The document information again as XMP, which archives and assistive tools read.
std::string xmp(const Document& d) {
  const std::string lang = d.language.empty() ? "x-default" : d.language;
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
         "<dc:format>application/pdf</dc:format>\n"
         "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(d.title) + "</rdf:li></rdf:Alt></dc:title>\n"
         "<dc:creator><rdf:Seq><rdf:li>" + xml(d.author) + "</rdf:li></rdf:Seq></dc:creator>\n"
         "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(d.subject) + "</rdf:li></rdf:Alt></dc:description>\n"
         "<dc:language><rdf:Bag><rdf:li>" + xml(lang) + "</rdf:li></rdf:Bag></dc:language>\n"
         "<xmp:CreatorTool>hyoka</xmp:CreatorTool>\n"
         "<pdf:Producer>Haru Free PDF Library " HPDF_VERSION_TEXT "</pdf:Producer>\n"
         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
}

void set_info(HPDF_Doc doc, const Document& document) {
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, document.title.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, document.author.c_str());
  if (!document.subject.empty()) HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, document.subject.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "hyoka");
  // libharu has no call for the catalog's /Lang or /Metadata; its document struct is public.
  if (!document.language.empty())
    HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(doc->mmgr, document.language.c_str(), nullptr));
  HPDF_Dict metadata = HPDF_DictStream_New(doc->mmgr, doc->xref);
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_AddName(metadata, "Subtype", "XML");
  metadata->filter = HPDF_STREAM_FILTER_FLATE_DECODE;  // compressed like every stream (pdfinfo -meta reads it)
  const std::string packet = xmp(document);
  HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()), static_cast<HPDF_UINT>(packet.size()));
  HPDF_Dict_Add(doc->catalog, "Metadata", metadata);
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

std::string render_with(const Document& document, const Fonts& fonts, bool compact_codes) {
  Pdf pdf;
  HPDF_Doc doc = pdf.doc();
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");  // else the info strings come out garbled
  pdf.check("setting up UTF-8");
  const auto used = code_points(document, fonts);
  LoadedFonts loaded{{}, {CharCodes(used[0], compact_codes), CharCodes(used[1], compact_codes)}};
  for (std::size_t face = 0; face < 2; ++face) {
    if (used[face].empty()) continue;
    loaded.font[face] = pdf.load_font(fonts.face(static_cast<int>(face)).subset(loaded.codes[face]));
    write_to_unicode(loaded.font[face], loaded.codes[face]);
    shorten_cid_map(loaded.font[face], loaded.codes[face]);
  }
  pdf.check("loading the fonts");
  for (const auto& page : document.pages) draw_page(doc, loaded, fonts, document, page);
  pdf.check("drawing pages");
  add_links(doc, document);
  add_outline(doc, document);
  set_info(doc, document);
  pdf.check("writing the links, outline and document info");
  std::string bytes = save(doc);
  pdf.check("saving");
  return bytes;
}

}  // namespace

// On some character sets libharu 2.3.0 failed to save a font whose cmap was
// compacted (HPDF_INVALID_OBJECT while re-reading the font data; cause not
// found; tests/data/pdf-cmap-fallback is one). Since characters get compact
// codes that set no longer fails, but should another: the document is then
// made again with the characters as their own codes and the subset's own
// cmap, slower but always accepted.
std::string render_pdf(const Document& document, const Fonts& fonts) {
  try {
    return render_with(document, fonts, true);
  } catch (const PdfError&) {
    return render_with(document, fonts, false);
  }
}

}  // namespace hyoka::pdf
