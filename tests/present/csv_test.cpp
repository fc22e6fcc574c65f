#include <doctest/doctest.h>

#include "present/csv.hpp"
#include "present/newlines.hpp"

using namespace hyoka::present;

TEST_CASE("csv: UTF-8 BOM, CRLF, header first") {
  const std::string doc = csv::document({"施策", "値"}, {{"1-1-1", "93.0"}});
  CHECK(doc.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(doc == "\xEF\xBB\xBF施策,値\r\n1-1-1,93.0\r\n");
}

TEST_CASE("csv: Japanese text with commas, quotes and newlines is quoted (RFC 4180)") {
  CHECK(csv::cell("多機関協働事業の支援件数, 延べ") == "\"多機関協働事業の支援件数, 延べ\"");
  CHECK(csv::cell("相談が増加した。\n一方で課題も") == "\"相談が増加した。\n一方で課題も\"");
  CHECK(csv::cell("「福祉の\"相談\"窓口」") == "\"「福祉の\"\"相談\"\"窓口」\"");
  CHECK(csv::cell("令和6年度") == "令和6年度");
  CHECK(csv::row({"a,b", "", "c"}) == "\"a,b\",,c\r\n");
}

TEST_CASE("csv: formula injection guard, numbers untouched") {
  CHECK(csv::cell("=SUM(A1:A2)") == "'=SUM(A1:A2)");
  CHECK(csv::cell("+81-3-5432") == "'+81-3-5432");
  CHECK(csv::cell("@cmd") == "'@cmd");
  CHECK(csv::cell("-健康") == "'-健康");
  CHECK(csv::cell("=1,2") == "\"'=1,2\"");
  CHECK(csv::cell("-1.5") == "-1.5");
  CHECK(csv::cell("+3") == "+3");
  CHECK(csv::cell("1830") == "1830");
}

TEST_CASE("newlines: CR LF and a lone CR read as LF; LF and other text are kept") {
  CHECK(unix_newlines("相談が増加した。\r\n一方で\r課題も\n残る\r\n") == "相談が増加した。\n一方で\n課題も\n残る\n");
  CHECK(unix_newlines("\r\r\n\n") == "\n\n\n");
  CHECK(unix_newlines("") == "");
}
