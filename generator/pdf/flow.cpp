#include "pdf/flow.hpp"

#include <algorithm>
#include <numeric>

#include "pdf/pdf.hpp"

namespace hyoka::pdf {

namespace {

constexpr double eps = 1e-6;

double size_of(const Cell& cell, const Style& style) { return cell.size > 0 ? cell.size : style.size; }
double line_height(const Cell& cell, const Style& style) { return size_of(cell, style) * style.leading; }

double cell_height(const Cell& cell, const Style& style) {
  auto lines = std::max<std::size_t>(1, cell.lines.size());
  return static_cast<double>(lines) * line_height(cell, style) + 2 * style.pad_y;
}

// How many of the cell's lines fit in `space` points.
std::size_t lines_fitting(const Cell& cell, const Style& style, double space) {
  double n = (space - 2 * style.pad_y) / line_height(cell, style);
  if (n < 1) return 0;
  return std::min(cell.lines.size(), static_cast<std::size_t>(n + eps));
}

// The cell with only its lines [from, to).
GridCell part(const GridCell& cell, std::size_t from, std::size_t to) {
  GridCell out = cell;
  to = std::min(to, cell.cell.lines.size());
  from = std::min(from, to);
  out.cell.lines.assign(cell.cell.lines.begin() + static_cast<long>(from), cell.cell.lines.begin() + static_cast<long>(to));
  out.cell.widths.assign(cell.cell.widths.begin() + static_cast<long>(from), cell.cell.widths.begin() + static_cast<long>(to));
  out.cell.wrapped.assign(cell.cell.wrapped.begin() + static_cast<long>(from), cell.cell.wrapped.begin() + static_cast<long>(to));
  if (from > 0) out.anchor.clear();  // the row is anchored where it starts
  return out;
}

// Splits a record taller than `space` so its first part fills it: between
// grid rows where whole rows fit, else between the lines of the first row's
// cells. nullopt when not even one line fits.
std::optional<std::pair<Record, Record>> split(const Style& style, const Record& record, double space) {
  std::vector<double> h = row_heights(style, record);
  std::vector<double> top(h.size() + 1, 0);
  std::partial_sum(h.begin(), h.end(), top.begin() + 1);
  int fit = 0;
  while (fit < record.rows && top[fit + 1] <= space + eps) ++fit;
  Record first, rest;
  if (fit == 0) {
    first.rows = 1;
    rest.rows = record.rows;
    std::size_t kept = 0;
    for (const auto& cell : record.cells) {
      if (cell.row != 0) {
        rest.cells.push_back(cell);
        continue;
      }
      std::size_t keep = lines_fitting(cell.cell, style, space);
      kept += keep;
      GridCell head = part(cell, 0, keep);
      head.rows = 1;
      first.cells.push_back(head);
      rest.cells.push_back(part(cell, keep, cell.cell.lines.size()));
    }
    if (kept == 0) return std::nullopt;
  } else {
    first.rows = fit;
    rest.rows = record.rows - fit;
    for (const auto& cell : record.cells) {
      const int end = cell.row + cell.rows;
      if (end <= fit) {
        first.cells.push_back(cell);
      } else if (cell.row >= fit) {
        GridCell moved = cell;
        moved.row -= fit;
        rest.cells.push_back(moved);
      } else {  // spans the cut: its first lines stay, the others go on
        std::size_t keep = lines_fitting(cell.cell, style, space - top[cell.row]);
        GridCell a = part(cell, 0, keep), b = part(cell, keep, cell.cell.lines.size());
        a.rows = fit - cell.row;
        b.row = 0;
        b.rows = end - fit;
        first.cells.push_back(a);
        rest.cells.push_back(b);
      }
    }
  }
  return std::make_pair(std::move(first), std::move(rest));
}

void draw_cell(Page& page, const Box& box, const Cell& cell, const Style& style) {
  if (cell.ruled || cell.gray < 1.0) page.rects.push_back({box, cell.gray, cell.ruled});
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
    page.texts.push_back({x, baseline, size, w, cell.lines[i], box, i < cell.wrapped.size() && cell.wrapped[i]});
  }
}

}  // namespace

