#pragma once
// Model + evaluation → template context, for one plan in one language.
// The shape of every object is documented in generator/site/README.md;
// templates rely on it, so change both together.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"
#include "site/format.hpp"
#include "site/i18n.hpp"

namespace hyoka::site {

struct PlanEditions;

struct ContextOptions {
  bool pdf = true;  // link the PDF sheets and booklet
  const PlanEditions* editions = nullptr;  // the plan's yearly editions (plan.edition); none: null
};

class PlanContext {
 public:
  PlanContext(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, Lang lang,
              const Catalogues& i18n, ContextOptions options);

  const model::Plan& plan() const { return plan_; }
  Lang lang() const { return text_.lang(); }

  const json& plan_summary();  // the plan, its areas and policy summaries (every page of the plan gets it)
  json area(const model::Area& area);
  json policy(const model::Policy& policy);  // the web evaluation sheet
  json indicator(const model::Policy& policy, const model::Indicator& indicator);
  json project(const model::Policy& policy, const model::Project& project);
  json glossary();
  json how_to_read();
  json search_items();
  // One plan's part of the site-wide search index, read by assets/site.js:
  // {plan, city, name, folder, policies: [[number, name, area and divisions]],
  //  items: [[type, number, name, policy index, path in the folder, grade in words, own divisions]]}.
  json search_shard();
  json all_divisions();
  json about();    // the dashboard's "About this data": source, its address, transcription notes
  json council();  // every indicator graded below target, by area and policy, with its reason
  json counts(const evaluate::GradeCounts& counts, const std::string& chart_id, const std::string& title,
              bool link_lists = false);

  std::string ui(std::string_view key, UiArgs args = {}) const { return i18n_.get(lang(), key, args); }
  // A printed number (１, 7-①) as the page's language writes it: English pages in ASCII (1).
  std::string number(const std::string& printed) const;
  int fallback_count() const { return text_.fallback_count(); }

 private:
  const json& policy_summary(const model::Policy& policy);
  json make_plan_summary();
  json make_policy_summary(const model::Policy& policy);
  json indicator_row(const evaluate::IndicatorResult& row);  // of the evaluated year
  const evaluate::IndicatorResult& evaluated(const model::Indicator& indicator) const;
  const json& evaluated_row(const model::Indicator& indicator);
  json result(const evaluate::Result& result, const std::string& rule);
  json year_row(const evaluate::IndicatorResult& row, int year);
  json project_summary(const model::Project& project);
  json project_year(const model::Project& project, int year, const model::ProjectYear& values);
  json cross_listing(const model::Project& project);
  json year_value(const model::DatedValue& dated, const std::string& unit);  // {"year", "value"}: a project's status or goal
  json divisions(const std::vector<std::string>& ids);
  // The policy's ※ notes and its projects'; with page_text, only those whose
  // mark it contains, from the policy and the project `project_id` (an
  // indicator or project page shows the notes its own texts refer to).
  json footnotes(const model::Policy& policy, const std::string& page_text = {}, const std::string& project_id = {});
  // The notes whose marks appear in the page's texts (an indicator's, a project's page).
  json footnotes_on(const model::Policy& policy, const json& page, const std::string& project_id);
  json chart_for(const model::Indicator& indicator);
  json grade_example();
  // Since last year (context_change.cpp): one row's change, a policy's tally.
  json change(const std::optional<evaluate::Change>& change);
  json changes(const model::Policy& policy);
  json scale();
  std::string grade_class(const std::string& label) const;
  std::string meaning(const std::string& label) const;  // 目標達成 / Target met, or ""
  json grade(const std::string& label) const;  // {label, class, meaning, on_track}
  bool on_track(const std::string& label) const;

  const model::Plan& plan_;
  const evaluate::PlanEvaluation& evaluation_;
  const Catalogues& i18n_;
  ContextOptions options_;
  Localizer text_;
  // Made once, used by many pages: every page of the plan shows the summary,
  // every indicator and project page its policy's.
  std::optional<json> plan_summary_;
  std::unordered_map<const model::Policy*, json> policy_summaries_;
  std::unordered_map<const model::Indicator*, json> rows_;  // the policy page's rows, again on each indicator page
};

}  // namespace hyoka::site
