#pragma once
// The CSV form of a book: the same rows as a workbook, in one file per book.
// Written as UTF-8 with a BOM (Excel then reads it as UTF-8); read back in
// UTF-8 with or without the BOM, or in Shift_JIS as Excel on Japanese
// Windows saves "CSV (コンマ区切り)" (CP932, through iconv). The first line
// carries the metadata, the columns at the right the values at export.
#include <string>
#include <string_view>
#include <vector>

#include "exchange/book.hpp"
#include "exchange/error.hpp"

namespace hyoka::exchange {

std::string write_csv(const Book& book, const Layout& layout, const Metadata& meta);

struct DecodedText {
  std::string text;      // UTF-8, without a BOM
  std::string encoding;  // "UTF-8 (BOM)", "UTF-8", "Shift_JIS (CP932)"
  bool cp932 = false;
};
// Throws ExchangeError for UTF-16 and for bytes that are neither UTF-8 nor CP932.
DecodedText decode_text(const std::string& bytes);

// RFC 4180 records; CRLF, LF or CR line ends. Throws ExchangeError for a
// quote left open, or beyond max_rows records.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, std::size_t max_rows = 100'000);

// The header of a column as the CSV file spells it ("実績 / Actual").
std::string csv_header(Column column, int prior_year = 0);
// Whether a text survives being saved as CP932 (Excel's Shift_JIS), and the characters that do not.
std::string characters_without_cp932(std::string_view utf8);

}  // namespace hyoka::exchange