double TableModel::width() const { return std::accumulate(widths.begin(), widths.end(), 0.0); }

std::vector<double> row_heights(const Style& style, const Record& record) {
  std::vector<double> h(static_cast<std::size_t>(std::max(record.rows, 0)), style.line_height() + 2 * style.pad_y);
  std::vector<const GridCell*> spanning;
  for (const auto& c : record.cells) {
    if (c.rows == 1) h[c.row] = std::max(h[c.row], cell_height(c.cell, style));
    else spanning.push_back(&c);
  }
  std::stable_sort(spanning.begin(), spanning.end(), [](const auto* a, const auto* b) { return a->rows < b->rows; });
  for (const GridCell* c : spanning) {
    auto from = h.begin() + c->row, to = from + c->rows;
    double have = std::accumulate(from, to, 0.0), need = cell_height(c->cell, style);
    if (need > have + eps)
      for (auto it = from; it != to; ++it) *it += (need - have) / c->rows;
  }
  return h;
}

double record_height(const Style& style, const Record& record) {
  auto h = row_heights(style, record);
  return std::accumulate(h.begin(), h.end(), 0.0);
}

Cell Typesetter::cell(const std::string& text, double width, const Style& style, Align align, double gray, double size) const {
  Cell cell;
  cell.align = align;
  cell.gray = gray;
  cell.size = size;
  const double s = size > 0 ? size : style.size;
  auto advance = [&](char32_t c) { return fonts.advance(c, s); };
  // Hyphens fill out lines of prose in wide left-aligned cells; elsewhere only a word too long for a line is hyphenated.
  constexpr double prose_ems = 15;
  const Hyphenation hyphenation{hyphenator, align == Align::left && width >= prose_ems * s};
  cell.lines = break_lines(fonts.printable(text), width - 2 * style.pad_x, advance, hyphenation, &cell.wrapped);
  for (const auto& line : cell.lines) cell.widths.push_back(fonts.width(line, s));
  return cell;
}

Cell Typesetter::label(const std::string& text, double width, const Style& style, Align align, double gray,
                       double size) const {
  double s = size > 0 ? size : style.size;
  const double room = width - 2 * style.pad_x;
  double widest = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
    widest = std::max(widest, fonts.width(std::string_view(text).substr(start, end - start), s));
    start = end + 1;
  }
  constexpr double smallest = 5.5;
  if (widest > room && room > 0) s = std::max(smallest, s * room / widest * 0.999);
  // Labels are short: a word moves to the next line whole rather than being hyphenated.
  return Typesetter{fonts, nullptr}.cell(text, width, style, align, gray, s == style.size ? 0 : s);
}

Flow::Flow(std::vector<Page>& pages, const Typesetter& type, double bottom, PageStart start)
    : pages_(pages), type_(type), bottom_(bottom), start_(std::move(start)) {}

double Flow::bottom(std::size_t page) const {
  auto it = limits_.find(page);
  return it == limits_.end() ? bottom_ : std::min(bottom_, it->second);
}

bool Flow::at_top(Cursor at) const { return at.y <= content_top_[at.page] + eps; }

GridCell Flow::title_band(const TableModel& table, const std::string& title) const {
  GridCell band;
  band.cols = static_cast<int>(table.widths.size());
  band.cell = type_.cell(title, table.width(), table.style, Align::left, table.style.header_gray);
  return band;
}

double Flow::head_height(const TableModel& table) const {
  double h = table.title.empty() ? 0 : cell_height(title_band(table, table.title).cell, table.style);
  return h + (table.head.cells.empty() ? 0 : record_height(table.style, table.head));
}

double Flow::height(const TableModel& table) const {
  double h = head_height(table);
  for (const auto& r : table.records) h += record_height(table.style, r);
  return h;
}

