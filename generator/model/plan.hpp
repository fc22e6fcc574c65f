#pragma once
// The plan as loaded from content/<plan>/: plain value types, no behaviour
// beyond small accessors. Loading and validation live in loader.hpp.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/decimal.hpp"

namespace hyoka::model {

enum class Lang { ja, en };
inline constexpr Lang all_langs[] = {Lang::ja, Lang::en};
const char* code(Lang lang);  // "ja" / "en"

// A bilingual text; `en` may be missing (then the Japanese is shown, marked).
struct Text {
  std::string ja;
  std::optional<std::string> en;

  const std::string& in(Lang lang) const { return lang == Lang::en && en ? *en : ja; }
  bool translated(Lang lang) const { return lang == Lang::ja || en.has_value(); }
};

enum class Bound { none, at_least, at_most };

// A figure as printed: a number (maybe 以上/以下), a text such as 開設, 集計中, ―, or nothing.
struct Value {
  enum class Kind { absent, number, text, pending, none };
  Kind kind = Kind::absent;
  Decimal number;
  Bound bound = Bound::none;
  Text text;
  std::optional<Text> note;

  bool is_number() const { return kind == Kind::number; }
  bool present() const { return kind != Kind::absent; }
};

enum class IndicatorKind { outcome, activity };
const char* code(IndicatorKind kind);  // "outcome" / "activity"

struct IndicatorYear {
  Value target;          // 目標 / 当初計画
  Value revised_target;  // 修正計画
  Value actual;          // 実績
  std::optional<Text> reason;  // 達成状況評価の理由
  std::optional<Text> note;

