// The header band: who the sheet is about (plan, year, area, policy, めざす姿),
// as rows of label and value cells; on continuation pages the rows marked
// "repeat" come back, marked (続き), so every page says whose it is.
#include <algorithm>

#include "pdf/sheet_parts.hpp"

namespace hyoka::pdf {

TableModel Parts::table(const std::vector<double>& shares, double width) const {
  TableModel t;
  t.style = body;
  double total = 0;
  for (double s : shares) total += s;
  for (double s : shares) t.widths.push_back(width * s / total);
  return t;
}

namespace {

// A row's cells with something to show (an empty one gives its width to the others).
TableModel header_row(const Parts& parts, const HeaderRow& row, double width, const std::string& suffix) {
  std::vector<std::string> values;
  std::vector<const HeaderCell*> cells;
  std::vector<double> shares;
  for (const auto& cell : row.cells) {
    std::string value = parts.text.lines(cell.fields, [&](Field f) { return parts.text.policy_field(f); });
    if (value.empty()) continue;
    values.push_back(std::move(value));
    cells.push_back(&cell);
    if (!cell.label.ja.empty()) shares.push_back(cell.label_width);
    shares.push_back(cell.width);
  }
  TableModel table = parts.table(shares, width);
  table.style = parts.head;
  if (values.empty()) return table;
  // (続き) goes after the policy's name, else after the row's last value.
  std::size_t marked = values.size() - 1;
  for (std::size_t i = 0; i < cells.size(); ++i)
    for (Field f : cells[i]->fields)
      if (f == Field::policy || f == Field::policy_name) marked = i;
  values[marked] += suffix;
  Record record;
  int col = 0;
  auto add = [&](const std::string& text, Align align, double gray, double size) {
    GridCell c;
    c.col = col;
    c.cell = parts.ctx.type.cell(text, table.widths[static_cast<std::size_t>(col)], parts.head, align, gray, size);
    record.cells.push_back(std::move(c));
    ++col;
  };
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const HeaderCell& cell = *cells[i];
    if (!cell.label.ja.empty()) {
      GridCell c;
      c.col = col++;
      c.cell = parts.ctx.type.label(parts.text.label(cell.label), table.widths[static_cast<std::size_t>(c.col)], parts.head);
      record.cells.push_back(std::move(c));
    }
    add(values[i], cell.align, 1.0, cell.size * parts.head.size / parts.ctx.layout.header_size);
  }
  table.records.push_back(std::move(record));
  return table;
}

}  // namespace

std::vector<TableModel> header_band(const Parts& parts, double width, bool continuation) {
  std::vector<TableModel> out;
  const auto& rows = parts.ctx.layout.header;
  std::size_t last = rows.size();
  if (continuation)
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].repeat) last = i;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (continuation && !rows[i].repeat) continue;
    const std::string suffix = continuation && i == last ? parts.text.label("continued") : "";
    TableModel t = header_row(parts, rows[i], width, suffix);
    if (!t.records.empty()) out.push_back(std::move(t));
  }
  return out;
}

std::string scoped_field(const FieldText& text, Field field, const model::Project* project) {
  if (project && readable_in(field, Scope::project)) return text.project_field(field, *project, text.year());
  return text.policy_field(field);
}

}  // namespace hyoka::pdf
