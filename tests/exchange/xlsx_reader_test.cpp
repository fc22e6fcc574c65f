// The xlsx reader on workbooks written the ways Excel, LibreOffice and
// openpyxl write them, and on hostile ones.
#include <doctest/doctest.h>

#include <string>

#include "exchange/xlsx_reader.hpp"
#include "exchange/xml_stream.hpp"
#include "zip_maker.hpp"

using namespace hyoka::exchange;

namespace {

std::string refusal(const std::string& bytes, const XlsxLimits& limits = {}) {
  try {
    read_xlsx(bytes, limits);
  } catch (const ExchangeError& e) {
    return std::string(e.what()) + " | " + e.fix() + " | " + e.where();
  }
  FAIL("the workbook was read");
  return {};
}

const std::string styles =
    "<styleSheet><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"&quot;年&quot;#,##0.0\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"10\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

}  // namespace

TEST_CASE("every kind of cell the export needs, as the three writers spell them") {
  const std::string strings =
      "<sst><si><t>専門職</t></si>"
      "<si><r><t>福祉の</t></r><r><rPr/><t>窓口</t></r><rPh sb=\"0\" eb=\"2\"><t>フクシ</t></rPh></si>"
      "<si><t xml:space=\"preserve\">行1_x000D_\n行2 _x005F_x</t></si></sst>";
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>89.900000000000006</v></c><c r=\"B2\" t=\"n\"><v>93</v></c>"
      "<c r=\"C2\" t=\"inlineStr\"><is><t>一部運用</t></is></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"e\"><v>#DIV/0!</v></c>"
      "<c r=\"C3\" t=\"str\"><f>A1</f><v>B</v></c><c r=\"D3\"><f>A2*2</f><v>179.8</v></c><c r=\"E3\"><f>A2*2</f></c>"
      "<c r=\"F3\" t=\"str\"><f>A1</f></c><c r=\"G3\"><f>A2</f><v></v></c></row>"
      "<row r=\"4\"><c r=\"A4\" s=\"1\"><v>45413</v></c><c r=\"B4\" s=\"2\"><v>45413.5</v></c><c r=\"C4\" s=\"3\"><v>0.125</v></c>"
      "<c r=\"D4\" s=\"4\"><v>12.5</v></c><c r=\"E4\" t=\"d\"><v>2024-05-01T00:00:00</v></c><c r=\"F4\" s=\"3\"/></row>"
      "<row><c><v>1</v></c><c><v>2</v></c></row>";  // no r attributes: row 5, columns A and B
  const auto book = read_xlsx(make_zip(workbook_parts(sheet, strings, styles)));
  REQUIRE(book.sheets.size() == 1);
  const SheetCells& s = book.sheets[0];
  CHECK(s.name == "S");
  CHECK(s.at(1, 1).text == "専門職");
  CHECK(s.at(1, 2).text == "福祉の窓口");  // runs joined, furigana left out
  CHECK(s.at(1, 3).text == "行1\r\n行2 _x");  // _x000D_ is CR, _x005F_ a literal underscore
  CHECK(s.at(2, 1).type == Cell::Type::number);
  CHECK(s.at(2, 1).text == "89.900000000000006");
  CHECK(s.at(2, 2).text == "93");
  CHECK(s.at(2, 3).text == "一部運用");
  CHECK(s.at(3, 1).type == Cell::Type::boolean);
  CHECK(s.at(3, 2).type == Cell::Type::error);
  CHECK(s.at(3, 2).text == "#DIV/0!");
  CHECK(s.at(3, 3).text == "B");  // a formula's cached text
  CHECK(s.at(3, 4).text == "179.8");
  CHECK(s.at(3, 5).type == Cell::Type::formula_without_value);
  CHECK(s.at(3, 6).type == Cell::Type::formula_without_value);
  CHECK(s.at(3, 7).type == Cell::Type::formula_without_value);  // openpyxl writes <v></v>
  CHECK(s.at(4, 1).type == Cell::Type::date);
  CHECK(s.at(4, 1).text == "2024-05-01");
  CHECK(s.at(4, 2).text == "2024-05-01");  // a custom date format, with a time
  CHECK(s.at(4, 3).type == Cell::Type::number);
  CHECK(s.at(4, 3).percent);
  CHECK(s.at(4, 4).type == Cell::Type::number);  // "年" in quotes is text, not a date format
  CHECK_FALSE(s.at(4, 4).percent);
  CHECK(s.at(4, 5).type == Cell::Type::date);
  CHECK(s.at(4, 6).type == Cell::Type::empty);  // styled but empty
  CHECK(s.at(5, 1).text == "1");
  CHECK(s.at(5, 2).text == "2");
  CHECK(s.at(9, 9).type == Cell::Type::empty);
}

