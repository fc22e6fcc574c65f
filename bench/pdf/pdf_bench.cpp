// One core, one Writer (font and layouts cached across documents, as in a build):
// how many sheets per second, how many pages, how large.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"
#include "pdf/pdf.hpp"
#include "synthetic.hpp"

using namespace hyoka;
namespace fs = std::filesystem;

namespace {

struct Totals {
  int sheets = 0;
  std::uintmax_t bytes = 0, largest = 0;
  double seconds = 0;
};

Totals write_all(pdf::Writer& writer, const model::Plan& plan, const evaluate::PlanEvaluation& evaluation,
                 const fs::path& dir) {
  Totals t;
  auto start = std::chrono::steady_clock::now();
  for (auto lang : model::all_langs)
    for (const auto& policy : plan.policies) {
      auto file = dir / fmt::format("{}.{}.pdf", policy.id, model::code(lang));
      writer.write_sheet(plan, evaluation, policy.id, lang, file);
      ++t.sheets;
    }
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& entry : fs::directory_iterator(dir)) {
    t.bytes += entry.file_size();
    t.largest = std::max(t.largest, entry.file_size());
  }
  return t;
}

void report(const std::string& what, const Totals& t) {
  fmt::print("{:<34} {:5} sheets  {:7.3f} s  {:7.1f} sheets/s  avg {:5.1f} KB  max {:5.1f} KB\n", what, t.sheets,
             t.seconds, t.sheets / t.seconds, t.bytes / 1024.0 / t.sheets, t.largest / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path content = argc > 1 ? fs::path(argv[1]) : fs::path(HYOKA_SOURCE_DIR) / "content";
  fs::path layouts = argc > 2 ? fs::path(argv[2]) : fs::path(HYOKA_SOURCE_DIR) / "templates" / "layouts";
  fs::path out = fs::temp_directory_path() / fmt::format("hyoka-pdf-bench-{}", getpid());
  pdf::Options options;
  options.layouts_dir = layouts;
  pdf::Writer writer(options);
  Totals sample;
  for (const auto& dir : model::find_plans(content)) {
    auto loaded = model::load_plan(dir);
    if (!loaded.plan) continue;
    auto evaluation = evaluate::evaluate_plan(*loaded.plan);
    fs::create_directories(out / loaded.plan->id);
    Totals t = write_all(writer, *loaded.plan, evaluation, out / loaded.plan->id);
    report("sample " + loaded.plan->id + " (ja+en)", t);
    sample.sheets += t.sheets;
    sample.bytes += t.bytes;
    sample.largest = std::max(sample.largest, t.largest);
    sample.seconds += t.seconds;
  }
  if (sample.sheets) report("whole sample (ja+en)", sample);
  auto plan = pdf::testing::synthetic_plan(500);
  auto evaluation = evaluate::evaluate_plan(plan);
  fs::create_directories(out / "synthetic");
  report("synthetic 500 policies (ja+en)", write_all(writer, plan, evaluation, out / "synthetic"));
  fs::remove_all(out);
}
