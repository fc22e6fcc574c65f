// Rows of indicators, projects and budget items as tables, with the 区分
// sub-rows of each record, and bands: one record per project (取組み) whose
// lanes of indicators stand side by side, line by line, so an activity row
// and the outcome row of the same 取組み always start at the same height.
#include <algorithm>
#include <numeric>
#include <set>

#include "pdf/sheet_parts.hpp"

namespace hyoka::pdf {

namespace {

using model::Indicator;
using model::IndicatorKind;

// A row of a table: an indicator, a project or a budget item.
struct Row {
  const Indicator* indicator = nullptr;
  const model::Project* project = nullptr;
  const model::BudgetItem* item = nullptr;
};

bool has_kind(const std::vector<IndicatorKind>& kinds, IndicatorKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool takes(Rows rows, const Indicator& ind) {
  return rows == Rows::indicators || rows == Rows::reasons ||
         (rows == Rows::activity && ind.kind == IndicatorKind::activity) ||
         (rows == Rows::outcome && ind.kind == IndicatorKind::outcome);
}

// An indicator that needs its reason shown: graded so, or given a reason.
bool needs_reason(const Parts& parts, const Indicator& ind, const std::vector<std::string>& grades) {
  if (!has_kind(parts.ctx.plan.evaluation.graded_kinds, ind.kind)) return false;
  const auto* r = parts.text.result(ind);
  bool listed = r && std::find(grades.begin(), grades.end(), r->result.grade) != grades.end();
  return listed || !parts.text.indicator_field(Field::reason, ind, parts.text.year()).empty();
}

std::vector<Row> rows_of(const Parts& parts, const TableSpec& spec, const model::Project* only) {
  std::vector<Row> rows;
  const model::Policy& policy = parts.text.policy();
  // Inside each_project: the project, then the rows printed under it (part_of).
  auto listed = [&](const model::Project& p) { return !only || &p == only || p.part_of == only->id; };
  if (spec.rows == Rows::projects) {
    for (const auto& p : policy.projects)
      if (listed(p) && (!spec.omit_empty_rows || has_yearly_figures(p))) rows.push_back({nullptr, &p, nullptr});
    return rows;
  }
  if (spec.rows == Rows::budget_items) {
    for (const auto& p : policy.projects)
      if (listed(p) && p.budget)
        for (const auto& item : p.budget->items) rows.push_back({nullptr, &p, &item});
    return rows;
  }
  for (const auto& ind : policy.indicators)
    if (takes(spec.rows, ind) && (spec.rows != Rows::reasons || needs_reason(parts, ind, spec.grades)))
      rows.push_back({&ind, nullptr, nullptr});
  return rows;
}

std::vector<ColumnSpec> expand_columns(const Parts& parts, const std::vector<ColumnSpec>& columns, const std::vector<Row>& rows) {
  std::vector<ColumnSpec> out;
  const model::Plan& plan = parts.ctx.plan;
  for (const auto& column : columns) {
    if (column.each_year == EachYear::none) {
      out.push_back(column);
      continue;
    }
    std::set<int> years;
    if (column.each_year == EachYear::period) {
      for (int y = plan.period_start; y <= plan.period_end; ++y) years.insert(y);
    } else {
      for (const auto& row : rows) {
        if (row.indicator)
          for (const auto& [y, _] : row.indicator->years) years.insert(y);
        if (row.project && !row.item)
          for (const auto& [y, _] : row.project->years) years.insert(y);
      }
    }
    for (int y : years) {
      ColumnSpec c = column;
      c.year = y;
      out.push_back(c);
    }
  }
  return out;
}

// What a cell shows, and whether it is a sentence (a text value such as
// 各地区で周知活動を実施する) rather than a figure: a figure stays aligned as
// its column says however it wraps, a wrapped sentence reads from the left.
struct CellText {
  std::string text;
  bool sentence = false;
  bool empty() const { return text.empty(); }
};

CellText value_of(const Parts& parts, const ColumnSpec& col, const Row& row, const SubrowSpec* sub) {
  const FieldText& text = parts.text;
  const int year = col.year.value_or(text.year());
  CellText out;
  out.text = text.lines(col.fields, [&](Field f) -> std::string {
    if (f == Field::subrow_label) return sub ? text.label(sub->label, year) : std::string();
    if (f == Field::subrow_value) {
      if (!sub) return {};
      f = sub->value;
    }
    if (row.item) return text.item_field(f, *row.project->budget, *row.item);
    const model::Value* value =
        row.indicator ? text.indicator_value(f, *row.indicator, year) : text.project_value(f, *row.project, year, col.total);
    out.sentence = out.sentence || (value && value->kind == model::Value::Kind::text);
    if (row.indicator) return text.indicator_field(f, *row.indicator, year, col.unit);
    return text.project_field(f, *row.project, year, col.total);
  });
  return out;
}

bool is_subrow_column(const ColumnSpec& col) {
  return std::any_of(col.fields.begin(), col.fields.end(),
                     [](Field f) { return f == Field::subrow_label || f == Field::subrow_value; });
}

bool is_value_column(const ColumnSpec& col) {
  return std::find(col.fields.begin(), col.fields.end(), Field::subrow_value) != col.fields.end();
}

// The texts of one record: [column][sub-row]; a column spanning the sub-rows has one.
using Texts = std::vector<std::vector<CellText>>;

// The sub-rows a record shows: those marked omit_empty go when their values are all blank (one stays).
std::vector<const SubrowSpec*> shown_subrows(const Parts& parts, const TableSpec& spec, const std::vector<ColumnSpec>& columns,
                                             const Row& row) {
  std::vector<const SubrowSpec*> out;
  for (const auto& sub : spec.subrows) {
    bool blank = sub.omit_empty;
    for (std::size_t c = 0; blank && c < columns.size(); ++c)
      if (is_value_column(columns[c]) && !value_of(parts, columns[c], row, &sub).empty()) blank = false;
    if (!blank) out.push_back(&sub);
  }
  if (out.empty() && !spec.subrows.empty()) out.push_back(&spec.subrows.front());
  if (spec.subrows.empty()) out.push_back(nullptr);
  return out;
}

Texts texts_of(const Parts& parts, const std::vector<ColumnSpec>& columns, const Row& row,
               const std::vector<const SubrowSpec*>& subrows) {
  Texts texts;
  for (const auto& col : columns) {
    std::vector<CellText> cells;
    if (is_subrow_column(col))
      for (const auto* sub : subrows) cells.push_back(value_of(parts, col, row, sub));
    else
      cells.push_back(value_of(parts, col, row, nullptr));
    texts.push_back(std::move(cells));
  }
  return texts;
}

// A packet's selected row: its number cell starts with the ▶ mark.
std::string marked(const Parts& parts, const ColumnSpec& col, const Row& row, std::string text) {
  if (!row.indicator || !parts.text.selected(*row.indicator) || col.fields.empty() || col.fields.front() != Field::number)
    return text;
  return parts.text.label("selected_mark") + text;
}

double gray_of(const Parts& parts, const Row& row) {
  return row.indicator && parts.text.selected(*row.indicator) ? selected_gray : 1.0;
}

// Lays one row's texts into grid cells from column `first`, over `rows` grid rows starting at `top`.
void add_cells(const Parts& parts, Record& record, const TableModel& table, int first, int top, int rows,
               const std::vector<ColumnSpec>& columns, const Row& row, const Texts& texts) {
  const double gray = gray_of(parts, row);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const int col = first + static_cast<int>(c);
    const double w = table.widths[static_cast<std::size_t>(col)];
    const auto& cells = texts[c];
    for (std::size_t s = 0; s < cells.size(); ++s) {
      GridCell cell;
      cell.col = col;
      cell.row = top + static_cast<int>(s);
      // The column spans the record; the last sub-row takes what the others leave.
      cell.rows = cells.size() == 1 ? rows : (s + 1 == cells.size() ? rows - static_cast<int>(s) : 1);
      cell.cell = parts.cell(marked(parts, columns[c], row, cells[s].text), w, columns[c].align, gray);
      if (cells[s].sentence && cell.cell.align == Align::right &&
          cell.cell.lines.size() > static_cast<std::size_t>(std::count(cells[s].text.begin(), cells[s].text.end(), '\n')) + 1)
        cell.cell.align = Align::left;
      if (c == 0 && s == 0 && row.indicator) cell.anchor = anchor_of(*row.indicator);
      record.cells.push_back(std::move(cell));
    }
  }
}

std::vector<double> shares_of(const std::vector<ColumnSpec>& columns) {
  std::vector<double> shares;
  for (const auto& c : columns) shares.push_back(c.width);
  return shares;
}

// Column headings: one row, or two when lanes have titles (the title over its columns).
Record headings(const Parts& parts, const TableModel& table, const std::vector<std::pair<std::string, std::vector<ColumnSpec>>>& groups,
                const std::vector<ColumnSpec>& after) {
  Record head;
  const bool titled = std::any_of(groups.begin(), groups.end(), [](const auto& g) { return !g.first.empty(); });
  head.rows = titled ? 2 : 1;
  const double gray = parts.body.header_gray;
  int col = 0;
  auto label_cell = [&](const ColumnSpec& c, int row, int rows) {
    GridCell g;
    g.col = col;
    g.row = row;
    g.rows = rows;
    g.cell = parts.ctx.type.label(parts.text.label(c.label, c.year.value_or(0)), table.widths[static_cast<std::size_t>(col)],
                                  parts.body, Align::center, gray);
    head.cells.push_back(std::move(g));
    ++col;
  };
  for (const auto& [title, columns] : groups) {
    if (titled && !title.empty()) {
      GridCell band;
      band.col = col;
      band.cols = static_cast<int>(columns.size());
      double w = std::accumulate(table.widths.begin() + col, table.widths.begin() + col + band.cols, 0.0);
      band.cell = parts.cell(title, w, Align::left, gray);
      head.cells.push_back(std::move(band));
    }
    for (const auto& c : columns) label_cell(c, titled && !title.empty() ? 1 : 0, titled && title.empty() ? 2 : 1);
  }
  for (const auto& c : after) label_cell(c, 0, head.rows);
  return head;
}

// One record saying there is nothing to list, across the whole width.
Record empty_record(const Parts& parts, const TableModel& table, const std::string& message) {
  Record r;
  GridCell c;
  c.cols = static_cast<int>(table.widths.size());
  c.cell = parts.cell(message, table.width());
  r.cells.push_back(std::move(c));
  return r;
}

}  // namespace

TableModel table_block(const Parts& parts, const TableSpec& spec, double width, const model::Project* only) {
  std::vector<Row> rows = rows_of(parts, spec, only);
  std::vector<ColumnSpec> columns = expand_columns(parts, spec.columns, rows);
  std::vector<std::vector<const SubrowSpec*>> subrows;
  std::vector<Texts> texts;
  for (const auto& row : rows) {
    subrows.push_back(shown_subrows(parts, spec, columns, row));
    texts.push_back(texts_of(parts, columns, row, subrows.back()));
  }
  // Columns marked omit_empty go when no row has anything in them.
  for (std::size_t c = columns.size(); c-- > 0;) {
    if (!columns[c].omit_empty) continue;
    bool blank = std::all_of(texts.begin(), texts.end(), [&](const Texts& t) {
      return std::all_of(t[c].begin(), t[c].end(), [](const CellText& s) { return s.empty(); });
    });
    if (!blank) continue;
    columns.erase(columns.begin() + static_cast<long>(c));
    for (auto& t : texts) t.erase(t.begin() + static_cast<long>(c));
  }
  TableModel table = parts.table(shares_of(columns), width);
  table.title = parts.text.label(spec.title);
  if (rows.empty() && spec.empty.ja.empty()) return table;
  table.head = headings(parts, table, {{"", columns}}, {});
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Record record;
    record.rows = static_cast<int>(subrows[r].size());
    add_cells(parts, record, table, 0, 0, record.rows, columns, rows[r], texts[r]);
    table.records.push_back(std::move(record));
  }
  if (rows.empty()) table.records.push_back(empty_record(parts, table, parts.text.label(spec.empty)));
  return table;
}

