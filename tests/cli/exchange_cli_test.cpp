// hyoka export, import and status as a user runs them: options, exit codes, messages.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "run.hpp"

namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("hyoka-cli-exchange-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("export, import and status describe their options") {
  for (const char* command : {"export", "import", "status"}) {
    auto run = hyoka(std::string(command) + " --help");
    CAPTURE(command);
    CHECK(run.status == 0);
    CHECK(run.out.find("--year") != std::string::npos);
  }
  CHECK(hyoka("export --help").out.find("--by") != std::string::npos);
  CHECK(hyoka("import --help").out.find("--dry-run") != std::string::npos);
}

TEST_CASE("export: a year outside the period is refused; the CSV form is UTF-8 with a BOM and deterministic") {
  const fs::path out = scratch("export");
  auto refused = hyoka("export " + content + "/setagaya --year 2032 --out " + out.string(), true);
  CHECK(refused.status == 1);
  CHECK(refused.out.find("--year 2032 is outside the plan period 2024–2031") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  auto run = hyoka("export " + content + "/setagaya --year 2025 --format csv --by policy --out " + out.string());
  REQUIRE(run.status == 0);
  CHECK(run.out.find("setagaya FY2025, 23 file(s) by policy") != std::string::npos);
  const std::string first = read(out / "setagaya_2025_policy-1-1-1.csv");
  CHECK(first.rfind("\xEF\xBB\xBFhyoka-export,format=1,plan=setagaya,year=2025,by=policy,owner=1-1-1,", 0) == 0);
  REQUIRE(hyoka("export " + content + "/setagaya --year 2025 --format csv --by policy --out " + out.string()).status == 0);
  CHECK(read(out / "setagaya_2025_policy-1-1-1.csv") == first);
  for (const auto& entry : fs::directory_iterator(out)) CHECK(entry.path().extension() == ".csv");  // no temporary left
  fs::remove_all(out);
}

TEST_CASE("import: a missing file or a non-export is an error naming it, and nothing is written") {
  const fs::path dir = scratch("import");
  fs::create_directories(dir);
  std::ofstream(dir / "notes.csv") << "a,b\n1,2\n";
  auto run = hyoka("import " + content + "/setagaya " + (dir / "missing.xlsx").string() + " " + (dir / "notes.csv").string(), true);
  CHECK(run.status == 1);
  CHECK(run.out.find("missing.xlsx: error: not a file") != std::string::npos);
  CHECK(run.out.find("notes.csv:line 1: error: the file is not a hyoka export") != std::string::npos);
  CHECK(run.out.find("2 error(s); nothing was written") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("status: exit 1 while rows are open, 2 when the plan has errors; CSV lists the open rows") {
  auto run = hyoka("status " + content + "/setagaya");
  CHECK(run.status == 1);
  CHECK(run.out.find("集計中 (pending): 5") != std::string::npos);
  CHECK(run.out.find("complete: no") != std::string::npos);
  auto csv = hyoka("status " + content + "/setagaya --format csv");
  CHECK(csv.out.rfind("\xEF\xBB\xBF" "division,division_name,policy,row_id,row,gap,grade\r\n", 0) == 0);
  CHECK(csv.out.find(",i:1-1-1/o1,") != std::string::npos);
  const fs::path broken = scratch("status");
  fs::copy(fs::path(HYOKA_SOURCE_DIR) / "tests/bad/cases/number-percent/plan", broken, fs::copy_options::recursive);
  CHECK(hyoka("status " + broken.string()).status == 2);
  fs::remove_all(broken);
}
