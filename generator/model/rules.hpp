#pragma once
// Reading the plan's evaluation rules, and the defaults a plan gets without
// stating any (the Setagaya sheet's rule).
#include "model/plan.hpp"
#include "model/reader.hpp"

namespace hyoka::model {

// The Setagaya scale: A ≥ 100, B ≥ 80, C > 0, D.
std::vector<Grade> default_scale();
// Words for a scale labelled A, B, C, D: 目標達成 / Target met, 概ね達成 / Nearly
// met, 未達成 / Not met, 進捗なし / No progress; entries with their own meaning keep it.
void add_default_meanings(std::vector<Grade>& scale);
void read_evaluation(ObjectReader& reader, Evaluation& evaluation);
// Adds ratio, inverse_ratio, progress, at_least, at_most, maintain and steps
// under their own names unless the plan defines rules of those names.
void add_builtin_rules(Evaluation& evaluation);

}  // namespace hyoka::model
