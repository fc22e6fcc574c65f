#include "model/checks.hpp"

#include <algorithm>

#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "model/json_file.hpp"

namespace hyoka::model {
namespace {

// Reports against a file and pointer, with line:column when the file can be re-read.
class Reporter {
 public:
  explicit Reporter(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}
  void error(const std::filesystem::path& file, const std::string& pointer, const std::string& message, const std::string& fix) {
    diagnostics_.error(file, locate(file, pointer), pointer + ": " + message, fix);
  }
  void warning(const std::filesystem::path& file, const std::string& pointer, const std::string& message, const std::string& fix) {
    diagnostics_.warning(file, locate(file, pointer), pointer + ": " + message, fix);
  }

 private:
  static std::string locate(const std::filesystem::path& file, const std::string& pointer) {
    Diagnostics ignored;
    auto json = JsonFile::read(file, ignored);
    return json ? json->locate(pointer) : pointer;
  }
  Diagnostics& diagnostics_;
};

template <typename T>
std::set<std::string> ids_of(const std::vector<T>& items) {
  std::set<std::string> ids;
  for (const auto& item : items) ids.insert(item.id);
  return ids;
}

template <typename T>
void check_unique(const std::vector<T>& items, const std::filesystem::path& file, const std::string& array,
                  const std::string& what, Reporter& report) {
  UniqueIds seen;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!items[i].id.empty())
      if (auto duplicate = seen.add(items[i].id))
        report.error(file, array + "/" + std::to_string(i) + "/id", "duplicate " + what + " id " + *duplicate,
                     "give each " + what + " its own id");
}

void check_rule(const Plan& plan, const std::string& rule, const std::filesystem::path& file, const std::string& pointer,
                Reporter& report) {
  if (!rule.empty() && !plan.evaluation.rules.count(rule))
    report.error(file, pointer, "unknown rule \"" + rule + "\"",
                 "define it under evaluation.rules in plan.json or use a built-in: ratio, inverse_ratio, progress, at_least, "
                 "at_most, maintain, steps");
}

void check_divisions(const Plan& plan, const std::vector<std::string>& divisions, const std::filesystem::path& file,
                     const std::string& pointer, Reporter& report) {
  for (std::size_t i = 0; i < divisions.size(); ++i)
    if (!plan.find_division(divisions[i]))
      report.error(file, pointer + "/" + std::to_string(i), "unknown division \"" + divisions[i] + "\"",
                   "add it to divisions.json or correct the id");
}

void check_footnotes(const Plan& plan, const Policy& policy, const std::vector<Footnote>& notes, const std::string& pointer,
                     Reporter& report) {
  for (std::size_t i = 0; i < notes.size(); ++i)
    if (!plan.find_term(notes[i].term))
      report.error(policy.file, pointer + "/footnotes/" + std::to_string(i) + "/term", "unknown glossary term \"" + notes[i].term + "\"",
                   "add it to glossary.json or correct the id");
}

// A row (①, ②…) printed under another project of the same policy: one level deep.
void check_part_of(const Policy& policy, const Project& project, const std::string& pointer, Reporter& report) {
  auto owner = std::find_if(policy.projects.begin(), policy.projects.end(), [&](const Project& p) { return p.id == project.part_of; });
  if (owner == policy.projects.end())
    report.error(policy.file, pointer + "/part_of", "unknown project \"" + project.part_of + "\"",
                 "use the id of a project listed in this policy's \"projects\"");
  else if (&*owner == &project || !owner->part_of.empty())
    report.error(policy.file, pointer + "/part_of",
                 "a project's rows are one level deep: \"" + project.part_of + "\" is itself a row or this project",
                 "point \"part_of\" at the project the row is printed under");
}

void check_project(const Plan& plan, const Policy& policy, const Project& project, const std::string& pointer, Reporter& report) {
  check_footnotes(plan, policy, project.footnotes, pointer, report);
  check_divisions(plan, project.divisions, policy.file, pointer + "/divisions", report);
  check_rule(plan, project.rule, policy.file, pointer + "/rule", report);
  if (project.cross_listed && !project.cross_listed->project.empty()) {
    const auto& target = project.cross_listed->project;
    auto [owner, owned] = plan.find_project(target);
    if (!owned)
      report.error(policy.file, pointer + "/cross_listed", "cross-listed (再掲) project \"" + target + "\" does not exist",
                   "use the id of the project that owns it, or {\"external\": {\"ja\": \"施策2-5\"}} for one outside this plan");
    else if (owned == &project)
      report.error(policy.file, pointer + "/cross_listed", "a project cannot be cross-listed from itself", "remove \"cross_listed\"");
  }
  if (project.cost_total) {
    Decimal sum;
    for (const auto& [year, values] : project.years)
      if (values.cost.is_number()) sum = sum + values.cost.number;
    if (!(sum == *project.cost_total))
      report.warning(policy.file, pointer + "/cost_total",
                     "the printed total " + project.cost_total->to_string() + " differs from the sum of the yearly costs " + sum.to_string(),
                     "check the yearly costs against the printed plan");
  }
}

void check_policy(const Plan& plan, const Policy& policy, Reporter& report) {
  if (!plan.find_area(policy.area))
    report.error(policy.file, "/area", "unknown area \"" + policy.area + "\"", "use the id of an area listed in plan.json");
  check_divisions(plan, policy.divisions, policy.file, "/divisions", report);
  check_unique(policy.indicators, policy.file, "/indicators", "indicator", report);
  auto projects = ids_of(policy.projects);
  for (std::size_t i = 0; i < policy.indicators.size(); ++i) {
    const auto& indicator = policy.indicators[i];
    std::string pointer = "/indicators/" + std::to_string(i);
    check_rule(plan, indicator.rule, policy.file, pointer + "/rule", report);
    if (!indicator.project.empty() && !projects.count(indicator.project))
      report.error(policy.file, pointer + "/project", "unknown project \"" + indicator.project + "\"",
                   "use the id of a project listed in this policy's \"projects\"");
    check_divisions(plan, indicator.divisions, policy.file, pointer + "/divisions", report);
  }
  for (std::size_t i = 0; i < policy.projects.size(); ++i) {
    const auto& project = policy.projects[i];
    const std::string pointer = "/projects/" + std::to_string(i);
    check_project(plan, policy, project, pointer, report);
    if (!project.part_of.empty()) check_part_of(policy, project, pointer, report);
  }
  check_footnotes(plan, policy, policy.footnotes, "", report);
}

void check_project_ids(const Plan& plan, Reporter& report) {
  UniqueIds seen;
  for (const auto& policy : plan.policies)
    for (std::size_t i = 0; i < policy.projects.size(); ++i)
      if (!policy.projects[i].id.empty())
        if (auto duplicate = seen.add(policy.projects[i].id))
          report.error(policy.file, "/projects/" + std::to_string(i) + "/id", "duplicate project id " + *duplicate,
                       "project ids must be unique in the whole plan; prefix them with the policy number");
}

}  // namespace

