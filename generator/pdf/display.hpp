#pragma once
// A laid-out document as plain data: pages of rectangles and positioned text.
// Layout produces it, render.cpp draws it with libharu, and tests check its
// invariants (every text inside its cell) without parsing a PDF.
#include <string>
#include <vector>

namespace hyoka::pdf {

// Coordinates in points, y growing downwards from the top of the page.
struct Box {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
};

struct RectItem {
  Box box;
  double fill_gray = 1.0;  // 1: not filled
  bool stroke = true;
};

struct TextItem {
  double x = 0, baseline = 0, size = 0, width = 0;
  std::string text;
  Box cell;              // the cell it belongs to: the text must stay inside it
  bool wrapped = false;  // the next line of the cell continues this one's paragraph
};

// A clickable area: to a place in the document (page, y) or to a web address.
struct Link {
  Box box;
  int page = -1;  // index into Document::pages; -1: `uri`
  double y = 0;   // the top of the view on that page
  std::string uri;
};

struct Page {
  std::vector<RectItem> rects;
  std::vector<TextItem> texts;
  std::vector<Link> links;
};

struct OutlineEntry {
  int level = 0;  // 0: area, 1: policy
  std::string title;
  int page = 0;  // index into Document::pages
};

struct Document {
  double width = 0, height = 0;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::string title, author, subject, language;
};

}  // namespace hyoka::pdf
