#pragma once
// What the exchange fuzz targets share: the plan a read file is judged
// against (the bad-input corpus's minimal plan, loaded once), and the judging
// itself, as `hyoka import --dry-run` does it: never writing, and reporting
// every problem as a diagnostic or an ExchangeError, nothing else.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>

#include "exchange/import.hpp"
#include "fuzz_common.hpp"
#include "model/loader.hpp"

namespace hyoka::fuzz {

inline const model::Plan& minimal_plan() {
  static const model::Plan plan = [] {
    auto result = model::load_plan(HYOKA_FUZZ_PLAN_DIR);
    if (!result.plan) {
      std::fprintf(stderr, "fuzz: cannot load %s\n", HYOKA_FUZZ_PLAN_DIR);
      std::abort();
    }
    return std::move(*result.plan);
  }();
  return plan;
}

// Judges a read file against the plan (a dry run: nothing is written).
inline void judge(const exchange::Submission& submission) {
  exchange::Importer importer(minimal_plan(), {0, true, {}});
  importer.add(submission);
  auto report = importer.finish();
  if (!report.files_written.empty()) {
    std::fprintf(stderr, "fuzz: a dry run wrote files\n");
    std::abort();
  }
  for (const auto& change : report.changes) consume(exchange::describe(change));
  for (const auto& diagnostic : report.diagnostics.items()) {
    if (verbose()) std::fprintf(stderr, "%s\n", model::format(diagnostic).c_str());
    consume(model::format(diagnostic));
  }
}

// Runs `read` and judges what it read; ExchangeError is the file being refused.
template <typename Read>
void read_and_judge(const char* where, Read&& read) {
  try {
    judge(read());
  } catch (const exchange::ExchangeError& e) {
    if (verbose()) std::fprintf(stderr, "refused: %s (%s)\n", e.what(), e.where().c_str());
    consume(e.what());
  } catch (const std::exception& e) {
    unexpected_exception(where, e);
  }
}

}  // namespace hyoka::fuzz
