#pragma once
// The report filters templates use besides Jinja2's own, registered on the
// site's template Environment (and on `hyoka render`'s): number, percent,
// era_year, fy, fiscal_year, grade_class and t. Figures go through
// hyoka_present, so a filter writes a figure the way the pages do.
#include "template/environment.hpp"

namespace hyoka::site {

void add_template_filters(tmpl::Environment& environment);

}  // namespace hyoka::site
