#pragma once
// One policy's evaluation sheet laid out by a layout file: header band, the
// tables and texts the layout lists, running heads on continuation pages.
// Footers are added later, once the document's page count is known.
#include <vector>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"
#include "pdf/display.hpp"
#include "pdf/font.hpp"
#include "pdf/layout_spec.hpp"

namespace hyoka::pdf {

struct SheetContext {
  const model::Plan& plan;
  const evaluate::PlanEvaluation& evaluation;
  model::Lang lang;
  const LayoutSpec& layout;
  const FontFace& font;
};

// Space kept at the bottom of every page for the footer, in points.
inline constexpr double footer_height = 16;

std::vector<Page> compose_sheet(const SheetContext& context, const model::Policy& policy);

// "1-1-1　name" / "1-1-1 name".
std::string policy_title(const model::Policy& policy, model::Lang lang);
std::string area_title(const model::Area& area, model::Lang lang);

}  // namespace hyoka::pdf
