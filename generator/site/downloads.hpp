#pragma once
// Open-data downloads of one plan in one language: indicators and projects
// as CSV (one table per file, Western years in the column names) and the
// same data as JSON.
#include <string>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"
#include "site/i18n.hpp"

namespace hyoka::site {

std::string indicators_csv(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, model::Lang lang,
                           const Catalogues& i18n);
std::string projects_csv(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, model::Lang lang,
                         const Catalogues& i18n);
std::string data_json(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, model::Lang lang);

}  // namespace hyoka::site
