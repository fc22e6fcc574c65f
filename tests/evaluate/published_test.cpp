// The Setagaya sheet's published rates and grades, transcribed independently
// of the plan data (tests/data/setagaya_published.tsv), must come out of the
// engine exactly.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"

namespace {

struct Published {
  std::string policy, indicator, rate, grade, computed;  // computed: only where the sheet contradicts its own inputs
};

std::vector<Published> read_published() {
  std::ifstream in(std::string(HYOKA_SOURCE_DIR) + "/tests/data/setagaya_published.tsv");
  std::vector<Published> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Published row;
    std::getline(fields, row.policy, '\t');
    std::getline(fields, row.indicator, '\t');
    std::getline(fields, row.rate, '\t');
    std::getline(fields, row.grade, '\t');
    std::getline(fields, row.computed, '\t');
    rows.push_back(row);
  }
  return rows;
}

std::string shown_rate(const hyoka::evaluate::Result& result) { return result.rate ? result.rate->to_string() : "ー"; }
std::string shown_grade(const hyoka::evaluate::Result& result) { return result.grade.empty() ? "ー" : result.grade; }

}  // namespace

TEST_CASE("every published Setagaya rate and grade is reproduced") {
  auto loaded = hyoka::model::load_plan(std::string(HYOKA_SOURCE_DIR) + "/content/setagaya");
  REQUIRE(loaded.plan);
  auto evaluation = hyoka::evaluate::evaluate_plan(*loaded.plan);
  auto published = read_published();
  REQUIRE(published.size() >= 65);
  int graded = 0;
  for (const auto& row : published) {
    CAPTURE(row.policy);
    CAPTURE(row.indicator);
    const auto* policy = evaluation.find(row.policy);
    REQUIRE(policy);
    auto it = std::find_if(policy->indicators.begin(), policy->indicators.end(),
                           [&](const auto& r) { return r.indicator->id == row.indicator; });
    REQUIRE(it != policy->indicators.end());
    std::string got = shown_rate(it->result) + " " + shown_grade(it->result);
    if (row.computed.empty()) {
      CHECK(got == row.rate + " " + row.grade);
    } else {
      // The sheet's printed inputs do not give its printed rate; the engine must give what the inputs give.
      CHECK(got != row.rate + " " + row.grade);
      CHECK(row.computed.rfind(got, 0) == 0);
    }
    graded += !it->result.grade.empty();
  }
  CHECK(graded == 65);
}

TEST_CASE("Setagaya's dashboard counts equal the sheet's own grades, counted from the published file") {
  // The counts are tallied here from the transcription of the printed sheet
  // (tests/data/setagaya_published.tsv), independently of the engine's aggregation.
  std::map<std::string, int> printed;  // grade → rows; ー counts the rows the sheet leaves ungraded
  for (const auto& row : read_published()) {
    const std::string grade = row.computed.empty() ? row.grade : row.computed.substr(row.computed.find(' ') + 1, 1);
    ++printed[grade];
  }
  auto loaded = hyoka::model::load_plan(std::string(HYOKA_SOURCE_DIR) + "/content/setagaya");
  REQUIRE(loaded.plan);
  auto evaluation = hyoka::evaluate::evaluate_plan(*loaded.plan);
  for (const auto& [label, n] : evaluation.counts.by_grade) {
    CAPTURE(label);
    CHECK(n == printed[label]);
  }
  CHECK(evaluation.counts.pending == printed["ー"]);
  CHECK(evaluation.counts.graded == 65);
  // Each area's counts are the sum of its policies', tallied here from the rows.
  for (const auto& [area, counts] : evaluation.by_area) {
    int rows = 0;
    for (const auto& policy : evaluation.policies)
      if (policy.policy->area == area)
        for (const auto& row : policy.indicators) rows += !row.result.grade.empty();
    CAPTURE(area);
    CHECK(counts.graded == rows);
  }
}
