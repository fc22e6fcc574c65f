// libFuzzer target: the input is a whole plan folder in one byte string (see
// plan_bundle.hpp). The files are written to a scratch folder and go through
// what `hyoka check` and `hyoka evaluate` do: load_plan (encoding, JSON,
// shapes, cross-file checks), check_translations, every diagnostic formatted,
// and for a usable plan the evaluation of every year of its period as JSON and
// CSV. load_plan reports problems as diagnostics and never throws; any
// exception, crash or sanitizer report is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "evaluate/evaluate.hpp"
#include "evaluate/report.hpp"
#include "fuzz_common.hpp"
#include "model/checks.hpp"
#include "model/loader.hpp"
#include "plan_bundle.hpp"

namespace fs = std::filesystem;

namespace {

// One scratch folder per process (libFuzzer -jobs/-fork run several), under
// $HYOKA_FUZZ_TMPDIR, /dev/shm (no disk I/O) or the system temp folder. It
// exists only while an input runs (libFuzzer may end the process with _Exit).
const fs::path& scratch() {
  static const fs::path dir = [] {
    fs::path base;
    if (const char* env = std::getenv("HYOKA_FUZZ_TMPDIR"); env && *env) base = env;
    else if (std::error_code ec; fs::is_directory("/dev/shm", ec)) base = "/dev/shm";
    else base = fs::temp_directory_path();
    return base / ("hyoka-fuzz-plan-" + std::to_string(::getpid()));
  }();
  return dir;
}

fs::path write_bundle(std::string_view input) {
  fs::path plan = scratch() / "plan";
  fs::remove_all(plan);
  fs::create_directories(plan);
  for (const auto& [name, text] : hyoka::fuzz::split_bundle(input)) {
    fs::path file = plan / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc).write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  return plan;
}

void evaluate(const hyoka::model::Plan& plan) {
  using namespace hyoka::evaluate;
  std::vector<int> years;  // every year of the period, as `hyoka evaluate --all-years`
  for (int year = plan.period_start; year <= plan.period_end && years.size() < 12; ++year) years.push_back(year);
  auto evaluation = evaluate_plan(plan);
  hyoka::fuzz::consume(evaluation_json(evaluation).dump(2));
  hyoka::fuzz::consume(evaluation_csv(evaluation, years, true));
  hyoka::fuzz::consume(evaluation_json(evaluate_plan(plan, plan.period_end)).dump());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fs::path dir = write_bundle(std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    auto result = hyoka::model::load_plan(dir);
    if (result.plan) hyoka::model::check_translations(*result.plan, result.diagnostics);
    for (const auto& diagnostic : result.diagnostics.items()) {
      std::string line = hyoka::model::format(diagnostic);
      if (hyoka::fuzz::verbose()) std::fprintf(stderr, "%s\n", line.c_str());
      hyoka::fuzz::consume(line);
    }
    if (hyoka::fuzz::verbose())
      std::fprintf(stderr, "fuzz: %s, %zu errors, %zu warnings\n", result.plan ? "plan loaded" : "no plan",
                   result.diagnostics.error_count(), result.diagnostics.warning_count());
    if (result.plan) evaluate(*result.plan);
  } catch (const std::exception& e) {
    hyoka::fuzz::unexpected_exception("load_plan", e);
  }
  fs::remove_all(scratch());
  return 0;
}
