// What a cell means for a field: numbers exactly, figures typed as text
// refused with `hyoka check`'s words, dates and formulas without a value refused.
#include <doctest/doctest.h>

#include "exchange/cell.hpp"
#include "model/reader.hpp"

using namespace hyoka::exchange;
using hyoka::model::Decimal;

namespace {

const FigureShape one_decimal{true, 1, {}};

FieldValue value_of(const Cell& cell, Field field = Field::actual, const FigureShape& shape = one_decimal) {
  auto reading = read_cell(cell, field, shape);
  REQUIRE_MESSAGE(reading.value, reading.message);
  return *reading.value;
}

std::string refusal(const Cell& cell, Field field = Field::actual) {
  auto reading = read_cell(cell, field, one_decimal);
  CHECK_FALSE(reading.value);
  return reading.message + " | " + reading.fix;
}

}  // namespace

TEST_CASE("numbers come back with the digits a spreadsheet keeps: 15 significant ones") {
  CHECK(cell_number("89.900000000000006")->to_string() == "89.9");  // Excel's 17 digits
  CHECK(cell_number("89.90000000000001")->to_string() == "89.9");   // openpyxl's repr
  CHECK(cell_number("0.30000000000000004")->to_string() == "0.3");
  CHECK(cell_number("1E-3")->to_string() == "0.001");
  CHECK(cell_number("17500")->to_string() == "17500");
  CHECK(cell_number("93.000")->to_string() == "93");
  CHECK_FALSE(cell_number("1e400"));
  CHECK_FALSE(cell_number("1e20"));  // beyond 15 digits: refused as `hyoka check` refuses it
  CHECK_FALSE(cell_number("abc"));
}

TEST_CASE("a number takes the decimals the row is printed with: 93 typed in a 93.0 row is 93.0") {
  CHECK(value_of(Cell::number("93")).number.to_string() == "93.0");
  CHECK(value_of(Cell::number("91.25")).number.to_string() == "91.25");  // never rounded
  CHECK(value_of(Cell::number("5"), Field::actual, {true, 0, {}}).number.to_string() == "5");
  CHECK(with_decimals(Decimal{93, 0}, 2).to_string() == "93.00");
}

TEST_CASE("figures typed as text are refused with hyoka check's message and fix") {
  for (const char* text : {"１２３", "1,234", "12.5%"}) {
    auto check = hyoka::model::string_figure_problem(text);
    std::string message = refusal(Cell::of_text(text));
    CAPTURE(text);
    CHECK(message.find(check.message) == 0);
    CHECK(message.find("write the number without quotes, commas, % or full-width digits") != std::string::npos);
  }
  // In a CSV every cell is text; a plain decimal is a number there, but a typed text cell "89.9" is refused too.
  CHECK(refusal(Cell::of_text("89.9")).find("a figure cannot be a plain string (\"89.9\")") == 0);
}

TEST_CASE("a percentage-formatted number is what was typed: 12.5%, refused") {
  CHECK(refusal(Cell::number("0.125", true)).find("a figure cannot be a plain string (\"12.5%\"): the cell is formatted as a percentage") == 0);
}

TEST_CASE("集計中, ― and texts a city prints are taken; dates, booleans, errors, formulas without a value are not") {
  CHECK(value_of(Cell::of_text("集計中")).kind == FieldValue::Kind::pending);
  CHECK(value_of(Cell::of_text(" ― ")).kind == FieldValue::Kind::none);
  CHECK(value_of(Cell::of_text("一部運用")).text == "一部運用");
  CHECK(value_of(Cell{}).empty());
  CHECK(refusal(Cell{Cell::Type::date, "2024-05-01", false}).find("a date (2024-05-01) where a number belongs") == 0);
  CHECK(refusal(Cell{Cell::Type::boolean, "TRUE", false}).find("a TRUE/FALSE value where a number belongs") == 0);
  CHECK(refusal(Cell{Cell::Type::error, "#DIV/0!", false}).find("the cell shows the error #DIV/0!") == 0);
  CHECK(refusal(Cell{Cell::Type::formula_without_value, "", false}).find("a formula without a computed value") != std::string::npos);
}

TEST_CASE("texts: trimmed, control characters refused, numbers read as their digits") {
  CHECK(value_of(Cell::of_text("  理由です\r\n\n"), Field::reason_ja).text == "理由です");
  CHECK(value_of(Cell::number("12.5"), Field::reason_ja).text == "12.5");
  CHECK(refusal(Cell::of_text("a\x01" "b"), Field::reason_ja).find("control character U+0001 at character 2") != std::string::npos);
  // Commentary keeps its indentation but not blank lines around it.
  CHECK(value_of(Cell::of_text("\n\n    code\n- item\n\n"), Field::commentary_ja).text == "    code\n- item");
}

TEST_CASE("same() compares numbers by value and texts exactly") {
  CHECK(same(FieldValue::of_number({930, 1}), FieldValue::of_number({93, 0})));
  CHECK_FALSE(same(FieldValue::of_number({930, 1}), FieldValue::of_text("93.0")));
  CHECK(plain_decimal("-12.50"));
  CHECK_FALSE(plain_decimal("1,234"));
  CHECK_FALSE(plain_decimal("12."));
  CHECK_FALSE(plain_decimal("-"));
}
