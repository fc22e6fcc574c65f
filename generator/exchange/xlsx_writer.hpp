#pragma once
// Writes a book as an Excel workbook (libxlsxwriter): a guide sheet, one
// sheet per policy with the rows to fill, and the hidden sheet "hyoka" that
// tells the import which plan, year and owner the workbook is for and what
// every fillable cell held at export. Layout and rules: generator/exchange/README.md.
#include <filesystem>

#include "evaluate/evaluate.hpp"
#include "exchange/book.hpp"

namespace hyoka::exchange {

// Throws ExchangeError when the file cannot be written. The same plan gives
// the same bytes: the creation time is the plan's report_date, not the clock.
void write_xlsx(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, const Book& book,
                const Layout& layout, const std::filesystem::path& file);

}  // namespace hyoka::exchange
