#pragma once
// Puts tables and paragraphs down the page and onto new pages: a record that
// does not fit moves to the next page under a repeated table header marked
// "(continued)", and a record taller than a whole page is split between lines,
// so nothing is ever clipped or drawn outside its cell.
#include <functional>
#include <string>
#include <vector>

#include "pdf/display.hpp"
#include "pdf/font.hpp"
#include "pdf/layout_spec.hpp"

namespace hyoka::pdf {

struct Style {
  double size = 7.5;          // font size
  double leading = 1.3;       // line height / size
  double pad_x = 4.0, pad_y = 2.0;
  double header_gray = 0.85;  // shaded header and label cells
  double ascent = 0.88, descent = -0.12;  // font metrics, in em
  double line_height() const { return size * leading; }
};

struct Cell {
  std::vector<std::string> lines;
  std::vector<double> widths;  // of each line, points
  Align align = Align::left;
  double gray = 1.0;  // < 1: shaded
  double size = 0;    // 0: the table's
};

// One table row; with 区分 sub-rows the spanning columns take the full height.
struct Record {
  std::vector<Cell> span;                  // [column], for columns that span the sub-rows
  std::vector<std::vector<Cell>> subrows;  // [subrow][column], for the other columns
};

struct TableModel {
  std::string title;              // shaded band above the header; may be empty
  std::vector<double> widths;     // absolute, points
  std::vector<bool> spanning;     // per column
  std::vector<Cell> header;       // may be empty
  std::vector<Record> records;
  Style style;
};

struct Cursor {
  std::size_t page = 0;
  double y = 0;
};

class Flow {
 public:
  // Called for each new page; draws its running head and returns where content starts.
  using PageStart = std::function<double(Page& page, std::size_t index)>;
  Flow(std::vector<Page>& pages, const FontFace& font, double bottom, PageStart start);

  Cursor first_page();
  Cursor next_page(Cursor at);
  double bottom() const { return bottom_; }

  // Places a table at x; returns the cursor below it (possibly on a later page).
  Cursor place_table(Cursor at, double x, const TableModel& table, const std::string& continued);
  // Places a paragraph without rules, wrapped to the width; a line is never split across pages.
  Cursor place_text(Cursor at, double x, double width, const std::string& text, const Style& style);

 private:
  std::vector<Page>& pages_;
  const FontFace& font_;
  double bottom_;
  PageStart start_;
  std::vector<double> content_top_;  // per page

  Cell title_band(const TableModel& table, const std::string& title) const;
  double header_height(const TableModel& table, const std::string& title) const;
  Cursor place_header(Cursor at, double x, const TableModel& table, const std::string& title);
  void draw_record(Cursor at, double x, const TableModel& table, const Record& record);
};

// Wraps text to fit a cell of the given width.
Cell make_cell(const FontFace& font, const std::string& text, double width, const Style& style,
               Align align = Align::left, double gray = 1.0, double size = 0);

}  // namespace hyoka::pdf
