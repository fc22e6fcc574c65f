#include "exchange/submission.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "exchange/csv_file.hpp"
#include "exchange/xlsx_reader.hpp"

namespace hyoka::exchange {
namespace {

const char* const not_an_export_fix =
    "import a file made by `hyoka export` and filled in: hyoka cannot tell which plan, year and rows another file is for";
const char* const id_fix =
    "row ids (column A) are locked: take the row from the exported file again, or export afresh and copy the values over";

std::string text_of(const Cell& cell) { return cell.type == Cell::Type::empty ? std::string() : cell.text; }

int whole_number(const std::string& text) {
  auto number = cell_number(text);
  return number && number->scale == 0 && number->units > 0 && number->units < 100000 ? static_cast<int>(number->units) : 0;
}

Metadata metadata_from(const std::map<std::string, std::string>& pairs) {
  auto get = [&](const char* key) {
    auto it = pairs.find(key);
    return it == pairs.end() ? std::string() : it->second;
  };
  Metadata meta;
  meta.format = whole_number(get(metadata_marker));
  meta.plan = get("plan");
  meta.year = whole_number(get("year"));
  meta.by = get("by") == "policy" ? Grouping::policy : Grouping::division;
  meta.owner = get("owner");
  meta.exported = get("exported");
  if (meta.format != 1 || meta.plan.empty() || meta.year == 0 || (get("by") != "policy" && get("by") != "division"))
    throw ExchangeError("the file's hyoka metadata is damaged or from another version (format, plan, year or grouping missing)",
                        not_an_export_fix);
  return meta;
}

// The hidden sheet: key/value pairs, then one line per exported row with its values at export.
struct ExportList {
  Metadata meta;
  std::map<Field, int> columns;
  std::map<std::pair<std::string, std::string>, std::map<Field, Cell>> rows;  // (sheet, id) → values
};

ExportList export_list(const SheetCells& sheet) {
  ExportList list;
  std::map<std::string, std::string> pairs;
  int header_row = 0;
  for (int r = 1; r <= sheet.rows && !header_row; ++r) {
    const std::string key = text_of(sheet.at(r, 1));
    if (key == "sheet") header_row = r;
    else if (!key.empty()) pairs[key] = text_of(sheet.at(r, 2));
  }
  list.meta = metadata_from(pairs);
  for (Field field : all_fields) {
    auto position = parse_cell_reference(pairs[std::string("column.") + key(field)] + "1");
    if (!position) throw ExchangeError("the file's hyoka metadata is damaged (no column for " + std::string(key(field)) + ")", not_an_export_fix);
    list.columns[field] = position->column;
  }
  std::map<int, Field> table;
  for (int c = 3; header_row && !sheet.at(header_row, c).text.empty(); ++c)
    if (auto field = field_named(sheet.at(header_row, c).text)) table[c] = *field;
  for (int r = header_row + 1; header_row && r <= sheet.rows; ++r) {
    std::string name = text_of(sheet.at(r, 1)), id = text_of(sheet.at(r, 2));
    if (name.empty() || id.empty()) continue;
    auto& values = list.rows[{name, id}];
    for (const auto& [c, field] : table) values[field] = sheet.at(r, c);
  }
  return list;
}

FieldCell field_cell(Field field, Cell cell, std::string where, const Cell& at_export) {
  const bool exported = !(at_export.type == Cell::Type::text && at_export.text == not_exported_marker);
  return {field, std::move(cell), std::move(where), at_export, exported};
}

void read_sheet_rows(const SheetCells& sheet, const ExportList& list, std::set<std::pair<std::string, std::string>>& found,
                     Submission& out) {
  for (int r = 1; r <= sheet.rows; ++r) {
    const Cell& cell = sheet.at(r, 1);
    if (cell.type != Cell::Type::text) continue;
    auto id = RowId::parse(cell.text);
    if (!id) continue;
    const std::string where = sheet.name + "!A" + std::to_string(r);
    const auto key = std::make_pair(sheet.name, cell.text);
    auto listed = list.rows.find(key);
    if (listed == list.rows.end()) {
      out.problems.push_back({where, "the row id " + cell.text + " is not one this sheet was exported with (an edited or unknown id)", id_fix});
      continue;
    }
    if (!found.insert(key).second) {
      out.problems.push_back({where, "the row id " + cell.text + " appears twice on the sheet", id_fix});
      continue;
    }
    SubmittedRow row{cell.text, where, {}};
    for (Field field : fields_of(id->kind)) {
      const int column = list.columns.at(field);
      auto at_export = listed->second.find(field);
      row.cells.push_back(field_cell(field, sheet.at(r, column), sheet.name + "!" + cell_name(r, column),
                                     at_export == listed->second.end() ? Cell{} : at_export->second));
    }
    out.rows.push_back(std::move(row));
  }
}

// ---- CSV -----------------------------------------------------------------

// The formula guard of the export (a leading ' before = + - @) is taken off;
// figures spelled as plain decimals are numbers, everything else text.
Cell csv_cell(std::string text, bool figure) {
  if (text.size() > 1 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos) text.erase(0, 1);
  if (text.empty()) return {};
  if (figure && plain_decimal(text)) return Cell::number(std::move(text));
  return Cell::of_text(std::move(text));
}

struct CsvColumns {
  std::size_t id = 0;
  std::map<Field, std::size_t> value, at_export;
};

CsvColumns csv_columns(const std::vector<std::string>& head) {
  CsvColumns columns;
  bool has_id = false;
  const Layout csv({}, true);
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == csv_header(Column::id)) columns.id = i, has_id = true;
    for (Field field : all_fields) {
      if (head[i] == csv_header(*csv.column_of(field))) columns.value[field] = i;
      if (head[i] == export_header(field)) columns.at_export[field] = i;
    }
  }
  for (Field field : all_fields) {
    if (!columns.value.count(field))
      throw ExchangeError("the column \"" + csv_header(*csv.column_of(field)) + "\" is missing from line 2 (its header was changed or deleted)", not_an_export_fix, "line 2");
    if (!columns.at_export.count(field))
      throw ExchangeError("the column \"" + export_header(field) + "\" is missing from line 2 (its header was changed or deleted)", not_an_export_fix, "line 2");
  }
  if (!has_id) throw ExchangeError("the column \"" + csv_header(Column::id) + "\" is missing from line 2", not_an_export_fix, "line 2");
  return columns;
}

