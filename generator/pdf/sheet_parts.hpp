#pragma once
// The pieces a sheet is built from, one file each: the header band
// (sheet_header.cpp), tables and bands of rows (sheet_rows.cpp), and text
// blocks: commentary, fields, legend, footnotes, glossary (sheet_text.cpp).
// Each turns a part of the layout into tables ready for the flow.
#include <string>
#include <vector>

#include "pdf/flow.hpp"
#include "pdf/sheet_fields.hpp"

namespace hyoka::pdf {

// Shading of a row a packet selected (with the ▶ mark, it reads without colour).
inline constexpr double selected_gray = 0.9;
// Shading of a heading inside a text block.
inline constexpr double heading_gray = 0.93;

struct Parts {
  const SheetContext& ctx;
  const FieldText& text;
  Style body, head;  // body text; the header band

  Cell cell(const std::string& s, double width, Align align = Align::left, double gray = 1.0) const {
    return ctx.type.cell(s, width, body, align, gray);
  }
  // A table with columns of these relative widths over `width` points.
  TableModel table(const std::vector<double>& shares, double width) const;
};

// One table per header row with something to show; `continuation`: only the
// rows marked repeat, the last one marked (続き).
std::vector<TableModel> header_band(const Parts& parts, double width, bool continuation);

// `only`: inside each_project, the project whose row (or budget) the table lists.
TableModel table_block(const Parts& parts, const TableSpec& spec, double width, const model::Project* only = nullptr);
TableModel bands_block(const Parts& parts, const BlockSpec& block, double width);

// `project`: inside each_project, the project the block is about.
std::vector<TableModel> text_block(const Parts& parts, const BlockSpec& block, double width, const model::Project* project);
TableModel fields_block(const Parts& parts, const BlockSpec& block, double width, const model::Project* project);
TableModel legend_block(const Parts& parts, const BlockSpec& block, double width);
TableModel footnotes_block(const Parts& parts, const BlockSpec& block, double width);
TableModel glossary_block(const Parts& parts, const BlockSpec& block, double width);

// Whether a project has yearly figures (a status, goal, plans, actuals, costs or a total).
bool has_yearly_figures(const model::Project& project);

// A field of the sheet's policy or, inside each_project, of its project first.
std::string scoped_field(const FieldText& text, Field field, const model::Project* project);

}  // namespace hyoka::pdf
