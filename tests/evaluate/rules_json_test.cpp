// Rules as a city writes them in plan.json, loaded and evaluated the way
// `hyoka build` does: the counts and the explanations must follow the data.
#include <doctest/doctest.h>

#include <fstream>
#include <numeric>
#include <unistd.h>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"

using namespace hyoka;
namespace fs = std::filesystem;

namespace {

// A plan folder in a fresh temporary directory: plan.json with the given
// evaluation, one policy with the given indicators, removed afterwards.
struct PlanFolder {
  fs::path dir = fs::temp_directory_path() / ("hyoka-rules-" + std::to_string(::getpid()));
  PlanFolder(const std::string& evaluation, const std::string& indicators) {
    fs::remove_all(dir);
    fs::create_directories(dir / "policies");
    write("plan.json", R"({"id": "mini", "city": {"ja": "見本市"}, "name": {"ja": "見本計画"},
      "period": {"start": 2024, "end": 2027}, "evaluation_year": 2024,
      "areas": [{"id": "a1", "number": "1", "name": {"ja": "分野１"}}],
      "evaluation": )" + evaluation + "}");
    write("divisions.json", R"({"divisions": [{"id": "d1", "name": {"ja": "企画課"}}]})");
    write("policies/p1.json", R"({"id": "p1", "area": "a1", "number": "1-1", "name": {"ja": "施策"},
      "divisions": ["d1"], "indicators": [)" + indicators + "]}");
  }
  ~PlanFolder() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; }

  // Loaded and evaluated; keeps the plan alive for the evaluation's pointers.
  std::optional<model::Plan> plan;
  evaluate::PlanEvaluation evaluate() {
    auto loaded = model::load_plan(dir);
    for (const auto& d : loaded.diagnostics.items()) MESSAGE(model::format(d));
    REQUIRE(loaded.plan);
    plan = std::move(loaded.plan);
    return evaluate::evaluate_plan(*plan);
  }
};

std::string row(const char* id, const char* kind, const char* rule, const char* target, const char* actual) {
  return std::string(R"({"id": ")") + id + R"(", "kind": ")" + kind + R"(", "number": "1", "name": {"ja": "指標"},
    "unit": "%", )" + (rule[0] ? std::string(R"("rule": ")") + rule + "\", " : "") + R"("years": {"2024": {"target": )" +
         target + R"(, "actual": )" + actual + "}}}";
}

int sum_of(const evaluate::GradeCounts& counts) {
  return std::accumulate(counts.by_grade.begin(), counts.by_grade.end(), 0, [](int n, const auto& g) { return n + g.second; });
}

int count_of(const evaluate::GradeCounts& counts, const std::string& label) {
  for (const auto& [each, n] : counts.by_grade)
    if (each == label) return n;
  return -1;  // not a label the counts know
}

}  // namespace

TEST_CASE("a rule with its own scale: its grades are counted, so the counts add up to the graded rows") {
  PlanFolder folder(R"({"rules": {"stars": {"method": "ratio",
      "scale": [{"label": "S", "min": 120}, {"label": "A", "min": 100}, {"label": "B", "min": 80}, {"label": "C"}]}}})",
                    row("o1", "outcome", "stars", "100", "130") + "," + row("o2", "outcome", "", "100", "90") + "," +
                        row("o3", "outcome", "stars", "100", "50"));
  const auto evaluation = folder.evaluate();
  const auto& counts = evaluation.counts;
  CHECK(counts.graded == 3);
  CHECK(sum_of(counts) == counts.graded);
  CHECK(count_of(counts, "S") == 1);  // 130% on the stars scale
  CHECK(count_of(counts, "B") == 1);  // 90% on the plan's A–D scale
  CHECK(count_of(counts, "C") == 1);  // 50% on the stars scale
  CHECK(sum_of(evaluation.by_area.at("a1")) == 3);
  // The plan's own labels come first, then the ones only the rule's scale has.
  CHECK(counts.by_grade.front().first == "A");
  CHECK(counts.by_grade.back().first == "S");
}

TEST_CASE("graded_kinds: [\"activity\"] explains outcome rows by what the plan grades") {
  PlanFolder folder(R"({"graded_kinds": ["activity"]})",
                    row("a1", "activity", "", "10", "12") + "," + row("o1", "outcome", "", "100", "90"));
  const auto evaluation = folder.evaluate();
  const auto& rows = evaluation.policies.at(0).indicators;
  CHECK(rows[0].result.status == evaluate::Status::graded);
  CHECK(rows[0].result.grade == "A");
  CHECK(rows[1].result.status == evaluate::Status::not_graded);
  CHECK(rows[1].result.explanation.ja == "この計画では成果指標は評価の対象ではありません");
  CHECK(*rows[1].result.explanation.en == "this plan grades only activity volumes, not outcome indicators");
}

TEST_CASE("the Setagaya default still explains activity rows as before") {
  PlanFolder folder("{}", row("a1", "activity", "", "10", "12"));
  const auto evaluation = folder.evaluate();
  const auto& result = evaluation.policies.at(0).indicators.at(0).result;
  CHECK(result.explanation.ja == "この計画では行動量は評価の対象ではありません");
  CHECK(*result.explanation.en == "this plan grades only outcome indicators, not activity volumes");
}

TEST_CASE("every year with figures is evaluated once, and read back through one lookup") {
  PlanFolder folder("{}", R"({"id": "o1", "kind": "outcome", "number": "1", "name": {"ja": "指標"}, "unit": "%",
      "years": {"2024": {"target": 100, "actual": 90}, "2025": {"target": 100, "actual": 105}}})");
  const auto evaluation = folder.evaluate();
  CHECK(evaluation.years == std::vector<int>{2024, 2025});
  const auto* row = evaluation.find(folder.plan->policies.at(0).indicators.at(0));
  REQUIRE(row);
  CHECK(row->result.grade == "B");
  REQUIRE(row->in(2025));
  CHECK(row->in(2025)->grade == "A");
  CHECK(row->in(2026) == nullptr);
}
