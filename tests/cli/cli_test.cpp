// The hyoka binary as a user runs it: exit codes, messages, the evaluate interface.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;

TEST_CASE("check passes on every sample plan and on the content folder") {
  auto run = hyoka("check " + content, true);
  CHECK(run.status == 0);
  for (const char* plan : {"setagaya", "suginami", "nerima", "itabashi"}) CHECK(run.out.find(std::string(plan) + ": ok") != std::string::npos);
}

TEST_CASE("check on a broken copy exits 1 with file, position and fix") {
  fs::path dir = fs::temp_directory_path() / ("hyoka-cli-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(content + "/setagaya", dir, fs::copy_options::recursive);
  std::ifstream in(dir / "policies/1-1-2.json");
  std::stringstream text;
  text << in.rdbuf();
  std::string broken = text.str();
  broken.replace(broken.find("\"actual\": 226"), 13, "\"actual\": \"1,226\"");
  std::ofstream(dir / "policies/1-1-2.json") << broken;
  auto run = hyoka("check " + dir.string(), true);
  fs::remove_all(dir);
  CHECK(run.status == 1);
  CHECK(run.out.find("policies/1-1-2.json:") != std::string::npos);
  CHECK(run.out.find("a figure cannot be a plain string (\"1,226\") (fix: write the number without quotes") != std::string::npos);
  CHECK(run.out.find("FAILED (1 errors") != std::string::npos);
}

TEST_CASE("evaluate --format json is the documented interface") {
  auto run = hyoka("evaluate " + content + "/setagaya --format json");
  REQUIRE(run.status == 0);
  auto json = nlohmann::json::parse(run.out);
  REQUIRE(json["indicators"].is_array());
  bool found = false;
  for (const auto& item : json["indicators"]) {
    for (const char* key : {"id", "policy", "kind", "name", "unit", "baseline", "target", "actual", "rate", "grade", "explanation", "year"})
      CHECK(item.contains(key));
    if (item["policy"] == "1-1-1" && item["id"] == "o3") {
      found = true;
      CHECK(item["rate"].get<double>() == doctest::Approx(96.7));
      CHECK(item["grade"] == "B");
      CHECK(item["actual"].get<double>() == doctest::Approx(89.9));
      CHECK(item["explanation"]["ja"].get<std::string>().rfind("96.7% = 89.9 ÷ 93.0 × 100", 0) == 0);
    }
    if (item["status"] == "pending") CHECK(item["actual"] == "集計中");
  }
  CHECK(found);
}

TEST_CASE("evaluate --year outside the period is refused, and csv has a header and one row per indicator") {
  auto refused = hyoka("evaluate " + content + "/setagaya --year 1999", true);
  CHECK(refused.status == 1);
  CHECK(refused.out.find("--year 1999 is outside the plan period") != std::string::npos);
  auto csv = hyoka("evaluate " + content + "/suginami --format csv --year 2030");
  REQUIRE(csv.status == 0);
  CHECK(csv.out.rfind("policy,id,year,kind", 0) == 0);
  std::size_t rows = 0;
  for (char c : csv.out) rows += c == '\n';
  CHECK(rows == 1 + 27);
  CHECK(csv.out.find(",no_actual,") != std::string::npos);  // Suginami has no actuals yet: said honestly
}

TEST_CASE("every command explains its options") {
  for (const char* command : {"--help", "check --help", "evaluate --help"}) {
    auto run = hyoka(command);
    CHECK(run.status == 0);
    CHECK(run.out.find("Usage: hyoka") != std::string::npos);
  }
}
