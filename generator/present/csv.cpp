#include "present/csv.hpp"

#include "present/escape.hpp"

namespace hyoka::present::csv {

// The same guard and quoting as `hyoka evaluate --format csv`.
std::string cell(const std::string& value) { return csv_cell(value); }

std::string row(const Row& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += cell(cells[i]);
  }
  return out + "\r\n";
}

std::string document(const Row& header, const std::vector<Row>& rows) {
  std::string out = "\xEF\xBB\xBF";
  out += row(header);
  for (const auto& r : rows) out += row(r);
  return out;
}

}  // namespace hyoka::present::csv
