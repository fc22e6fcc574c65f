#include "exchange/status.hpp"

#include <algorithm>
#include <set>

#include "evaluate/evaluate.hpp"
#include "exchange/formulas.hpp"
#include "exchange/import.hpp"
#include "present/csv.hpp"
#include "present/numbers.hpp"
#include "present/years.hpp"

namespace hyoka::exchange {
namespace {

const char* gap_words(Gap gap) {
  switch (gap) {
    case Gap::no_actual: return "実績なし (no actual)";
    case Gap::pending: return "集計中 (pending)";
    case Gap::no_reason: return "理由なし (no reason)";
  }
  return "";
}

std::optional<Gap> actual_gap(const FieldValue& actual) {
  if (actual.empty()) return Gap::no_actual;
  if (actual.kind == FieldValue::Kind::pending) return Gap::pending;
  return std::nullopt;
}

// Open gaps of one row: its actual, and for a row graded short of the track its reason.
std::vector<OpenRow> gaps(const evaluate::PlanEvaluation& evaluation, const Row& row, std::size_t index, int year,
                          const std::vector<std::string>& needing_reason) {
  std::vector<OpenRow> out;
  if (row.id.kind != RowKind::indicator && row.id.kind != RowKind::project) return out;
  if (auto gap = actual_gap(current_value(row, Field::actual, year))) out.push_back({index, *gap, {}});
  if (row.indicator) {
    const auto* evaluated = evaluation.find(*row.indicator);
    const evaluate::Result& result = evaluated->result;
    const bool short_of_track = std::find(needing_reason.begin(), needing_reason.end(), result.grade) != needing_reason.end();
    if (!result.grade.empty() && short_of_track && current_value(row, Field::reason_ja, year).empty())
      out.push_back({index, Gap::no_reason, result.grade});
  }
  return out;
}

std::string division_name(const model::Plan& plan, const std::string& id) {
  if (id.empty()) return "所管課の定めのない行 (no division)";
  const auto* division = plan.find_division(id);
  return division ? division->name.ja : id;
}

}  // namespace

const char* code(Gap gap) {
  switch (gap) {
    case Gap::no_actual: return "no_actual";
    case Gap::pending: return "pending";
    case Gap::no_reason: return "no_reason";
  }
  return "";
}

YearStatus year_status(const model::Plan& plan, int year) {
  YearStatus status;
  status.year = year;
  status.rows = plan_rows(plan, year);
  const auto needing_reason = labels_needing_reason(plan);
  const auto evaluation = evaluate::evaluate_plan(plan, year);
  std::vector<std::string> owners;
  for (const auto& division : plan.divisions) owners.push_back(division.id);
  owners.emplace_back();
  std::set<std::pair<std::size_t, Gap>> counted;
  for (const auto& owner : owners) {
    DivisionStatus division{owner, division_name(plan, owner), 0, {}};
    for (std::size_t i = 0; i < status.rows.size(); ++i) {
      const Row& row = status.rows[i];
      if (!row.owned_by(owner) || (row.id.kind != RowKind::indicator && row.id.kind != RowKind::project)) continue;
      ++division.rows;
      for (const auto& open : gaps(evaluation, row, i, year, needing_reason)) {
        division.open.push_back(open);
        if (!counted.insert({i, open.gap}).second) continue;
        (open.gap == Gap::no_actual ? status.no_actual : open.gap == Gap::pending ? status.pending : status.no_reason) += 1;
      }
    }
    if (division.rows > 0) status.divisions.push_back(std::move(division));
  }
  return status;
}

std::string status_text(const YearStatus& status, const model::Plan& plan) {
  std::string out = "hyoka status " + plan.id + " " + present::fiscal_year(status.year, model::Lang::ja) + "\n";
  std::size_t waiting = 0;
  for (const auto& division : status.divisions) {
    if (division.open.empty()) continue;
    ++waiting;
    out += "\n" + division.name + (division.division.empty() ? "" : " (" + division.division + ")") + ": " +
           std::to_string(division.open.size()) + " open of " + std::to_string(division.rows) + " rows\n";
    for (const auto& open : division.open)
      out += "  " + describe(status.rows[open.row]) + "  " + gap_words(open.gap) + (open.grade.empty() ? "" : " [" + open.grade + "]") + "\n";
  }
  out += "\n" + std::to_string(status.divisions.size() - waiting) + " of " + std::to_string(status.divisions.size()) +
         " divisions done; rows without an actual: " + std::to_string(status.no_actual) + ", 集計中 (pending): " +
         std::to_string(status.pending) + ", without a required reason: " + std::to_string(status.no_reason) + "\n";
  out += status.complete() ? "complete: yes\n" : "complete: no\n";
  return out;
}

std::string status_csv(const YearStatus& status) {
  std::vector<present::csv::Row> rows;
  for (const auto& division : status.divisions)
    for (const auto& open : division.open) {
      const Row& row = status.rows[open.row];
      rows.push_back({division.division, division.name, row.policy->id, row.id.text(), describe(row), code(open.gap), open.grade});
    }
  return present::csv::document({"division", "division_name", "policy", "row_id", "row", "gap", "grade"}, rows);
}

}  // namespace hyoka::exchange