double Flow::capacity(std::size_t page) {
  double top = 0;
  if (page < content_top_.size()) {
    top = content_top_[page];
  } else {
    Page scratch;  // the running head a new page would get, drawn nowhere
    top = start_(scratch, page);
  }
  return bottom(page) - top;
}

Cursor Flow::first_page() {
  pages_.emplace_back();
  content_top_.push_back(start_(pages_.back(), pages_.size() - 1));
  filled_.push_back(content_top_.back());
  return {pages_.size() - 1, content_top_.back()};
}

Cursor Flow::next_page(Cursor at) {
  // A table beside this one may already have opened the next page.
  if (at.page + 1 < pages_.size()) return {at.page + 1, content_top_[at.page + 1]};
  return first_page();
}

double draw_record(Page& page, double x, double y, const TableModel& table, const Record& record,
                   std::map<std::string, Anchor>* anchors, std::size_t page_index) {
  std::vector<double> h = row_heights(table.style, record);
  std::vector<double> top(h.size() + 1, y), left(table.widths.size() + 1, x);
  for (std::size_t i = 0; i < h.size(); ++i) top[i + 1] = top[i] + h[i];
  for (std::size_t i = 0; i < table.widths.size(); ++i) left[i + 1] = left[i] + table.widths[i];
  for (const auto& c : record.cells) {
    Box box{left[c.col], top[c.row], left[c.col + c.cols] - left[c.col], top[c.row + c.rows] - top[c.row]};
    draw_cell(page, box, c.cell, table.style);
    if (anchors && !c.anchor.empty() && !anchors->count(c.anchor)) (*anchors)[c.anchor] = {page_index, box.y};
  }
  return top.back();
}

void Flow::draw(Cursor at, double x, const TableModel& table, const Record& record) {
  double end = draw_record(pages_[at.page], x, at.y, table, record, &anchors_, at.page);
  filled_[at.page] = std::max(filled_[at.page], end);
}

Cursor Flow::place_head(Cursor at, double x, const TableModel& table, const std::string& title) {
  if (!title.empty()) {
    Record band;
    band.cells.push_back(title_band(table, title));
    draw(at, x, table, band);
    at.y += record_height(table.style, band);
  }
  if (!table.head.cells.empty()) {
    draw(at, x, table, table.head);
    at.y += record_height(table.style, table.head);
  }
  return at;
}

Cursor Flow::place_table(Cursor at, double x, const TableModel& table, const std::string& continued) {
  Cursor c = at;
  const double head = head_height(table);
  const double first = table.records.empty() ? 0 : record_height(table.style, table.records.front());
  const double whole = table.keep_together ? height(table) : head + first;
  // A table starts where its heading and first record (or all of it, kept together) fit.
  if (!at_top(c) && c.y + whole > bottom(c.page) + eps &&
      (whole <= capacity(c.page + 1) + eps || c.y + head + first > bottom(c.page) + eps))
    c = next_page(c);
  c = place_head(c, x, table, table.title);
  double fresh_y = c.y;  // where records start below the heading: a record here has the whole page
  auto break_page = [&] {
    c = place_head(next_page(c), x, table, table.title.empty() ? std::string() : table.title + continued);
    fresh_y = c.y;
  };
  for (const Record& record : table.records) {
    Record current = record;
    for (;;) {
      double h = record_height(table.style, current);
      if (c.y + h <= bottom(c.page) + eps) {
        draw(c, x, table, current);
        c.y += h;
        break;
      }
      if (c.y > fresh_y + eps) {
        break_page();
        continue;
      }
      auto parts = split(table.style, current, bottom(c.page) - c.y);
      if (!parts) throw PdfError("a table row does not fit on an empty page");
      draw(c, x, table, parts->first);
      current = std::move(parts->second);
      break_page();
    }
  }
  return c;
}

}  // namespace hyoka::pdf
