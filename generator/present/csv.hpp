#pragma once
// CSV for spreadsheet users: UTF-8 with a BOM (so Excel detects UTF-8),
// RFC 4180 quoting and CRLF line ends, and a guard against formula
// injection: a text cell starting with = + - @ (or tab / CR) is prefixed
// with an apostrophe so a spreadsheet shows it instead of running it.
// Cells that are plain numbers (-1.5) are left alone.
#include <string>
#include <vector>

namespace hyoka::present::csv {

using Row = std::vector<std::string>;

std::string cell(const std::string& value);  // one cell, guarded and quoted as needed
std::string row(const Row& cells);           // cells joined by commas, ending in CRLF
std::string document(const Row& header, const std::vector<Row>& rows);  // BOM + header + rows

}  // namespace hyoka::present::csv
