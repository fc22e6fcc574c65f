#pragma once
// Reads the cells of an .xlsx workbook (Office Open XML) as Excel,
// LibreOffice and openpyxl save it: the zip container through libzip, the
// XML through expat, and only what a filled export needs: shared and inline
// strings, numbers, booleans, errors, cached formula results, and whether a
// number is shown as a date or a percentage.
//
// The file may be hostile. It is read from memory within limits: entry and
// total sizes counted as they are inflated (a zip bomb stops at the limit,
// whatever its headers claim), a compression ratio cap, no DTD (so no entity
// expansion), no entry name that leaves the archive (../), a row and a cell
// limit (a sheet of a million rows stops with an error, memory stays small).
// Anything else wrong throws ExchangeError saying what and how to fix it.
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "exchange/cell.hpp"
#include "exchange/error.hpp"

namespace hyoka::exchange {

struct XlsxLimits {
  std::size_t file_bytes = 64u << 20;       // the .xlsx itself
  std::size_t entry_bytes = 128u << 20;     // one part, inflated
  std::size_t total_bytes = 256u << 20;     // all parts read, inflated
  std::size_t ratio = 100;                  // inflated ÷ compressed, beyond the first MiB of a part
  std::size_t entries = 20'000;
  int rows = 100'000;                       // per sheet
  std::size_t cells = 2'000'000;            // per workbook
};

struct SheetCells {
  std::string name;
  bool hidden = false;
  int rows = 0;  // the last row with a cell

  const Cell& at(int row, int column) const;  // 1-based; an empty cell when there is none
  void set(int row, int column, Cell cell);
  std::size_t size() const { return cells_.size(); }

 private:
  std::unordered_map<std::uint64_t, Cell> cells_;
};

struct WorkbookCells {
  std::vector<SheetCells> sheets;  // in workbook order
  const SheetCells* find(const std::string& name) const;
};

// What to keep of a workbook (all of it when left empty). The sheet named
// `first` is read before the others and handed to `on_first`, so that what it
// says can decide what is kept of the rest: a large workbook's import keeps
// the id column and the cells to fill, not every cell.
struct ReadFilter {
  std::string first;
  std::function<void(const SheetCells&)> on_first;
  std::function<bool(const std::string& sheet)> sheet;
  std::function<bool(const std::string& sheet, int column)> cell;
};

WorkbookCells read_xlsx(const std::string& bytes, const XlsxLimits& limits = {}, const ReadFilter& filter = {});

// "K12" ↔ (12, 11); nullopt for anything else. Columns A…XFD, rows 1…1,048,576.
struct CellPosition {
  int row = 0, column = 0;
};
std::optional<CellPosition> parse_cell_reference(std::string_view reference);
std::string column_name(int column);                  // 11 → "K"
std::string cell_name(int row, int column);           // "K12"
// Excel's serial day number as a date ("2024-05-01"), 1900 or 1904 system.
std::string serial_date(double serial, bool date1904);

}  // namespace hyoka::exchange