std::optional<std::string> UniqueIds::add(const std::string& id) {
  std::string folded = id;
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto [it, inserted] = seen_.emplace(folded, id);
  if (inserted) return std::nullopt;
  if (it->second == id) return "\"" + id + "\"";
  return "\"" + id + "\" (the same as \"" + it->second +
         "\" apart from upper/lower case: their files would collide on Windows and macOS)";
}

void check_references(const Plan& plan, Diagnostics& diagnostics) {
  Reporter report(diagnostics);
  auto plan_file = plan.root / "plan.json";
  check_unique(plan.areas, plan_file, "/areas", "area", report);
  check_unique(plan.divisions, plan.root / "divisions.json", "/divisions", "division", report);
  check_unique(plan.glossary, plan.root / "glossary.json", "/terms", "term", report);
  if (!plan.evaluation.rules.count(plan.evaluation.default_rule))
    report.error(plan_file, "/evaluation/default_rule", "unknown rule \"" + plan.evaluation.default_rule + "\"",
                 "name a rule defined under evaluation.rules or a built-in one");
  if (plan.policies.empty() && !diagnostics.has_errors())  // else the policies failed to load, each with its reason
    diagnostics.error(plan.root / "policies", "", "the plan has no policies", "add policies/<id>.json files");
  UniqueIds policy_ids;
  for (const auto& policy : plan.policies) {
    if (!policy.id.empty())
      if (auto duplicate = policy_ids.add(policy.id))
        report.error(policy.file, "/id", "duplicate policy id " + *duplicate, "give each policy its own id");
    check_policy(plan, policy, report);
  }
  check_project_ids(plan, report);
}

namespace {

// Walks every bilingual text of a plan with a description of where it is.
void each_text(const Plan& plan, const std::function<void(const Text&, const std::string&)>& visit) {
  auto optional = [&](const std::optional<Text>& text, const std::string& where) {
    if (text) visit(*text, where);
  };
  auto value = [&](const Value& v, const std::string& where) {
    if (v.kind == Value::Kind::text) visit(v.text, where);
    optional(v.note, where + " note");
  };
  visit(plan.city, "plan.json city");
  visit(plan.name, "plan.json name");
  for (const auto& area : plan.areas) visit(area.name, "area " + area.id);
  for (const auto& division : plan.divisions) visit(division.name, "division " + division.id);
  for (const auto& term : plan.glossary) {
    visit(term.term, "term " + term.id);
    visit(term.definition, "term " + term.id + " definition");
  }
  for (const auto& policy : plan.policies) {
    std::string where = "policy " + policy.id;
    visit(policy.name, where + " name");
    optional(policy.target_state, where + " target_state");
    for (const auto& indicator : policy.indicators) {
      std::string at = where + " indicator " + indicator.id;
      visit(indicator.name, at + " name");
      optional(indicator.description, at + " description");
      for (const auto& [year, values] : indicator.years) {
        value(values.actual, at + " " + std::to_string(year) + " actual");
        value(values.target, at + " " + std::to_string(year) + " target");
        optional(values.reason, at + " " + std::to_string(year) + " reason");
      }
    }
    for (const auto& project : policy.projects) {
      std::string at = where + " project " + project.id;
      visit(project.name, at + " name");
      optional(project.description, at + " description");
      for (const auto& [year, values] : project.years) value(values.plan, at + " " + std::to_string(year) + " plan");
    }
  }
}

}  // namespace

void check_translations(const Plan& plan, Diagnostics& diagnostics) {
  std::vector<std::string> missing;
  each_text(plan, [&](const Text& text, const std::string& where) {
    if (!text.en) missing.push_back(where);
  });
  for (const auto& policy : plan.policies)
    if (policy.commentary.ja && !policy.commentary.en) missing.push_back("policy " + policy.id + " commentary (" + policy.id + ".en.md)");
  if (missing.empty()) return;
  std::string list;
  for (const auto& where : missing) list += "\n    " + where;
  diagnostics.warning(plan.root, "", std::to_string(missing.size()) + " texts have no English translation:" + list,
                      "add \"en\" to each (the site shows the Japanese, marked as not yet translated)");
}

}  // namespace hyoka::model