namespace {

struct Lane {
  const LaneSpec* spec;
  std::vector<ColumnSpec> columns;
  std::vector<Row> rows;  // this band's indicators of the lane's kind
};

// The cells of a band's head or foot row across the grid.
void span_row(const Parts& parts, Record& record, const TableModel& table, int row, const std::vector<SpanCell>& cells,
              const std::function<std::string(Field)>& read, double gray) {
  int col = 0;
  const int columns = static_cast<int>(table.widths.size());
  for (const auto& c : cells) {
    if (col >= columns) break;  // a lane repeated per year widened the grid: the spans end at its edge
    GridCell g;
    g.row = row;
    g.col = col;
    g.cols = std::min(c.span, columns - col);
    double w = std::accumulate(table.widths.begin() + col, table.widths.begin() + col + g.cols, 0.0);
    const bool label = c.fields.empty();
    const std::string text = label ? parts.text.label(c.label) : parts.text.lines(c.fields, read);
    g.cell = label ? parts.ctx.type.label(text, w, parts.body, Align::center, parts.body.header_gray)
                   : parts.cell(text, w, c.align, gray);
    record.cells.push_back(std::move(g));
    col += g.cols;
  }
}

}  // namespace

TableModel bands_block(const Parts& parts, const BlockSpec& block, double width) {
  const BandSpec& spec = block.bands;
  const model::Policy& policy = parts.text.policy();
  std::vector<Lane> lanes;
  std::vector<double> shares;
  std::vector<std::pair<std::string, std::vector<ColumnSpec>>> groups;
  for (const auto& lane : spec.lanes) {
    std::vector<Row> all;
    for (const auto& ind : policy.indicators)
      if (takes(lane.table.rows, ind)) all.push_back({&ind, nullptr, nullptr});
    lanes.push_back({&lane, expand_columns(parts, lane.table.columns, all), {}});
    for (const auto& c : lanes.back().columns) shares.push_back(c.width);
    groups.emplace_back(parts.text.label(lane.table.title), lanes.back().columns);
  }
  for (const auto& c : spec.after) shares.push_back(c.width);
  TableModel table = parts.table(shares, width);
  table.title = parts.text.label(block.title);
  table.head = headings(parts, table, groups, spec.after);

  // One band per project, then one for the indicators that name none.
  std::vector<const model::Project*> bands;
  for (const auto& p : policy.projects) bands.push_back(&p);
  bands.push_back(nullptr);
  std::set<std::string> project_ids;
  for (const auto& p : policy.projects) project_ids.insert(p.id);

  for (const model::Project* project : bands) {
    std::vector<const Indicator*> members;
    for (const auto& ind : policy.indicators)
      if (project ? ind.project == project->id : !project_ids.count(ind.project)) members.push_back(&ind);
    if (!project && members.empty()) continue;
    std::size_t lines = 0;
    for (auto& lane : lanes) {
      lane.rows.clear();
      for (const auto* ind : members)
        if (takes(lane.spec->table.rows, *ind)) lane.rows.push_back({ind, nullptr, nullptr});
      lines = std::max(lines, lane.rows.size());
    }
    std::vector<const Indicator*> foot;
    if (!spec.foot.empty())
      for (const auto* ind : members)
        if (needs_reason(parts, *ind, spec.grades)) foot.push_back(ind);

    Record record;
    int row = 0;
    auto project_read = [&](Field f) { return project ? parts.text.project_field(f, *project, parts.text.year()) : std::string(); };
    if (project && !spec.head.empty()) span_row(parts, record, table, row++, spec.head, project_read, 1.0);
    for (std::size_t k = 0; k < lines; ++k) {
      std::vector<const Indicator*> line;  // this line's indicators, whose divisions the columns after the lanes show
      std::vector<std::vector<const SubrowSpec*>> subs;
      int height = 1;
      for (const auto& lane : lanes) {
        subs.push_back(k < lane.rows.size() ? shown_subrows(parts, lane.spec->table, lane.columns, lane.rows[k])
                                            : std::vector<const SubrowSpec*>{});
        height = std::max(height, static_cast<int>(subs.back().size()));
      }
      int first = 0;
      for (std::size_t l = 0; l < lanes.size(); ++l) {
        const Lane& lane = lanes[l];
        if (k < lane.rows.size()) {
          line.push_back(lane.rows[k].indicator);
          add_cells(parts, record, table, first, row, height, lane.columns, lane.rows[k],
                    texts_of(parts, lane.columns, lane.rows[k], subs[l]));
        } else {  // this lane has fewer rows in the band: one blank across it
          GridCell blank;
          blank.row = row;
          blank.col = first;
          blank.rows = height;
          blank.cols = static_cast<int>(lane.columns.size());
          record.cells.push_back(std::move(blank));
        }
        first += static_cast<int>(lane.columns.size());
      }
      for (const auto& c : spec.after) {  // across the line: its responsible divisions, as the sheet prints them
        GridCell g;
        g.row = row;
        g.col = first;
        g.rows = height;
        g.cell = parts.cell(parts.text.lines(c.fields, [&](Field f) {
                              return f == Field::divisions ? parts.text.band_divisions(project, line) : project_read(f);
                            }),
                            table.widths[static_cast<std::size_t>(first)], c.align);
        record.cells.push_back(std::move(g));
        ++first;
      }
      row += height;
    }
    for (const auto* ind : foot)
      span_row(parts, record, table, row++, spec.foot,
               [&](Field f) { return parts.text.indicator_field(f, *ind, parts.text.year()); }, gray_of(parts, {ind, nullptr, nullptr}));
    record.rows = row;
    if (row > 0) table.records.push_back(std::move(record));
  }
  if (table.records.empty()) {
    if (spec.empty.ja.empty()) table.head = {};
    else table.records.push_back(empty_record(parts, table, parts.text.label(spec.empty)));
  }
  return table;
}

std::string anchor_of(const model::Indicator& indicator) { return "indicator:" + indicator.id; }

bool has_yearly_figures(const model::Project& p) {
  return p.status || p.goal || p.plan_total.present() ||
         std::any_of(p.years.begin(), p.years.end(), [](const auto& y) {
           return y.second.plan.present() || y.second.actual.present() || y.second.cost.present();
         });
}

}  // namespace hyoka::pdf
