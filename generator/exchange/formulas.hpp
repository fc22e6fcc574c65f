#pragma once
// The live rate and grade of an indicator row in a workbook: spreadsheet
// formulas that follow the row's rule, so staff see the grade while they
// type. They are a preview; the published figures are hyoka's exact ones
// (Excel rounds binary fractions, and has no half-even ROUND).
#include <optional>
#include <string>

#include "model/plan.hpp"

namespace hyoka::exchange {

struct RowCells {  // addresses in the row: "K5"
  std::string actual, target, baseline, rate;
};

struct LiveFormulas {
  std::string rate, grade;  // without the leading '='
};

// nullopt when the row is not graded or its rule needs texts (steps) or a
// target that is not a number.
std::optional<LiveFormulas> live_formulas(const model::Plan& plan, const model::Indicator& indicator, int year,
                                          const RowCells& cells);

// The grades that need a reason (達成状況評価の理由): the graded labels not on track (C, D).
std::vector<std::string> labels_needing_reason(const model::Plan& plan);

}  // namespace hyoka::exchange
