#pragma once
// A sheet layout as read from templates/layouts/<name>.json: the data that makes
// our sheet look like a city's official one. The format is documented in README.md.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace hyoka::pdf {

enum class Align { left, center, right };

struct ColumnSpec {
  std::string field;           // what the cell shows (README.md lists the fields)
  model::Text label;           // header text; {fy} / {year} are replaced for year columns
  double width = 1;            // relative to the other columns
  Align align = Align::left;
  std::optional<int> year;     // year-bound fields; the evaluation year when empty
  std::string each_year;       // "period" / "data": one column per year
};

struct SubrowSpec {  // one row of a record's 区分 (当初計画 / 修正計画 / 実績)
  model::Text label;
  std::string value;  // target, revised_target, effective_target, actual, rate, plan, cost
  bool omit_empty = false;  // leave the row out of a record where it has nothing to show
};

struct TableSpec {
  model::Text title;
  std::string rows;                 // activity, outcome, indicators, projects, reasons
  std::vector<std::string> grades;  // reasons: the grades that need one (C, D)
  std::vector<SubrowSpec> subrows;
  std::vector<ColumnSpec> columns;
  model::Text empty;                // shown in one row when there are none; hidden when empty text
};

struct HeaderCell {
  std::string field;
  model::Text label;  // shaded label cell before the value; none when empty
  double label_width = 1, width = 3;
  double size = 0;    // font size; 0: the header's
  Align align = Align::left;
};

struct BlockSpec {
  std::string type;                 // table, columns, legend, footnotes, text
  TableSpec table;                  // table
  std::vector<TableSpec> columns;   // columns: tables side by side
  std::vector<double> widths;       // columns: relative widths
  double min_width = 0;             // columns: stack the tables when one would be narrower
  std::string field;                // text: commentary, target_state, description
  model::Text title;                // text / legend heading
  model::Text mark;                 // legend: ※１ / *1
};

struct LayoutSpec {
  std::string name;
  model::Text title;                   // 評価シート
  double page_width = 842, page_height = 595;  // points; A4 landscape by default
  double margin = 28;
  double font_size = 7.5, header_size = 8.5;
  std::vector<std::vector<HeaderCell>> header;  // rows of the header band
  std::vector<BlockSpec> body;
  std::map<std::string, model::Text> labels;     // continued, contents, cover …

  const model::Text& label(const std::string& key) const;
};

// Reads and checks a layout file; throws PdfError naming the file and key.
LayoutSpec load_layout(const std::filesystem::path& file);

}  // namespace hyoka::pdf
