#pragma once
// Grades in words: the condition each grade of a scale stands for, as a
// range, so a legend and a how-to-read table can never contradict the scale.
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace hyoka::present {

using model::Lang;

// scale[index]'s range of rates, from its own bound up to the bound of the
// grade above it (scales run best first): 100％以上 / 100% or more,
// 80％以上100％未満 / 80% or more and under 100%, 0％以下 / 0% or less.
std::string grade_condition(const std::vector<model::Grade>& scale, std::size_t index, Lang lang);
// The grade in words (目標達成 / Target met): the entry's meaning in the plan's
// scale, else in a rule's own scale; "" when no scale gives it words.
std::string grade_meaning(const model::Evaluation& evaluation, const std::string& label, Lang lang);
// The label, or the dash when a row has no grade.
std::string grade_or_dash(const std::string& label, Lang lang);

}  // namespace hyoka::present
