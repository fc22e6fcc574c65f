#include "pdf/flow.hpp"

#include <algorithm>
#include <optional>

#include "pdf/pdf.hpp"
#include "pdf/text.hpp"

namespace hyoka::pdf {

namespace {

constexpr double eps = 1e-6;

double size_of(const Cell& cell, const Style& style) { return cell.size > 0 ? cell.size : style.size; }

double cell_height(const Cell& cell, const Style& style) {
  auto lines = std::max<std::size_t>(1, cell.lines.size());
  return static_cast<double>(lines) * size_of(cell, style) * style.leading + 2 * style.pad_y;
}

struct Metrics {
  std::vector<double> subrows;  // height of each sub-row
  double total = 0;
};

Metrics measure(const TableModel& table, const Record& record) {
  Metrics m;
  double sum = 0;
  for (const auto& row : record.subrows) {
    double h = table.style.line_height() + 2 * table.style.pad_y;
    for (std::size_t c = 0; c < row.size(); ++c)
      if (!table.spanning[c]) h = std::max(h, cell_height(row[c], table.style));
    m.subrows.push_back(h);
    sum += h;
  }
  double span = 0;
  for (std::size_t c = 0; c < record.span.size(); ++c)
    if (table.spanning[c]) span = std::max(span, cell_height(record.span[c], table.style));
  if (span > sum && !m.subrows.empty()) {  // tall spanning text: share the extra height out
    double extra = (span - sum) / static_cast<double>(m.subrows.size());
    for (double& h : m.subrows) h += extra;
  }
  m.total = std::max(sum, span);
  return m;
}

// Splits a cell after `keep` lines: first part stays, second is returned.
Cell cut(Cell& cell, std::size_t keep) {
  Cell rest = cell;
  rest.lines.clear();
  rest.widths.clear();
  if (cell.lines.size() > keep) {
    rest.lines.assign(cell.lines.begin() + static_cast<long>(keep), cell.lines.end());
    rest.widths.assign(cell.widths.begin() + static_cast<long>(keep), cell.widths.end());
    cell.lines.resize(keep);
    cell.widths.resize(keep);
  }
  return rest;
}

// Splits a record that is too tall so its first part fills `space`; nullopt if not even a line fits.
std::optional<std::pair<Record, Record>> split(const TableModel& table, const Record& record, double space) {
  const Style& s = table.style;
  double lines = (space - 2 * s.pad_y) / s.line_height();
  if (lines < 1) return std::nullopt;
  auto keep = static_cast<std::size_t>(lines + eps);
  Record first = record, rest = record;
  for (std::size_t c = 0; c < first.span.size(); ++c) rest.span[c] = cut(first.span[c], keep);
  if (record.subrows.size() == 1) {
    for (std::size_t c = 0; c < first.subrows[0].size(); ++c) rest.subrows[0][c] = cut(first.subrows[0][c], keep);
  } else {
    // Sub-rows hold short figures: they stay together in the first part.
    double sum = 0;
    for (const auto& row : record.subrows) {
      double h = s.line_height() + 2 * s.pad_y;
      for (std::size_t c = 0; c < row.size(); ++c)
        if (!table.spanning[c]) h = std::max(h, cell_height(row[c], s));
      sum += h;
    }
    if (sum > space + eps) return std::nullopt;
    rest.subrows.resize(1);
    for (Cell& cell : rest.subrows[0]) cut(cell, 0);
  }
  return std::make_pair(std::move(first), std::move(rest));
}

void draw_cell(Page& page, const Box& box, const Cell& cell, const Style& style) {
  page.rects.push_back({box, cell.gray, true});
  double size = size_of(cell, style);
  double lh = size * style.leading;
  double top = box.y + (box.h - lh * static_cast<double>(cell.lines.size())) / 2;  // centred vertically
  for (std::size_t i = 0; i < cell.lines.size(); ++i) {
    if (cell.lines[i].empty()) continue;
    double w = cell.widths[i];
    double x = box.x + style.pad_x;
    if (cell.align == Align::right) x = box.right() - style.pad_x - w;
    if (cell.align == Align::center) x = box.x + (box.w - w) / 2;
    double baseline = top + lh * static_cast<double>(i) + (lh - size) / 2 + size * style.ascent;
    page.texts.push_back({x, baseline, size, w, cell.lines[i], box});
  }
}

double table_width(const TableModel& table) {
  double w = 0;
  for (double c : table.widths) w += c;
  return w;
}

}  // namespace

Cell make_cell(const FontFace& font, const std::string& text, double width, const Style& style, Align align,
               double gray, double size) {
  Cell cell;
  cell.align = align;
  cell.gray = gray;
  cell.size = size;
  double s = size > 0 ? size : style.size;
  auto advance = [&](char32_t c) { return std::max(0, font.advance(c)) * s / 1000.0; };
  cell.lines = break_lines(font.printable(text), width - 2 * style.pad_x, advance);
  for (const auto& line : cell.lines) cell.widths.push_back(font.width(line, s));
  // Figures are right-aligned, but a sentence that had to wrap reads better from the left.
  auto paragraphs = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  if (align == Align::right && cell.lines.size() > paragraphs) cell.align = Align::left;
  return cell;
}

Flow::Flow(std::vector<Page>& pages, const FontFace& font, double bottom, PageStart start)
    : pages_(pages), font_(font), bottom_(bottom), start_(std::move(start)) {}

Cell Flow::title_band(const TableModel& table, const std::string& title) const {
  return make_cell(font_, title, table_width(table), table.style, Align::left, table.style.header_gray);
}

double Flow::header_height(const TableModel& table, const std::string& title) const {
  double h = title.empty() ? 0 : cell_height(title_band(table, title), table.style);
  double row = 0;
  for (const Cell& cell : table.header) row = std::max(row, cell_height(cell, table.style));
  return h + row;
}

Cursor Flow::first_page() {
  pages_.emplace_back();
  content_top_.push_back(start_(pages_.back(), pages_.size() - 1));
  return {pages_.size() - 1, content_top_.back()};
}

Cursor Flow::next_page(Cursor at) {
  // A table beside this one may already have opened the next page.
  if (at.page + 1 < pages_.size()) return {at.page + 1, content_top_[at.page + 1]};
  return first_page();
}

Cursor Flow::place_header(Cursor at, double x, const TableModel& table, const std::string& title) {
  Page& page = pages_[at.page];
  const Style& s = table.style;
  double width = table_width(table);
  if (!title.empty()) {
    Cell band = title_band(table, title);
    double h = cell_height(band, s);
    draw_cell(page, {x, at.y, width, h}, band, s);
    at.y += h;
  }
  double h = 0;
  for (const Cell& cell : table.header) h = std::max(h, cell_height(cell, s));
  double cx = x;
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    draw_cell(page, {cx, at.y, table.widths[c], h}, table.header[c], s);
    cx += table.widths[c];
  }
  at.y += h;
  return at;
}

