#pragma once
// What each field of a layout prints for one sheet: texts in the sheet's
// language (English in the English edition's punctuation), figures through
// present, divisions, cross-references, and footnote marks renumbered so that
// no two footnotes of a sheet share a mark.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "markdown/markdown.hpp"
#include "pdf/sheet.hpp"

namespace hyoka::pdf {

class FieldText {
 public:
  FieldText(const SheetContext& context, const model::Policy& policy);

  model::Lang lang() const { return ctx_.lang; }
  int year() const { return year_; }
  const SheetContext& context() const { return ctx_; }
  const model::Policy& policy() const { return policy_; }

  // A content text in the sheet's language; `project` says whose footnote marks it uses.
  std::string t(const model::Text& text, const model::Project* project = nullptr) const;
  std::string t(const std::optional<model::Text>& text, const model::Project* project = nullptr) const;
  // A layout label: {fy} (令和6年度 / FY2024), {nendo} (6年度) and {year} (2024) for
  // `year`; {fy_before}, {nendo_before} for the year before the plan's period
  // (the status column), {fy_end} for its last year (the goal column).
  std::string label(const model::Text& text, int year = 0) const;
  std::string label(const std::string& key) const { return label(ctx_.layout.label(key)); }

  std::string policy_field(Field field) const;
  // `unit`: figures with their unit (false where the unit has a column of its own).
  std::string indicator_field(Field field, const model::Indicator& indicator, int year, bool unit = true) const;
  // `total`: the total column (計) of a sub-row value instead of the year's.
  std::string project_field(Field field, const model::Project& project, int year, bool total = false) const;
  std::string item_field(Field field, const model::Budget& budget, const model::BudgetItem& item) const;
  // The figure a field prints, for the fields that print one (target, actual, plan, status …); else nullptr.
  const model::Value* indicator_value(Field field, const model::Indicator& indicator, int year) const;
  const model::Value* project_value(Field field, const model::Project& project, int year, bool total = false) const;
  // A band's responsible divisions: its project's, or per kind (（行動量）… （成果指標）…) or per row
  // where its indicators name different ones.
  std::string band_divisions(const model::Project* project, const std::vector<const model::Indicator*>& rows) const;
  // Fields printed one a line, empty ones left out.
  template <typename Read>
  std::string lines(const std::vector<Field>& fields, Read read) const {
    std::string out;
    for (Field f : fields) {
      std::string v = read(f);
      if (!v.empty()) out += (out.empty() ? "" : "\n") + v;
    }
    return out;
  }

  // Commentary Markdown in the sheet's language as text blocks (a section only when section >= 0).
  std::vector<markdown::TextBlock> commentary(const model::Commentary& commentary, int section,
                                              const model::Project* project = nullptr) const;
  std::string commentary_text(const model::Commentary& commentary, const model::Project* project = nullptr) const;

  // The sheet's footnotes as printed: mark (unique on the sheet), term and definition.
  std::vector<std::pair<std::string, std::string>> footnotes() const;

  const evaluate::IndicatorResult* result(const model::Indicator& indicator) const { return ctx_.evaluation.find(indicator); }
  bool selected(const model::Indicator& indicator) const;
  std::string division_names(const std::vector<std::string>& ids, const std::string& separator) const;

 private:
  const SheetContext& ctx_;
  const model::Policy& policy_;
  int year_ = 0;
  // (project id, mark number as written) → the number printed on this sheet
  std::map<std::pair<std::string, int>, int> renumbered_;

  std::string figure(const model::Value& value, const std::string& unit, const model::Project* project = nullptr) const;
  std::string baseline(const model::Indicator& indicator, const std::string& unit) const;
  std::string cross_listed(const model::Project& project) const;
  std::string contacts(const std::vector<std::string>& ids) const;
  const std::vector<std::string>& divisions_of(const model::Indicator& indicator) const;
  std::string with_marks(std::string text, const model::Project* project) const;
};

}  // namespace hyoka::pdf
