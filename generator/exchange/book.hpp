#pragma once
// How rows are grouped into workbooks (one per division, or per policy),
// the sheets and columns of a workbook, and the metadata an export carries
// so that the import can tell which plan, year and owner a file is for and
// what each cell held when it was exported. Shared by the xlsx writer, the
// CSV writer and both readers, so export and import cannot disagree.
#include <optional>
#include <string>
#include <vector>

#include "exchange/rows.hpp"

namespace hyoka::exchange {

enum class Grouping { division, policy };
const char* code(Grouping by);  // "division" / "policy"

struct BookSheet {
  const model::Policy* policy = nullptr;  // null: every policy of the book on one sheet
  std::string name;  // 施策1-1-1, or 実績入力
  std::vector<const Row*> rows;
};

// A book of more policies than this has them all on one sheet (実績入力), a
// heading row per policy: dozens of tabs are hard to find one's way in, and
// each sheet costs a part of its own in the file.
inline constexpr std::size_t max_policy_sheets = 30;
inline constexpr const char* all_policies_sheet = "実績入力";

struct Book {
  Grouping by = Grouping::division;
  std::string owner;      // the division or policy id; empty: rows with no division
  std::string file_stem;  // setagaya_2024_hoken-fukushi-seisaku
  std::vector<BookSheet> sheets;
  std::size_t row_count() const;
};

// One book per division (a row shared by several divisions is in each of
// their books) or per policy, in plan order; books without rows are left out.
std::vector<Book> make_books(const model::Plan& plan, const std::vector<Row>& rows, Grouping by, int year);

// How a row and a figure read in a fixed cell: 成果指標 / 行動量 / 取組み / 本文;
// 95.0以上, 開設, 集計中, ―.
std::string kind_label(const Row& row);
std::string printed(const model::Value& value);

// What a file says about itself. The import refuses a file of another plan
// or year, and a row its owner does not answer for.
struct Metadata {
  int format = 1;
  std::string plan;
  int year = 0;
  Grouping by = Grouping::division;
  std::string owner;
  std::string exported;  // the plan's report_date (no clock is read: exports are deterministic)
};
Metadata metadata_of(const model::Plan& plan, const Book& book, int year);
inline constexpr const char* metadata_sheet = "hyoka";
inline constexpr const char* metadata_marker = "hyoka-export";
// A text longer than a cell holds is shown as a notice and marked so in the
// metadata: the import leaves that value alone.
inline constexpr std::size_t max_cell_characters = 32767;
inline constexpr const char* not_exported_marker = "#hyoka:not-exported";
// Commentary is kept at export as a digest of its text, not the text (the
// import only compares it, and a copy would double the file): "#hyoka:digest:<16 hex>".
inline constexpr std::string_view digest_marker = "#hyoka:digest:";
bool exported_as_digest(Field field);
std::string export_digest(const FieldValue& value);
// What the metadata keeps for a field's value at export: the value, or its digest.
std::string export_text(Field field, const FieldValue& value);

// The columns of a sheet and of a CSV file. Earlier years' actuals sit between
// the baseline and the target, one column per year that has any.
enum class Column {
  id, policy, kind, number, name_ja, name_en, unit, baseline, prior, target, revised_target,
  actual, rate, grade, reason_ja, reason_en, cost, note_ja, note_en, actual_en, commentary_ja, commentary_en
};

class Layout {
 public:
  // csv: a policy column, no live rate and grade, commentary in its own columns.
  Layout(std::vector<int> prior_years, bool csv);

  const std::vector<int>& prior_years() const { return prior_years_; }
  bool csv() const { return csv_; }
  const std::vector<Column>& columns() const { return columns_; }  // in order (prior once per prior year)
  int position(Column column) const;          // 1-based; 0 when the layout has no such column
  int prior_position(std::size_t index) const;
  int last() const { return static_cast<int>(columns_.size()); }
  std::optional<Column> column_of(Field field) const;

 private:
  std::vector<int> prior_years_;
  bool csv_;
  std::vector<Column> columns_;
};
Layout layout_for(const model::Plan& plan, int year, bool csv);

// The header of a column: "実績\nActual"; a prior year's names the year.
std::string header(Column column, int prior_year = 0);
// CSV: the header of the column holding a field's value at export.
std::string export_header(Field field);

}  // namespace hyoka::exchange