void Flow::draw_record(Cursor at, double x, const TableModel& table, const Record& record) {
  Page& page = pages_[at.page];
  Metrics m = measure(table, record);
  double cx = x;
  for (std::size_t c = 0; c < table.widths.size(); ++c) {
    double w = table.widths[c];
    if (table.spanning[c]) {
      draw_cell(page, {cx, at.y, w, m.total}, record.span[c], table.style);
    } else {
      double y = at.y;
      for (std::size_t r = 0; r < record.subrows.size(); ++r) {
        draw_cell(page, {cx, y, w, m.subrows[r]}, record.subrows[r][c], table.style);
        y += m.subrows[r];
      }
    }
    cx += w;
  }
}

Cursor Flow::place_table(Cursor at, double x, const TableModel& table, const std::string& continued) {
  double head = header_height(table, table.title);
  Cursor c = at;
  if (!table.records.empty()) {
    double first = measure(table, table.records.front()).total;
    bool at_top = c.y <= content_top_[c.page] + eps;
    if (!at_top && c.y + head + first > bottom_ + eps) c = next_page(c);
  }
  c = place_header(c, x, table, table.title);
  double fresh_y = c.y;  // where records start below a header: a record here has the whole page
  auto break_page = [&] {
    c = place_header(next_page(c), x, table, table.title.empty() ? std::string() : table.title + continued);
    fresh_y = c.y;
  };
  for (const Record& record : table.records) {
    Record current = record;
    for (;;) {
      Metrics m = measure(table, current);
      if (c.y + m.total <= bottom_ + eps) {
        draw_record(c, x, table, current);
        c.y += m.total;
        break;
      }
      if (c.y > fresh_y + eps) {
        break_page();
        continue;
      }
      auto parts = split(table, current, bottom_ - c.y);
      if (!parts) throw PdfError("a table row does not fit on an empty page");
      draw_record(c, x, table, parts->first);
      current = std::move(parts->second);
      break_page();
    }
  }
  return c;
}

Cursor Flow::place_text(Cursor at, double x, double width, const std::string& text, const Style& style) {
  Style plain = style;
  plain.pad_x = plain.pad_y = 0;
  Cell all = make_cell(font_, text, width, plain);
  Cursor c = at;
  double lh = plain.line_height();
  for (std::size_t i = 0; i < all.lines.size(); ++i) {
    if (c.y + lh > bottom_ + eps) c = next_page(c);
    Cell line = all;
    line.lines = {all.lines[i]};
    line.widths = {all.widths[i]};
    Page& page = pages_[c.page];
    draw_cell(page, {x, c.y, width, lh}, line, plain);
    page.rects.pop_back();  // paragraphs have no rules
    c.y += lh;
  }
  return c;
}

}  // namespace hyoka::pdf
