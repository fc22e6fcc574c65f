// Export and import through the library on the minimal plan of the bad-input
// corpus: what changes, what is kept, what is a conflict, and what is written.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "exchange/csv_file.hpp"
#include "exchange/import.hpp"
#include "exchange/status.hpp"
#include "exchange/xlsx_reader.hpp"
#include "exchange/xlsx_writer.hpp"
#include "exchange/zip_archive.hpp"
#include "model/loader.hpp"

using namespace hyoka::exchange;
namespace fs = std::filesystem;
namespace model = hyoka::model;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// A scratch copy of a plan folder, removed at the end.
struct PlanCopy {
  fs::path dir;
  explicit PlanCopy(const fs::path& from) {
    static int n = 0;
    dir = fs::temp_directory_path() / ("hyoka-exchange-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::copy(from, dir, fs::copy_options::recursive);
  }
  ~PlanCopy() { fs::remove_all(dir); }
  model::Plan load() const {
    auto result = model::load_plan(dir);
    REQUIRE(result.plan);
    return std::move(*result.plan);
  }
};

const fs::path minimal = fs::path(HYOKA_SOURCE_DIR) / "tests/bad/cases/valid-minimal/plan";
const fs::path setagaya = fs::path(HYOKA_SOURCE_DIR) / "content/setagaya";

// The minimal plan's one book as CSV text (one division, d1).
std::string exported_csv(const model::Plan& plan, int year = 2024) {
  static std::vector<Row> rows;
  rows = plan_rows(plan, year);
  auto books = make_books(plan, rows, Grouping::division, year);
  REQUIRE(books.size() == 1);
  return write_csv(books[0], layout_for(plan, year, true), metadata_of(plan, books[0], year));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

ImportReport import_csv(const model::Plan& plan, const std::string& csv, ImportOptions options = {}) {
  Importer importer(plan, options);
  auto submission = read_csv_submission(csv);
  submission.file = "filled.csv";
  importer.add(submission);
  return importer.finish();
}

std::string errors(const ImportReport& report) {
  std::string out;
  for (const auto& d : report.diagnostics.items()) out += model::format(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("an unchanged export imports as no change; a changed value is written in place, in the file's style") {
  PlanCopy copy(minimal);
  const auto plan = copy.load();
  const std::string csv = exported_csv(plan);
  CHECK(import_csv(plan, csv).changes.empty());
  const std::string before = read(copy.dir / "policies/p1.json");
  // The actual column of the indicator row: 57.0 exported, 58 typed (as Excel saves it).
  auto report = import_csv(plan, replaced(csv, "i:p1/o1,1-1,1,成果指標,指標,Indicator,%,50.0,60.0,,57.0", "i:p1/o1,1-1,1,成果指標,指標,Indicator,%,50.0,60.0,,58"));
  REQUIRE_MESSAGE(!report.diagnostics.has_errors(), errors(report));
  REQUIRE(report.changes.size() == 1);
  CHECK(describe(report.changes[0]) == "施策1-1 1「指標」 実績: 57.0 → 58.0");
  CHECK(read(copy.dir / "policies/p1.json") == replaced(before, "\"actual\": 57.0}", "\"actual\": 58.0}"));
  CHECK(report.files_written == std::vector<fs::path>{copy.dir / "policies/p1.json"});
  CHECK(fs::directory_iterator(copy.dir / "policies") != fs::directory_iterator());
  for (const auto& entry : fs::directory_iterator(copy.dir / "policies")) CHECK(entry.path().extension() != ".tmp");
}

TEST_CASE("a dry run judges and reports but writes nothing") {
  PlanCopy copy(minimal);
  const auto plan = copy.load();
  const std::string before = read(copy.dir / "policies/p1.json");
  auto report = import_csv(plan, replaced(exported_csv(plan), ",57.0,", ",59.5,"), {0, true, {}});
  CHECK(report.changes.size() == 1);
  CHECK(report.files_written.empty());
  CHECK(read(copy.dir / "policies/p1.json") == before);
}

TEST_CASE("changed in the plan since the export: kept when the file did not touch it, a conflict when it did") {
  PlanCopy copy(minimal);
  const std::string csv = exported_csv(copy.load());
  write(copy.dir / "policies/p1.json", replaced(read(copy.dir / "policies/p1.json"), "\"actual\": 57.0", "\"actual\": 56.0"));
  const auto plan = copy.load();
  auto kept = import_csv(plan, csv);
  CHECK_FALSE(kept.diagnostics.has_errors());
  CHECK(kept.changes.empty());
  REQUIRE(kept.kept.size() == 1);
  CHECK(kept.kept[0].find("56.0 (changed in the plan since the export; the file still shows 57.0)") != std::string::npos);
  const std::string before = read(copy.dir / "policies/p1.json");
  auto conflict = import_csv(plan, replaced(csv, ",57.0,", ",58,"));
  CHECK(errors(conflict).find("filled.csv:K3: error: conflict: 実績 of 施策1-1 1「指標」 changed in the plan since the export (57.0 → 56.0) "
                              "and in the file (57.0 → 58.0)") != std::string::npos);
  CHECK(read(copy.dir / "policies/p1.json") == before);
}

TEST_CASE("a file of another plan or year, an English reason alone, two files that disagree: refused, nothing written") {
  PlanCopy copy(minimal);
  const auto plan = copy.load();
  const std::string csv = exported_csv(plan);
  CHECK(errors(import_csv(plan, replaced(csv, "plan=mini", "plan=other"))).find("exported from the plan other, not mini") != std::string::npos);
  CHECK(errors(import_csv(plan, replaced(csv, "year=2024", "year=2025"))).find("the import for FY2024 (fix: import it with --year 2025") !=
        std::string::npos);
  // The reason columns follow the actual (ja, then en): an English reason without the Japanese one.
  std::string english_only = replaced(csv, ",57.0,,,", ",57.0,,Because,");
  CHECK(errors(import_csv(plan, english_only)).find("an English reason without the Japanese one") != std::string::npos);
  Importer importer(plan, {});
  auto a = read_csv_submission(replaced(csv, ",57.0,", ",58,"));
  auto b = read_csv_submission(replaced(csv, ",57.0,", ",59,"));
  a.file = "a.csv";
  b.file = "b.csv";
  importer.add(a);
  importer.add(b);
  auto report = importer.finish();
  CHECK(errors(report).find("b.csv:K3: error: another file sets the same value differently: a.csv:K3 → 58.0, here → 59.0") != std::string::npos);
  CHECK(report.files_written.empty());
}

TEST_CASE("a Shift_JIS file cannot bring back characters Shift_JIS lacks: refused, naming them") {
  PlanCopy copy(minimal);
  write(copy.dir / "policies/p1.en.md", "Targets 2024–2027\n");  // an en dash: no CP932 form
  const auto plan = copy.load();
  std::string csv = exported_csv(plan);
  CHECK(characters_without_cp932("Targets 2024–2027") == "–");
  CHECK(characters_without_cp932("世田谷区 ①～⑳") == "");
  // What Excel writes when it saves that file as "CSV (コンマ区切り)": CP932 bytes, the dash become '?'.
  const fs::path utf8 = copy.dir / "lossy.csv";
  std::string lossy = csv.substr(3);
  for (auto at = lossy.find("–"); at != std::string::npos; at = lossy.find("–")) lossy.replace(at, std::string("–").size(), "?");
  write(utf8, lossy);
  FILE* pipe = popen(("iconv -f UTF-8 -t CP932 " + utf8.string()).c_str(), "r");
  REQUIRE(pipe);
  std::string sjis;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) sjis.append(buffer, n);
  REQUIRE(pclose(pipe) == 0);
  CHECK(decode_text(sjis).encoding == "Shift_JIS (CP932)");
  Submission submission = read_csv_submission(sjis);
  CHECK(submission.cp932);
  CHECK(submission.format == "CSV, Shift_JIS (CP932)");
  submission.file = "sjis.csv";
  Importer importer(plan, {});
  importer.add(submission);
  CHECK(errors(importer.finish()).find("characters Shift_JIS (CP932) has no form for (–)") != std::string::npos);
}

TEST_CASE("CSV: UTF-16 and undecodable bytes are refused; quotes left open are damage") {
  CHECK_THROWS_WITH_AS(decode_text("\xFF\xFEh\0i\0"), doctest::Contains("UTF-16"), ExchangeError);
  CHECK_THROWS_WITH_AS(decode_text("\xEF\xBB\xBF\xFF\xFF"), doctest::Contains("neither UTF-8 nor Shift_JIS"), ExchangeError);
  CHECK_THROWS_WITH_AS(parse_csv("a,\"b\nc"), doctest::Contains("opened on line 1 is never closed"), ExchangeError);
  auto rows = parse_csv("a,\"b,\"\"c\"\"\r\nd\",e\r\n\r\nf");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"a", "b,\"c\"\r\nd", "e"});
  CHECK(rows[2] == std::vector<std::string>{"f"});
}

TEST_CASE("the workbook: guide first, one protected sheet per policy with live formulas and validation, metadata hidden") {
  PlanCopy copy(setagaya);
  const auto plan = copy.load();
  const auto evaluation = hyoka::evaluate::evaluate_plan(plan, 2024);
  const auto rows = plan_rows(plan, 2024);
  const auto books = make_books(plan, rows, Grouping::division, 2024);
  const Book* book = nullptr;
  for (const auto& b : books)
    if (b.owner == "hoken-fukushi-seisaku") book = &b;
  REQUIRE(book);
  const fs::path file = copy.dir / "book.xlsx";
  write_xlsx(plan, evaluation, *book, layout_for(plan, 2024, false), file);
  const std::string bytes = read(file);
  const auto cells = read_xlsx(bytes);
  REQUIRE(cells.sheets.size() == book->sheets.size() + 2);
  CHECK(cells.sheets.front().name == "入力の手引き");
  CHECK(cells.sheets.back().name == "hyoka");
  CHECK(cells.sheets.back().hidden);
  const SheetCells* sheet = cells.find("施策1-1-1");
  REQUIRE(sheet);
  CHECK(sheet->at(4, 1).text == "行ID\nRow ID");
  // o3: 89.9 ÷ 93.0 → 96.7, B; the formula's cached value is hyoka's.
  int row = 0;
  for (int r = 5; r <= sheet->rows; ++r)
    if (sheet->at(r, 1).text == "i:1-1-1/o3") row = r;
  REQUIRE(row > 0);
  CHECK(sheet->at(row, 10).text == "89.90000000000001");  // libxlsxwriter writes 16 digits; read back as 89.9
  CHECK(sheet->at(row, 11).text == "96.7");
  CHECK(sheet->at(row, 12).text == "B");
  ZipArchive zip(bytes, {128u << 20, 256u << 20, 100, 1000});
  std::string xml;
  zip.stream("xl/worksheets/sheet2.xml", [&](std::string_view chunk) { xml += chunk; return true; });
  CHECK(xml.find("<sheetProtection") != std::string::npos);
  CHECK(xml.find("<f>IF(ISNUMBER(J" + std::to_string(row) + "),IF(H" + std::to_string(row) + "&lt;&gt;0,ROUND(J" + std::to_string(row) + "/H" +
                 std::to_string(row) + "*100,1),\"\"),\"\")</f>") != std::string::npos);
  CHECK(xml.find("type=\"custom\"") != std::string::npos);
  CHECK(xml.find("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"") != std::string::npos);
  CHECK(xml.find("<pane xSplit=\"4\" ySplit=\"4\"") != std::string::npos);
  CHECK(xml.find("conditionalFormatting") != std::string::npos);
  // Every part is deflated at zlib's fastest level (see xlsx_writer.cpp): minizip marks
  // it in each local header's flags, bits 1–2 = 3 (PKWARE APPNOTE 4.4.4).
  int parts = 0;
  for (std::size_t at = bytes.find("PK\x03\x04"); at != std::string::npos; at = bytes.find("PK\x03\x04", at + 4)) {
    const auto flags = static_cast<unsigned char>(bytes[at + 6]) | static_cast<unsigned char>(bytes[at + 7]) << 8;
    const auto method = static_cast<unsigned char>(bytes[at + 8]);
    INFO("part " << parts << " at byte " << at);
    CHECK(method == 8);
    CHECK((flags & 6) == 6);
    ++parts;
  }
  CHECK(parts >= 10);
  // The same plan gives the same bytes (no clock).
  write_xlsx(plan, evaluation, *book, layout_for(plan, 2024, false), copy.dir / "again.xlsx");
  CHECK(read(copy.dir / "again.xlsx") == bytes);
}

TEST_CASE("status: per division, rows without an actual, 集計中 rows, short grades without a reason") {
  PlanCopy copy(setagaya);
  const auto plan = copy.load();
  auto status = year_status(plan, 2024);
  // README: Setagaya's FY2024 sheet has 5 outcome rows 集計中, and reasons for every C/D.
  CHECK(status.pending == 5);
  CHECK(status.no_reason == 0);
  CHECK_FALSE(status.complete());
  // Take a reason away: that division now owes it.
  write(copy.dir / "policies/1-1-3.json",
        replaced(read(copy.dir / "policies/1-1-3.json"), "\"reason\": {", "\"note\": {"));
  const auto changed = copy.load();
  status = year_status(changed, 2024);
  CHECK(status.no_reason == 1);
  CHECK(status_text(status, changed).find("理由なし (no reason) [D]") != std::string::npos);
  CHECK(status_csv(status).find(",i:1-1-3/o2,") != std::string::npos);
  // FY2025: nothing reported yet, every row open.
  status = year_status(plan, 2025);
  CHECK(status.no_actual == plan_rows(plan, 2025).size() - plan.policies.size());
}

TEST_CASE("a book of more than 30 policies has them on one sheet, a heading per policy, and reads back whole") {
  PlanCopy copy(minimal);
  model::Plan plan = copy.load();
  const model::Policy first = plan.policies.front();
  for (int i = 2; i <= 31; ++i) {
    model::Policy policy = first;
    policy.id = "p" + std::to_string(i);
    policy.number = "1-" + std::to_string(i);
    for (auto& project : policy.projects) project.id += "-" + std::to_string(i);  // project ids are unique in a plan
    for (auto& indicator : policy.indicators) indicator.project += "-" + std::to_string(i);
    plan.policies.push_back(policy);
  }
  const auto rows = plan_rows(plan, 2024);
  const auto books = make_books(plan, rows, Grouping::division, 2024);
  REQUIRE(books.size() == 1);
  REQUIRE(books[0].sheets.size() == 1);
  CHECK(books[0].sheets[0].name == "実績入力");
  CHECK(books[0].sheets[0].rows.size() == rows.size());
  const fs::path file = copy.dir / "all.xlsx";
  write_xlsx(plan, hyoka::evaluate::evaluate_plan(plan, 2024), books[0], layout_for(plan, 2024, false), file);
  auto submission = read_xlsx_submission(read(file));
  CHECK(submission.problems.empty());
  CHECK(submission.rows.size() == rows.size());
  const auto cells = read_xlsx(read(file));
  const SheetCells* sheet = cells.find("実績入力");
  REQUIRE(sheet);
  CHECK(sheet->at(1, 1).text.find("全31施策") != std::string::npos);
  CHECK(sheet->at(5, 1).text == "施策1-1　施策");  // the first policy's heading
}