  // The target the year is judged against: the revised one when there is one.
  const Value& effective_target() const { return revised_target.present() ? revised_target : target; }
};

struct Baseline {
  Value value;
  std::optional<int> year;
  std::optional<Text> label;
};

struct Indicator {
  std::string id;  // unique within its policy
  IndicatorKind kind = IndicatorKind::outcome;
  std::string number;
  Text name;
  std::optional<Text> description, source, reference, note;
  std::optional<Text> transcription_note;  // how it was transcribed: for staff, never on a sheet
  std::string project;  // id of the policy's project (取組み) it belongs to, or empty
  std::vector<std::string> divisions;  // its own responsible divisions; empty: its project's
  std::string unit;
  std::string rule;  // empty: the plan's default rule
  std::optional<Baseline> baseline;
  std::map<int, IndicatorYear> years;
};

struct ProjectYear {
  Value plan, actual, cost;
  std::optional<Text> note;
};

struct DatedValue {
  std::optional<int> year;
  Value value;
};

struct BudgetItem {
  Text name;
  Decimal amount;
};

struct Budget {
  std::optional<int> year;
  Decimal amount;
  Text unit;
  std::vector<BudgetItem> items;
};

struct CrossListing {
  std::string project;           // id of the owning project in this plan, or empty
  std::optional<Text> external;  // the reference as printed (施策2-5), when it is not derived from the owner
};

struct Commentary {
  std::optional<std::string> ja, en;  // Markdown source
};

struct Footnote {
  std::string mark;
  std::string term;
};

struct Project {
  std::string id;  // unique within the plan
  std::string number;
  Text name;
  std::optional<Text> description, note;
  std::optional<Text> transcription_note;  // how it was transcribed: for staff, never on a sheet
  bool priority = false;
  std::optional<CrossListing> cross_listed;
  std::string part_of;  // a row (①, ②…) of this policy's project with that id, which it is printed under; else empty
  std::vector<std::string> divisions;
  std::string rule;  // for yearly steps; empty: "steps"
  std::string unit;
  std::optional<DatedValue> status, goal;
  std::map<int, ProjectYear> years;
  std::optional<Decimal> cost_total;
  Value plan_total;  // the yearly plan's total column as printed (計: 開設, 3か年計: 950件)
  std::optional<Budget> budget;
  std::vector<Footnote> footnotes;  // ※ marks in this project's own texts (a policy's ※1 may differ per project)
  Commentary commentary;
};

struct Policy {
  std::string id;
  std::string area;
  int order = 0;
  std::string number;
  Text name;
  std::optional<Text> group, target_state;
  std::string page_ref;
  std::optional<Text> transcription_note;  // how it was transcribed: for staff, never on a sheet
  std::vector<std::string> divisions;
  std::vector<Indicator> indicators;
  std::vector<Project> projects;
  std::vector<Footnote> footnotes;
  Commentary commentary;
  std::filesystem::path file;  // where it was loaded from, for messages
};

struct Area {
  std::string id;
  std::string number;
  Text name;
  std::optional<Text> vision;
};

struct Division {
  std::string id;
  Text name;
  std::optional<Text> department;
  std::string phone;
};

struct Term {
  std::string id;
  Text term;
  std::string reading;
  Text definition;
};

enum class RoundingMode { half_up, half_even, down, up };

struct Rounding {
  int decimals = 1;
  RoundingMode mode = RoundingMode::half_up;
  bool grade_on_rounded = true;
};

struct Grade {
  std::string label;
  std::optional<Decimal> min;    // rate >= min
  std::optional<Decimal> above;  // rate > above
  std::optional<Text> description;  // the condition as the official sheet prints it (its legend)
  std::optional<Text> meaning = {};  // the grade in words (目標達成 / Target met); defaults for an A–D scale
};

enum class Method { ratio, inverse_ratio, progress, at_least, at_most, maintain, steps };
const char* code(Method method);

struct Rule {
  Method method = Method::ratio;
  std::optional<Rounding> rounding;       // default: the plan's
  std::optional<std::vector<Grade>> scale;  // default: the plan's
  std::string met, not_met;              // labels for yes/no rules; empty: defaults
  std::vector<std::string> order;        // steps, in the order they are reached
  std::optional<Decimal> met_rate, not_met_rate;  // rate a yes/no rule shows (Setagaya prints 100.0 for met)
  std::optional<Text> description;
};

struct Evaluation {
  std::string default_rule = "ratio";
  std::map<std::string, Rule> rules;  // named rules (built-ins added at load)
  Rounding rounding;
  std::vector<Grade> scale;  // best first
  std::vector<IndicatorKind> graded_kinds{IndicatorKind::outcome};
  std::vector<std::string> on_track;  // labels counted as on track
  std::optional<Text> legend;
};

// The licence the plan's data is published under (CC BY 4.0, 公共データ利用規約 PDL1.0).
struct Licence {
  Text name;
  std::string url;  // empty: not linked
};

struct Plan {
  std::string id;
  Text city, name;
  std::optional<Text> publisher;       // who publishes the report (the footer); a site default may come later
  std::optional<Licence> licence;      // the data licence (the footer, the downloads page)
  std::optional<Text> description, source, currency_unit;
  std::string source_url;                  // the source document's address, or empty
  std::optional<Text> transcription_note;  // how the plan was transcribed (About this data), never on a sheet
  int period_start = 0, period_end = 0;
  int evaluation_year = 0;
  std::string report_date;  // YYYY-MM-DD or empty: the report's date, shown as last updated
  std::string layout = "setagaya";
  std::map<std::string, std::string> units;  // ja unit -> English (present::unit_name reads it)
  // Commentary Markdown may carry raw HTML and any link scheme. Unsafe: only
  // for plans whose every author is trusted (README, "Hostile content").
  bool allow_raw_html = false;
  Evaluation evaluation;
  std::vector<Area> areas;
  std::vector<Division> divisions;
  std::vector<Term> glossary;
  std::vector<Policy> policies;  // sorted by (order, id)
  std::filesystem::path root;

  const Area* find_area(const std::string& id) const;
  const Policy* find_policy(const std::string& id) const;
  const Division* find_division(const std::string& id) const;
  const Term* find_term(const std::string& id) const;
  // The project with this id and the policy that owns it; {nullptr, nullptr} if none.
  std::pair<const Policy*, const Project*> find_project(const std::string& id) const;
  // Whether any indicator or project step has an actual for `year`: a year
  // with results, as opposed to one that shows only its targets.
  bool has_actuals(int year) const;
  // The years of the period before `year` that have actuals, oldest first:
  // the earlier editions of the site and the prior-year columns of a workbook.
  std::vector<int> years_with_actuals_before(int year) const;
};

}  // namespace hyoka::model
