#pragma once
// One policy's evaluation sheet laid out by a layout file: the header band
// (repeated on continuation pages), then the blocks the layout lists.
// Footers are added later, once the document's page count is known.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"
#include "pdf/display.hpp"
#include "pdf/flow.hpp"
#include "pdf/layout_spec.hpp"

namespace hyoka::pdf {

struct SheetContext {
  const model::Plan& plan;
  const evaluate::PlanEvaluation& evaluation;
  model::Lang lang;
  const LayoutSpec& layout;
  const Typesetter& type;
  double footer_height = 16;                   // kept free at the bottom of every page
  const std::set<std::string>* selected = nullptr;  // ids of indicators a packet selected: marked on the sheet
};

struct Sheet {
  std::vector<Page> pages;
  std::map<std::string, Anchor> anchors;  // anchor_of(indicator) → where its row starts
  double font_size = 0;                   // the body size it was set in
};

// The sheet, in the layout's body size, or smaller down to its min_font_size
// when that keeps it on one page; a sheet that needs more pages ends on a
// page that is not nearly empty where moving rows forward can do that.
Sheet compose_sheet(const SheetContext& context, const model::Policy& policy);

// The name of an indicator row's anchor in a sheet's anchors.
std::string anchor_of(const model::Indicator& indicator);

// "1-1-1　name" / "1-1-1 name".
std::string policy_title(const model::Policy& policy, model::Lang lang);
std::string area_title(const model::Area& area, model::Lang lang);

}  // namespace hyoka::pdf
