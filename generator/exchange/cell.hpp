#pragma once
// A cell as read back from a filled workbook or CSV file, and what it means
// for the field it sits in. Cells are judged as `hyoka check` judges JSON:
// a figure typed as text ("１２３", "1,234", "12.5%") is refused, never
// converted; a number is taken exactly, with the 15 significant digits a
// spreadsheet keeps (so Excel's 89.900000000000006 is 89.9).
#include <optional>
#include <string>

#include "exchange/rows.hpp"
#include "model/decimal.hpp"

namespace hyoka::exchange {

struct Cell {
  enum class Type { empty, number, text, boolean, error, date, formula_without_value };
  Type type = Type::empty;
  // number: the digits as stored ("89.9", "1E-3"); text: the string; boolean:
  // "TRUE"/"FALSE"; error: "#DIV/0!"; date: as a person reads it ("2024-05-01").
  std::string text;
  bool percent = false;  // a number shown as a percentage: 12.5% is stored as 0.125

  static Cell number(std::string digits, bool percent = false) { return {Type::number, std::move(digits), percent}; }
  static Cell of_text(std::string text) { return {Type::text, std::move(text), false}; }
};

// What a cell holds for a field: the value, or why it cannot be taken and what would fix it.
struct Reading {
  std::optional<FieldValue> value;
  std::string message, fix;
};
Reading read_cell(const Cell& cell, Field field, const FigureShape& shape);

// A stored number as a decimal of at most 15 significant digits and 15
// decimals, trailing zeros dropped; nullopt when it is not a finite number
// that fits.
std::optional<model::Decimal> cell_number(std::string_view digits);
// At least `decimals` decimals (93 → 93.0 for a row printed with one), never fewer digits.
model::Decimal with_decimals(model::Decimal number, int decimals);
// A plain decimal as a CSV file or a typed cell spells it: optional '-', digits, optional fraction.
bool plain_decimal(std::string_view text);

}  // namespace hyoka::exchange
