// Differential corpus: every case under cases/ was rendered once by Jinja2
// (scripts/gen_template_cases.py); hyoka must produce the same bytes, or
// fail where Jinja2 failed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "site/filters.hpp"
#include "template/environment.hpp"

namespace fs = std::filesystem;
using hyoka::tmpl::Environment;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Outcome {
  bool ok = false;
  std::string text;
};

Outcome run_case(const fs::path& dir) {
  std::string name = fs::exists(dir / "template.html") ? "template.html" : "template.txt";
  auto context = nlohmann::ordered_json::parse(slurp(dir / "context.json"));
  hyoka::tmpl::Options options;
  if (fs::exists(dir / "options.json"))
    options.strict_undefined = nlohmann::json::parse(slurp(dir / "options.json")).value("strict", false);
  Environment env(dir, options);
  hyoka::site::add_template_filters(env);  // the p_* cases use the report filters
  try {
    return {true, env.render_file(name, context)};
  } catch (const std::exception& e) {
    return {false, e.what()};
  }
}

}  // namespace

TEST_CASE("differential corpus matches Jinja2 byte for byte") {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(HYOKA_TEMPLATE_CASES_DIR))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  REQUIRE(dirs.size() > 200);
  int passed = 0;
  for (const auto& dir : dirs) {
    std::string case_name = dir.filename().string();
    CAPTURE(case_name);
    Outcome got = run_case(dir);
    if (fs::exists(dir / "expected_error.txt")) {
      CHECK_MESSAGE(!got.ok, "Jinja2 raised " << slurp(dir / "expected_error.txt") << "but hyoka rendered: " << got.text);
      passed += !got.ok;
    } else {
      std::string expected = slurp(dir / "expected.txt");
      CHECK_MESSAGE(got.ok, "hyoka failed: " << got.text);
      if (got.ok) CHECK(got.text == expected);
      passed += got.ok && got.text == expected;
    }
  }
  MESSAGE(passed << " of " << dirs.size() << " cases match Jinja2");
}
