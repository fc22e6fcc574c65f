// Broken copies of real sample files must give every error, each with file,
// position and a fix; the samples themselves must load cleanly.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "model/checks.hpp"
#include "model/json_file.hpp"
#include "model/loader.hpp"
#include "model/reader.hpp"

namespace fs = std::filesystem;
using hyoka::model::Diagnostic;
using hyoka::model::load_plan;

namespace {

const fs::path content = fs::path(HYOKA_SOURCE_DIR) / "content";

// A scratch copy of a sample plan that a test may break.
class PlanCopy {
 public:
  explicit PlanCopy(const std::string& plan) {
    dir_ = fs::temp_directory_path() / ("hyoka-test-" + plan + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(dir_);
    fs::create_directories(dir_.parent_path());
    fs::copy(content / plan, dir_, fs::copy_options::recursive);
  }
  ~PlanCopy() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

  std::string read(const std::string& file) const {
    std::ifstream in(dir_ / file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write(const std::string& file, const std::string& text) const { std::ofstream(dir_ / file, std::ios::binary) << text; }
  // Replaces the first occurrence of `from` (which must exist) in a file.
  void replace(const std::string& file, const std::string& from, const std::string& to) const {
    std::string text = read(file);
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "sample no longer contains: " << from);
    write(file, text.replace(at, from.size(), to));
  }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  fs::path dir_;
};

std::vector<std::string> errors_of(const fs::path& dir) {
  std::vector<std::string> out;
  auto result = load_plan(dir);
  for (const auto& d : result.diagnostics.items())
    if (d.severity == hyoka::model::Severity::error) out.push_back(hyoka::model::format(d));
  return out;
}

bool any_matches(const std::vector<std::string>& errors, const std::string& pattern) {
  std::regex re(pattern);
  for (const auto& e : errors)
    if (std::regex_search(e, re)) return true;
  return false;
}

std::string all(const std::vector<std::string>& errors) {
  std::string s;
  for (const auto& e : errors) s += e + "\n";
  return s;
}

}  // namespace

TEST_CASE("every sample plan loads without errors") {
  for (const auto& plan : hyoka::model::find_plans(content)) {
    CAPTURE(plan);
    auto result = load_plan(plan);
    CHECK_MESSAGE(result.plan, all(errors_of(plan)));
    CHECK(result.diagnostics.error_count() == 0);
  }
  CHECK(hyoka::model::find_plans(content).size() == 4);
}

TEST_CASE("a key becomes a JSON pointer token with ~ and / escaped (RFC 6901)") {
  using hyoka::model::pointer_token;
  CHECK(pointer_token("years") == "years");
  CHECK(pointer_token("a/b~c") == "a~1b~0c");
  CHECK(pointer_token("~/") == "~0~1");
  CHECK(pointer_token("") == "");
}

TEST_CASE("a JSON syntax error names the file, line and column") {
  PlanCopy copy("setagaya");
  copy.replace("policies/1-1-1.json", "\"area\": \"1\",", "\"area\": \"1\"");
  auto errors = errors_of(copy.dir());
  REQUIRE(errors.size() == 1);
  CHECK(any_matches(errors, R"(policies/1-1-1\.json:[0-9]+:[0-9]+: error: invalid JSON: syntax error.*\(fix: look for a missing comma)"));
}

TEST_CASE("all errors of one run are reported, each with a position and a fix") {
  PlanCopy copy("setagaya");
  copy.replace("policies/1-1-1.json", "\"page_ref\"", "\"pageref\"");                 // unknown key
  copy.replace("policies/1-1-2.json", "\"actual\": 226", "\"actual\": \"２２６\"");  // number as a string
  copy.replace("policies/1-1-3.json", "\"2024\": {", "\"2035\": {");                 // outside the period
  copy.replace("policies/1-1-4.json", "\"unit\": ", "\"units\": ");                  // unknown key + no unit
  auto errors = errors_of(copy.dir());
  INFO(all(errors));
  CHECK(any_matches(errors, R"(1-1-1\.json:[0-9]+:[0-9]+: error: /pageref: unknown key "pageref" \(fix: remove it)"));
  CHECK(any_matches(errors, R"(1-1-2\.json:[0-9]+:[0-9]+: error: .*/actual: a figure cannot be a plain string \("２２６"\) \(fix: write the number without quotes)"));
  CHECK(any_matches(errors, R"(1-1-3\.json:[0-9]+:[0-9]+: error: .*year 2035 is outside the plan period 2024–2031)"));
  CHECK(any_matches(errors, R"(1-1-4\.json:[0-9]+:[0-9]+: error: .*numeric figures but no unit \(fix: add "unit")"));
  CHECK(errors.size() >= 5);
}

TEST_CASE("dangling references and duplicate ids are errors") {
  PlanCopy copy("setagaya");
  copy.replace("policies/1-9-1.json", "\"cross_listed\": \"1-1-4-2\"", "\"cross_listed\": \"9-9-9\"");
  copy.replace("policies/1-2-1.json", "\"id\": \"o2\"", "\"id\": \"o1\"");
  copy.replace("policies/1-3-1.json", "\"area\": \"1\"", "\"area\": \"99\"");
  auto errors = errors_of(copy.dir());
  INFO(all(errors));
  CHECK(any_matches(errors, R"(1-9-1\.json:[0-9]+:[0-9]+: error: /projects/[0-9]+/cross_listed: cross-listed \(再掲\) project "9-9-9" does not exist)"));
  CHECK(any_matches(errors, R"(1-2-1\.json:[0-9]+:[0-9]+: error: /indicators/[0-9]+/id: duplicate indicator id "o1")"));
  CHECK(any_matches(errors, R"(1-3-1\.json:[0-9]+:[0-9]+: error: /area: unknown area "99")"));
}

TEST_CASE("files that are not UTF-8, empty, or wrongly typed are explained") {
  PlanCopy copy("nerima");
  copy.write("glossary.json", "{\"terms\": [{\"id\": \"x\", \"term\": {\"ja\": \"\x8e\x77\x95\x57\"}}]}");  // Shift_JIS 指標
  copy.write("divisions.json", "   \n");
  copy.replace("plan.json", "\"evaluation_year\": 2024", "\"evaluation_year\": \"2024\"");
  auto errors = errors_of(copy.dir());
  INFO(all(errors));
  CHECK(any_matches(errors, R"(glossary\.json:1:[0-9]+: error: the file is not UTF-8 \(it looks like Shift_JIS)"));
  CHECK(any_matches(errors, R"(divisions\.json:1:1: error: the file is empty)"));
  CHECK(any_matches(errors, R"(plan\.json:[0-9]+:[0-9]+: error: /evaluation_year: expected an integer, found a string)"));
}

TEST_CASE("a BOM and CRLF line ends are accepted") {
  PlanCopy copy("itabashi");
  std::string text = copy.read("plan.json");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  copy.write("plan.json", "\xEF\xBB\xBF" + crlf);
  CHECK(errors_of(copy.dir()).empty());
}

TEST_CASE("missing English is a warning with a count and a list") {
  PlanCopy clean("setagaya");
  auto result = load_plan(clean.dir());
  REQUIRE(result.plan);
  auto& plan = *result.plan;
  plan.policies.front().name.en.reset();
  plan.policies.back().indicators.front().name.en.reset();
  hyoka::model::Diagnostics diagnostics;
  hyoka::model::check_translations(plan, diagnostics);
  REQUIRE(diagnostics.warning_count() == 1);
  const auto& message = diagnostics.items().front().message;
  CHECK(message.rfind("2 texts have no English translation:", 0) == 0);
  CHECK(message.find("policy " + plan.policies.front().id + " name") != std::string::npos);
}

TEST_CASE("policies come in reading order: 1-2-1 before 1-10-1") {
  auto result = load_plan(content / "setagaya");
  REQUIRE(result.plan);
  std::vector<std::string> ids;
  for (const auto& policy : result.plan->policies) ids.push_back(policy.id);
  auto at = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
  CHECK(at("1-1-4") < at("1-2-1"));
  CHECK(at("1-9-1") < at("1-10-1"));
  CHECK(at("1-10-1") < at("2-1-1"));
  CHECK(ids.front() == "1-1-1");
}

TEST_CASE("ids that could escape the output folder or break on Windows are refused") {
  using hyoka::model::id_problem;
  for (const char* ok : {"1-1-1", "o3", "rev15", "iryoteki-care-ji-shien", "a.b_c-d", "COM10", "console", "nul-2"}) {
    CAPTURE(ok);
    CHECK_FALSE(id_problem(ok));
  }
  for (const std::string& bad : std::vector<std::string>{"", "../x", "/abs", "a/b", "..\\x", ".hidden", ".", "..", "x.", "CON", "con", "Nul.txt", "aux.html", "COM1",
                          "lpt9.x", "-x", "_x", "指標", "a b", "a:b", std::string(65, 'a'), std::string("a\0b", 3), "a\x1b"}) {
    CAPTURE(bad);
    CHECK(id_problem(bad));
  }
  CHECK(id_problem(std::string(64, 'a')) == std::nullopt);
}

TEST_CASE("an empty or invalid id is an error and never used") {
  PlanCopy copy("itabashi");
  copy.replace("plan.json", "\"id\": \"itabashi\"", "\"id\": \"\"");
  copy.replace("policies/1-2.json", "\"id\": \"iryoteki-care-ji-shien\"", "\"id\": \"../../../../etc/x\"");
  auto errors = errors_of(copy.dir());
  INFO(all(errors));
  CHECK(any_matches(errors, R"(plan\.json:[0-9]+:9: error: /id: the id is empty)"));
  CHECK(any_matches(errors, R"(1-2\.json:[0-9]+:[0-9]+: error: /projects/0/id: "\.\./\.\./\.\./\.\./etc/x" is not a valid id: the id contains a slash)"));
}

TEST_CASE("numbers hyoka cannot hold exactly and runaway nesting are refused with a position") {
  PlanCopy copy("itabashi");
  copy.replace("divisions.json", "\"divisions\": [", "\"x\": " + std::string(100000, '[') + std::string(100000, ']') + ", \"divisions\": [");
  copy.replace("glossary.json", "\"terms\": [", "\"x\": 1e400, \"terms\": [");
  auto errors = errors_of(copy.dir());
  INFO(all(errors));
  CHECK(any_matches(errors, R"(divisions\.json:[0-9]+:[0-9]+: error: the JSON is nested more than 64 levels deep)"));
  CHECK(any_matches(errors, R"(glossary\.json:[0-9]+:[0-9]+: error: the number 1e400 is too large or too precise)"));
}

TEST_CASE("policy files read in parallel give the same plan and the same messages in the same order") {
  PlanCopy copy("setagaya");
  copy.replace("policies/1-1-1.json", "\"area\": \"1\",", "\"area\": \"1\"");  // a syntax error
  copy.replace("policies/1-1-2.json", "\"area\": \"1\"", "\"area\": \"no-such-area\"");  // a dangling reference
  auto messages = [](const hyoka::model::LoadResult& result) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics.items()) out.push_back(hyoka::model::format(d));
    return out;
  };
  const auto sequential = messages(load_plan(copy.dir()));
  REQUIRE(sequential.size() >= 2);
  // Tasks run in reverse and on two threads at once: the result must not depend on it.
  hyoka::model::ForEach two_threads = [](std::size_t count, const std::function<void(std::size_t)>& task) {
    std::thread other([&] { for (std::size_t i = count; i-- > count / 2;) task(i); });
    for (std::size_t i = count / 2; i-- > 0;) task(i);
    other.join();
  };
  CHECK(messages(load_plan(copy.dir(), two_threads)) == sequential);

  const auto one = load_plan(content / "setagaya"), other = load_plan(content / "setagaya", two_threads);
  REQUIRE(one.plan);
  REQUIRE(other.plan);
  REQUIRE(one.plan->policies.size() == other.plan->policies.size());
  for (std::size_t i = 0; i < one.plan->policies.size(); ++i) {
    CHECK(one.plan->policies[i].id == other.plan->policies[i].id);
    CHECK(one.plan->policies[i].indicators.size() == other.plan->policies[i].indicators.size());
    CHECK(one.plan->policies[i].commentary.ja == other.plan->policies[i].commentary.ja);
  }
}
