#pragma once
// A filled workbook or CSV file as the import sees it, whatever its format:
// what it says about itself (plan, year, owner), and per row the cells to
// take in, where they are ("施策1-1-1!K12") and what they held at export.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "exchange/book.hpp"
#include "exchange/cell.hpp"

namespace hyoka::exchange {

struct FieldCell {
  Field field = Field::actual;
  Cell cell;
  std::string where;          // "施策1-1-1!K12" / "K12"
  Cell at_export;             // what the export wrote (empty when it wrote nothing)
  bool exported = true;       // false: too long for a cell at export; left alone
};

struct SubmittedRow {
  std::string id;     // as found in the file
  std::string where;  // of the id cell
  std::vector<FieldCell> cells;
};

// Something about the file's rows that is wrong before any row is judged.
struct Problem {
  std::string where, message, fix;
};

struct Submission {
  std::filesystem::path file;
  std::string format;  // "xlsx", "CSV, UTF-8 (BOM)", "CSV, Shift_JIS (CP932)"
  bool cp932 = false;
  Metadata meta;
  std::vector<SubmittedRow> rows;
  std::vector<Problem> problems;  // ids edited, duplicated or missing
};

// Reads an .xlsx or .csv file (by its first bytes, not its name). Throws
// ExchangeError when the file as a whole cannot be taken: not a workbook,
// damaged or hostile, not a hyoka export.
Submission read_submission(const std::filesystem::path& file, const std::string& bytes);
Submission read_xlsx_submission(const std::string& bytes);
Submission read_csv_submission(const std::string& bytes);

}  // namespace hyoka::exchange
