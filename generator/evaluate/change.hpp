#pragma once
// How an indicator moved since the year before: improved, worse or the same,
// judged the way its rule counts better (lower is better for inverse_ratio,
// at_most and 以下 targets; a later step is better for steps). Shown on the
// policy pages and dashboards once a plan has two years of actuals.
// evaluate_plan decides it once per row (IndicatorResult::change); pages and
// sheets read it there rather than calling change_since_last_year again.
#include <optional>

#include "model/plan.hpp"

namespace hyoka::evaluate {

enum class Change { improved, worse, same };
const char* code(Change change);  // "improved" / "worse" / "same"

// nullopt when either year has no comparable actual (a number, or a step of the rule's order).
std::optional<Change> change_since_last_year(const model::Plan& plan, const model::Indicator& indicator, int year);

}  // namespace hyoka::evaluate
