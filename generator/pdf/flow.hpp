#pragma once
// Tables as grids of cells that may span rows and columns, and their flow
// down the page and onto new pages. A record (a group of grid rows: one
// indicator with its 区分 sub-rows, or a whole band of one 取組み) stays on
// one page: one that does not fit moves to the next page under the table's
// repeated title marked "(continued)" and its column headings. Only a record
// taller than a whole page is split, between rows where it can and between
// the lines of its cells where it must, so nothing is ever clipped or drawn
// outside its cell.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pdf/display.hpp"
#include "pdf/font.hpp"
#include "pdf/layout_spec.hpp"
#include "pdf/text.hpp"

namespace hyoka::pdf {

struct Style {
  double size = 9;            // font size
  double leading = 1.3;       // line height / size
  double pad_x = 4.0, pad_y = 2.0;
  double header_gray = 0.85;  // shaded header and label cells
  double ascent = 0.88, descent = -0.12;  // font metrics, in em
  double line_height() const { return size * leading; }
};

struct Cell {
  std::vector<std::string> lines;
  std::vector<double> widths;  // of each line, points
  std::vector<bool> wrapped;   // of each line: the next continues its paragraph
  Align align = Align::left;
  double gray = 1.0;   // < 1: shaded
  double size = 0;     // 0: the table's
  bool ruled = true;   // drawn with its border
};

// A cell placed in a record's grid.
struct GridCell {
  int row = 0, col = 0, rows = 1, cols = 1;
  Cell cell;
  std::string anchor;  // a name other pages link to (the packet's summary → this row); empty: none
};

// Grid rows that belong together: one page holds them unless they are taller than a page.
struct Record {
  int rows = 1;
  std::vector<GridCell> cells;
};

struct TableModel {
  std::string title;           // shaded band above the headings; repeated with (続き); may be empty
  std::vector<double> widths;  // of the grid columns, points
  Record head;                 // column headings; no cells: none
  std::vector<Record> records;
  Style style;
  bool keep_together = false;  // the whole table on one page when it fits on one

  double width() const;
};

struct Cursor {
  std::size_t page = 0;
  double y = 0;
};

struct Anchor {
  std::size_t page = 0;
  double y = 0;
};

// Sets text into cells: the document's faces and, in English, hyphenation.
struct Typesetter {
  const Fonts& fonts;
  const Hyphenator* hyphenator = nullptr;

  Cell cell(const std::string& text, double width, const Style& style, Align align = Align::left, double gray = 1.0,
            double size = 0) const;
  // A label (a column heading, a shaded label cell): never hyphenated, and
  // set smaller, down to 5.5 pt, when that keeps its longest word whole.
  Cell label(const std::string& text, double width, const Style& style, Align align = Align::center,
             double gray = 0.85, double size = 0) const;
};

// The heights of a record's grid rows: each fits its single-row cells, and
// rows grow evenly where a spanning cell needs more than they give.
std::vector<double> row_heights(const Style& style, const Record& record);
double record_height(const Style& style, const Record& record);

// Draws a record with its top at y; returns its bottom. Anchored cells are
// recorded in `anchors` (when given) as on page `page_index`.
double draw_record(Page& page, double x, double y, const TableModel& table, const Record& record,
                   std::map<std::string, Anchor>* anchors = nullptr, std::size_t page_index = 0);

class Flow {
 public:
  // Called for each new page; draws its running head and returns where content starts.
  using PageStart = std::function<double(Page& page, std::size_t index)>;
  Flow(std::vector<Page>& pages, const Typesetter& type, double bottom, PageStart start);

  Cursor first_page();
  Cursor next_page(Cursor at);
  // Content on `page` ends at `bottom` at the latest (to move some onto a near-empty last page).
  void limit(std::size_t page, double bottom) { limits_[page] = bottom; }
  double bottom(std::size_t page) const;
  double top(std::size_t page) const { return content_top_.at(page); }
  bool at_top(Cursor at) const;

  // Places a table at x; returns the cursor below it (possibly on a later page).
  Cursor place_table(Cursor at, double x, const TableModel& table, const std::string& continued);
  // The table's height if it is not broken.
  double height(const TableModel& table) const;
  const std::map<std::string, Anchor>& anchors() const { return anchors_; }
  // The lowest point drawn on each page.
  const std::vector<double>& filled() const { return filled_; }

 private:
  std::vector<Page>& pages_;
  const Typesetter& type_;
  double bottom_;
  PageStart start_;
  std::vector<double> content_top_, filled_;  // per page
  std::map<std::size_t, double> limits_;
  std::map<std::string, Anchor> anchors_;

  double capacity(std::size_t page);  // the height a page offers content (a new one: as it would)
  GridCell title_band(const TableModel& table, const std::string& title) const;
  double head_height(const TableModel& table) const;
  Cursor place_head(Cursor at, double x, const TableModel& table, const std::string& title);
  void draw(Cursor at, double x, const TableModel& table, const Record& record);
};

}  // namespace hyoka::pdf
