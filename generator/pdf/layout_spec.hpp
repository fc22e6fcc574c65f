#pragma once
// A sheet layout as read from templates/layouts/<name>.json: the data that makes
// our sheet look like a city's official one. The format is documented in README.md;
// load_layout checks every key and field name against fields.hpp.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "pdf/fields.hpp"

namespace hyoka::pdf {

enum class Align { left, center, right };

// Which years a column repeats for.
enum class EachYear { none, period, data };

struct ColumnSpec {
  std::vector<Field> fields;   // what the cell shows, one field a line (README.md lists the fields)
  model::Text label;           // header text; {fy} / {nendo} / {year} are replaced for year columns
  double width = 1;            // relative to the other columns
  Align align = Align::left;
  std::optional<int> year;     // year-bound fields; the evaluation year when empty
  EachYear each_year = EachYear::none;
  bool total = false;          // subrow_value: the sub-row value's total (計) instead of a year's
  bool omit_empty = false;     // left out when no row has anything in it
  bool unit = true;            // figures with their unit; false where the unit has a column of its own
};

struct SubrowSpec {  // one row of a record's 区分 (当初計画 / 修正計画 / 実績)
  model::Text label;
  Field value = Field::target;  // target, revised_target, effective_target, actual, rate, plan, cost
  bool omit_empty = false;      // leave the row out of a record where it has nothing to show
};

enum class Rows { activity, outcome, indicators, reasons, projects, budget_items };

struct TableSpec {
  model::Text title;
  Rows rows = Rows::indicators;
  std::vector<std::string> grades;  // reasons: the grades that need one (C, D)
  std::vector<SubrowSpec> subrows;
  std::vector<ColumnSpec> columns;
  model::Text empty;                // shown in one row when there are none; hidden when empty text
  bool omit_empty_rows = false;     // projects: leave out rows whose yearly figures are all blank
};

// A cell of a band's head or foot row: a shaded label or a field, across `span` grid columns.
struct SpanCell {
  model::Text label;
  std::vector<Field> fields;
  int span = 1;
  Align align = Align::left;
};

// One side of a band: the indicators of one kind, in the band's lines.
struct LaneSpec {
  TableSpec table;  // title, rows (activity, outcome or indicators), subrows and columns
};

// One band per project (取組み): a head row, then lines where the lanes'
// records stand side by side and start at the same height, each line ended
// by the columns after the lanes (its divisions), and foot rows for the reasons.
struct BandSpec {
  std::vector<SpanCell> head;        // project scope
  std::vector<LaneSpec> lanes;
  std::vector<ColumnSpec> after;     // band scope, across each line
  std::vector<std::string> grades;   // foot rows: indicators graded so, or with a reason
  std::vector<SpanCell> foot;        // indicator scope
  model::Text empty;
  int columns() const;               // grid columns: lanes' and after
};

struct HeaderCell {
  std::vector<Field> fields;
  model::Text label;  // shaded label cell before the value; none when empty
  double label_width = 1, width = 3;
  double size = 0;    // font size; 0: the header's
  Align align = Align::left;
};

struct HeaderRow {
  std::vector<HeaderCell> cells;
  bool repeat = false;  // also at the top of continuation pages, marked (続き)
};

// When a block is printed: always; when the plan grades something (a grade
// legend); when it grades nothing; inside each_project, for projects with
// yearly figures (plans, actuals, costs) only.
enum class Condition { always, graded, ungraded, has_years };

struct FieldRow {  // a row of a `fields` block: label | value
  model::Text label;
  std::vector<Field> fields;
};

struct BlockSpec;

struct ColumnBlock {  // one column of a `columns` block
  double share = 1;
  std::vector<BlockSpec> blocks;
};

enum class BlockType { table, bands, columns, text, fields, legend, footnotes, glossary, each_project };

struct BlockSpec {
  BlockType type = BlockType::table;
  Condition when = Condition::always;
  bool keep_together = false;      // moved to a new page rather than split, unless taller than a page
  model::Text title;
  TableSpec table;                 // table
  BandSpec bands;                  // bands
  std::vector<ColumnBlock> columns;  // columns
  double min_width = 0;            // columns: stacked when one would be narrower (points)
  std::vector<Field> fields;       // text
  std::vector<Field> heading;      // text: printed first, shaded (a project's name above its description)
  int section = -1;                // text of commentary: that Markdown section only (0: before the first heading)
  std::vector<FieldRow> rows;      // fields
  double label_width = 1, value_width = 4;  // fields
  model::Text mark;                // legend: ※１ / *1
  std::vector<BlockSpec> blocks;   // each_project
};

struct LayoutSpec {
  std::string name;
  std::filesystem::path file;
  model::Text title;                   // 評価シート
  double page_width = 842, page_height = 595;  // points; A4 landscape by default
  double margin = 28;
  double font_size = 9;                // body text
  double min_font_size = 9;            // a sheet shrinks down to this to stay on one page
  double header_size = 9.5;
  std::vector<HeaderRow> header;       // rows of the header band
  std::vector<BlockSpec> body;
  std::map<std::string, model::Text> labels;     // continued, contents, cover …

  const model::Text& label(const std::string& key) const;
};

// Reads and checks a layout file; throws PdfError listing every problem as
// file:line:column with what would fix it.
LayoutSpec load_layout(const std::filesystem::path& file);

}  // namespace hyoka::pdf