TEST_CASE("namespace prefixes do not matter: x:c is a cell") {
  auto parts = workbook_parts("");
  parts[3].second =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
      "<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>";
  CHECK(read_xlsx(make_zip(parts)).sheets[0].at(2, 2).text == "ok");
}

TEST_CASE("a DTD is refused before any entity is expanded") {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><sst><si><t>&lol3;</t></si></sst>";
  std::string message = refusal(make_zip(workbook_parts("", laughs)));
  CHECK(message.find("a DOCTYPE declaration") != std::string::npos);
  CHECK(message.find("xl/sharedStrings.xml") != std::string::npos);
  const std::string external = "<?xml version=\"1.0\"?><!DOCTYPE s SYSTEM \"file:///etc/passwd\"><sst/>";
  CHECK(refusal(make_zip(workbook_parts("", external))).find("DOCTYPE") != std::string::npos);
}

TEST_CASE("an entry whose name leaves the archive is refused") {
  auto parts = workbook_parts("");
  parts.emplace_back("../../evil.xml", "<x/>");
  CHECK(refusal(make_zip(parts)).find("a part named ../../evil.xml, a path that leaves the archive") != std::string::npos);
  parts.back().first = "/etc/evil.xml";
  CHECK(refusal(make_zip(parts)).find("leaves the archive") != std::string::npos);
}

TEST_CASE("truncated, encrypted, .xls and not-a-workbook files say so") {
  const std::string whole = make_zip(workbook_parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"));
  CHECK(refusal(whole.substr(0, whole.size() / 2)).find("truncated or damaged") != std::string::npos);
  std::string encrypted = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(200, '\0') + std::string("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
  CHECK(refusal(encrypted).find("the workbook is encrypted") != std::string::npos);
  CHECK(refusal("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(600, '\0')).find("Excel 97–2003 workbook (.xls)") != std::string::npos);
  CHECK(refusal("行ID,実績\n").find("not an .xlsx workbook") != std::string::npos);
  CHECK(refusal(make_zip({{"readme.txt", "hello"}})).find("not an Excel workbook") != std::string::npos);
}

TEST_CASE("a zip bomb stops at the limits, whatever its headers say") {
  // 3 MiB of one repeated row compresses about a thousandfold: beyond the ratio.
  std::string rows;
  while (rows.size() < (3u << 20)) rows += "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>";
  CHECK(refusal(make_zip(workbook_parts(rows))).find("a zip bomb") != std::string::npos);
  XlsxLimits small;
  small.entry_bytes = 1000;
  CHECK(refusal(make_zip(workbook_parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(2000, ' '))), small).find("zip bomb") !=
        std::string::npos);
}

TEST_CASE("rows and cells beyond the limits stop the reading with a clear error") {
  XlsxLimits limits;
  limits.rows = 10;
  std::string message = refusal(make_zip(workbook_parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1000000\"><c r=\"A1000000\"><v>1</v></c></row>")), limits);
  CHECK(message.find("the sheet has a row numbered 1000000; hyoka reads at most 10 rows a sheet") != std::string::npos);
  limits = {};
  limits.cells = 3;
  CHECK(refusal(make_zip(workbook_parts("<row r=\"1\"><c><v>1</v></c><c><v>1</v></c><c><v>1</v></c><c><v>1</v></c></row>")), limits)
            .find("more than 3 cells") != std::string::npos);
}

TEST_CASE("a shared string index beyond the table is damage, not a crash") {
  CHECK(refusal(make_zip(workbook_parts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "<sst><si><t>x</t></si></sst>")))
            .find("refers to a text the workbook does not hold") != std::string::npos);
}

TEST_CASE("cell references and dates") {
  CHECK(parse_cell_reference("K12")->row == 12);
  CHECK(parse_cell_reference("K12")->column == 11);
  CHECK(parse_cell_reference("XFD1048576")->column == 16384);
  CHECK_FALSE(parse_cell_reference("XFE1"));
  CHECK_FALSE(parse_cell_reference("A0"));
  CHECK_FALSE(parse_cell_reference("A1048577"));
  CHECK_FALSE(parse_cell_reference("12"));
  CHECK(cell_name(12, 28) == "AB12");
  CHECK(serial_date(45413, false) == "2024-05-01");
  CHECK(serial_date(1, false) == "1900-01-01");
  CHECK(serial_date(60, false) == "1900-02-29");
  CHECK(serial_date(61, false) == "1900-03-01");
  CHECK(serial_date(0, true) == "1904-01-01");
}

TEST_CASE("_xHHHH_ escapes decode to UTF-8 of one, two and three bytes; surrogates and bad digits stay as written") {
  CHECK(decode_office_escapes("a_x000D_b") == "a\rb");
  CHECK(decode_office_escapes("caf_x00E9_") == "café");
  CHECK(decode_office_escapes("_x65BD__x7B56_") == "施策");
  CHECK(decode_office_escapes("_xD800_ _x12G4_") == "_xD800_ _x12G4_");
}