std::string cell_at(const std::vector<std::string>& row, std::size_t column) { return column < row.size() ? row[column] : std::string(); }

void read_csv_row(const std::vector<std::string>& record, std::size_t line, const CsvColumns& columns, std::set<std::string>& seen,
                  Submission& out) {
  const std::string id_text = cell_at(record, columns.id);
  const std::string where = cell_name(static_cast<int>(line), static_cast<int>(columns.id) + 1);
  auto id = RowId::parse(id_text);
  if (!id) {
    bool blank = std::all_of(record.begin(), record.end(), [](const std::string& c) { return c.empty(); });
    if (!blank) out.problems.push_back({where, "\"" + id_text + "\" is not a row id (an edited id, or a row added to the file)", id_fix});
    return;
  }
  if (!seen.insert(id_text).second) {
    out.problems.push_back({where, "the row id " + id_text + " appears twice in the file", id_fix});
    return;
  }
  SubmittedRow row{id_text, where, {}};
  for (Field field : fields_of(id->kind)) {
    const std::size_t column = columns.value.at(field);
    row.cells.push_back(field_cell(field, csv_cell(cell_at(record, column), is_figure(field)),
                                   cell_name(static_cast<int>(line), static_cast<int>(column) + 1),
                                   csv_cell(cell_at(record, columns.at_export.at(field)), is_figure(field))));
  }
  out.rows.push_back(std::move(row));
}

}  // namespace

Submission read_xlsx_submission(const std::string& bytes) {
  // The hidden sheet first: it says which sheets and columns matter; only those cells are kept.
  std::optional<ExportList> exported;
  std::set<std::string> listed_sheets;
  std::vector<bool> wanted_columns;
  ReadFilter filter;
  filter.first = metadata_sheet;
  filter.on_first = [&](const SheetCells& sheet) {
    exported = export_list(sheet);
    for (const auto& [key, values] : exported->rows) listed_sheets.insert(key.first);
    for (const auto& [field, column] : exported->columns) {
      if (wanted_columns.size() <= static_cast<std::size_t>(column)) wanted_columns.resize(column + 1);
      wanted_columns[column] = true;
    }
  };
  filter.sheet = [&](const std::string& name) { return listed_sheets.count(name) > 0; };
  filter.cell = [&](const std::string&, int column) {
    return column == 1 || (static_cast<std::size_t>(column) < wanted_columns.size() && wanted_columns[column]);
  };
  const WorkbookCells book = read_xlsx(bytes, {}, filter);
  if (!exported) throw ExchangeError("the workbook is not a hyoka export (it has no hidden sheet \"hyoka\")", not_an_export_fix);
  const ExportList& list = *exported;
  Submission out;
  out.format = "xlsx";
  out.meta = list.meta;
  std::set<std::pair<std::string, std::string>> found;
  std::set<std::string> sheets;
  for (const auto& [key, values] : list.rows) sheets.insert(key.first);
  for (const auto& name : sheets) {
    const SheetCells* sheet = book.find(name);
    if (!sheet) {
      out.problems.push_back({name, "the sheet " + name + " of the export is missing (renamed or deleted)",
                              "keep the sheets as exported; take the sheet from the exported workbook again"});
      continue;
    }
    read_sheet_rows(*sheet, list, found, out);
  }
  for (const auto& [key, values] : list.rows)
    if (sheets.count(key.first) && book.find(key.first) && !found.count(key))
      out.problems.push_back({key.first, "the row " + key.second + " of the export is missing from the sheet (its id was changed or the row deleted)", id_fix});
  return out;
}

Submission read_csv_submission(const std::string& bytes) {
  const DecodedText decoded = decode_text(bytes);
  const auto records = parse_csv(decoded.text);
  if (records.size() < 2 || records[0].empty() || records[0][0] != metadata_marker)
    throw ExchangeError("the file is not a hyoka export (its first line does not start with \"" + std::string(metadata_marker) + "\")",
                        not_an_export_fix, "line 1");
  std::map<std::string, std::string> pairs{{metadata_marker, "0"}};
  for (const auto& cell : records[0]) {
    auto equals = cell.find('=');
    if (equals != std::string::npos) pairs[cell.substr(0, equals)] = cell.substr(equals + 1);
  }
  pairs[metadata_marker] = pairs["format"];
  Submission out;
  out.format = "CSV, " + decoded.encoding;
  out.cp932 = decoded.cp932;
  out.meta = metadata_from(pairs);
  const CsvColumns columns = csv_columns(records[1]);
  std::set<std::string> seen;
  for (std::size_t i = 2; i < records.size(); ++i) read_csv_row(records[i], i + 1, columns, seen, out);
  return out;
}

Submission read_submission(const std::filesystem::path& file, const std::string& bytes) {
  const bool workbook = bytes.rfind("PK", 0) == 0 || bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0 ||
                        file.extension() == ".xlsx" || file.extension() == ".XLSX";
  Submission out = workbook ? read_xlsx_submission(bytes) : read_csv_submission(bytes);
  out.file = file;
  return out;
}

}  // namespace hyoka::exchange
