#include "exchange/cell.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "model/reader.hpp"

namespace hyoka::exchange {
namespace {

// What a spreadsheet keeps, and what `hyoka check` accepts in JSON.
constexpr std::int64_t max_units = 1'000'000'000'000'000;  // 10^15
constexpr int max_scale = 15;

Reading refuse(std::string message, std::string fix) { return {std::nullopt, std::move(message), std::move(fix)}; }
Reading take(FieldValue value) { return {std::move(value), {}, {}}; }

model::Decimal without_trailing_zeros(model::Decimal number) {
  while (number.scale > 0 && number.units % 10 == 0) {
    number.units /= 10;
    --number.scale;
  }
  return number;
}

int significant_digits(std::int64_t units) {
  int digits = 0;
  for (; units != 0; units /= 10) ++digits;
  return digits;
}

bool fits(const model::Decimal& number) {
  return number.scale <= max_scale && number.units < max_units && number.units > -max_units;
}

Reading too_large(const std::string& digits) {
  return refuse("the number " + digits + " is too large or too precise (figures have at most 15 significant digits and 15 decimals)",
                "type the figure as printed; for very large amounts use a larger unit such as 千円 or 百万円");
}

std::string control_problem(const std::string& text, std::size_t at) {
  char code[8];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(text[at])));
  return std::string("the text contains the control character ") + code + " at character " + std::to_string(at + 1);
}

Reading figure_from_number(const Cell& cell, const FigureShape& shape) {
  if (cell.percent) {
    // Excel stores "12.5%" as 0.125 with a percent format: what was typed is a figure written with %.
    auto value = cell_number(cell.text);
    std::string typed = value ? without_trailing_zeros({value->units * 100, value->scale}).to_string() + "%" : cell.text;
    auto problem = model::string_figure_problem(typed);
    return refuse(problem.message + ": the cell is formatted as a percentage", problem.fix + " in a cell formatted as a number");
  }
  auto number = cell_number(cell.text);
  if (!number) return too_large(cell.text);
  return take(FieldValue::of_number(with_decimals(*number, shape.decimals)));
}

Reading figure_from_text(const std::string& text) {
  std::string value = trimmed(text);
  if (value.empty()) return take({});
  if (value == pending_word) return take({FieldValue::Kind::pending, {}, {}});
  if (value == none_word) return take({FieldValue::Kind::none, {}, {}});
  if (model::looks_like_number_text(value)) {
    auto problem = model::string_figure_problem(value);
    return refuse(problem.message, problem.fix + " (so that the cell holds a number)");
  }
  // A text where a number is usual (一部運用) is what the city printed: kept, and
  // graded as hyoka grades it (text_actual), as a JSON text figure is.
  return take(FieldValue::of_text(value));
}

Reading text_field(const Cell& cell, Field field) {
  std::string text = cell.text;
  if (cell.type == Cell::Type::number) {
    auto number = cell_number(cell.text);
    text = number ? number->to_string() : cell.text;
  }
  if (auto at = model::control_character_at(text))
    return refuse(control_problem(text, *at), "remove it (it is invisible; it often comes from copying out of another program)");
  bool commentary = field == Field::commentary_ja || field == Field::commentary_en;
  return take(FieldValue::of_text(trimmed(text, commentary)));
}

}  // namespace

Reading read_cell(const Cell& cell, Field field, const FigureShape& shape) {
  const bool figure = is_figure(field);
  switch (cell.type) {
    case Cell::Type::empty: return take({});
    case Cell::Type::formula_without_value:
      return refuse("the cell holds a formula without a computed value",
                    "open the file in Excel or LibreOffice and save it again (that stores the result), or type the value itself");
    case Cell::Type::error:
      return refuse("the cell shows the error " + cell.text, "correct the formula or type the value itself");
    case Cell::Type::date:
      return refuse(std::string("a date (") + cell.text + ") where " + (figure ? "a number" : "a text") + " belongs",
                    figure ? "type the figure as a number; Excel turns entries such as 5/1 into dates: format the cell as 数値 (Number) and type it again"
                           : "type the text again; Excel turns entries such as 5/1 into dates: type a ' first to keep them as text");
    case Cell::Type::boolean:
      return refuse("a TRUE/FALSE value where " + std::string(figure ? "a number" : "a text") + " belongs", "type the value itself");
    case Cell::Type::number:
      return figure ? figure_from_number(cell, shape) : text_field(cell, field);
    case Cell::Type::text:
      if (auto at = model::control_character_at(cell.text))
        return refuse(control_problem(cell.text, *at), "remove it (it is invisible; it often comes from copying out of another program)");
      return figure ? figure_from_text(cell.text) : text_field(cell, field);
  }
  return take({});
}

std::optional<model::Decimal> cell_number(std::string_view digits) {
  auto exact = model::Decimal::parse(digits);
  if (exact) {
    auto number = without_trailing_zeros(*exact);
    if (fits(number) && significant_digits(number.units) <= 15) return number;
  }
  // More digits than a spreadsheet keeps (Excel writes 17): the 15 it shows.
  std::string text(digits);
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  auto rounded = model::Decimal::parse(buffer);
  if (!rounded) return std::nullopt;
  auto number = without_trailing_zeros(*rounded);
  if (!fits(number)) return std::nullopt;
  return number;
}

model::Decimal with_decimals(model::Decimal number, int decimals) {
  while (number.scale < decimals && number.units < max_units / 10 && number.units > -max_units / 10) {
    number.units *= 10;
    ++number.scale;
  }
  return number;
}

bool plain_decimal(std::string_view text) {
  std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
  std::size_t digits = 0, point = 0;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') ++digits;
    else if (text[i] == '.' && point == 0 && digits > 0) point = i;
    else return false;
  }
  return digits > 0 && text.back() != '.';
}

}  // namespace hyoka::exchange
