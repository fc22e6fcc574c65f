#include "model/loader.hpp"

#include <algorithm>
#include <set>

#include "model/json_file.hpp"
#include "model/reader.hpp"
#include "model/checks.hpp"
#include "model/rules.hpp"

namespace fs = std::filesystem;

namespace hyoka::model {
namespace {

// An optional Markdown file: nullopt when it does not exist.
std::optional<std::string> read_text_file(const fs::path& file, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return std::nullopt;
  return read_content_text(file, diagnostics);
}

// YYYY-MM-DD naming a real day.
bool valid_date(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  int year = std::stoi(date.substr(0, 4)), month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month != 2 || day <= 28 || leap;
}

Commentary read_commentary(const fs::path& dir, const std::string& stem, Diagnostics& diagnostics) {
  Commentary commentary;
  commentary.ja = read_text_file(dir / (stem + ".ja.md"), diagnostics);
  commentary.en = read_text_file(dir / (stem + ".en.md"), diagnostics);
  return commentary;
}

void read_area(ObjectReader& r, Plan& plan) {
  Area area;
  area.id = r.id("id");
  area.number = r.string("number");
  area.name = r.text("name", true).value_or(Text{});
  area.vision = r.text("vision");
  plan.areas.push_back(std::move(area));
}

bool web_address(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

Licence read_licence(ObjectReader& r) {
  Licence licence{r.text("name", true).value_or(Text{}), r.string("url")};
  if (!licence.url.empty() && !web_address(licence.url))
    r.error(r.pointer_to("url"), as_quoted(licence.url) + " is not a web address", "write the address starting with https://");
  return licence;
}

void read_plan_file(const JsonFile& file, Plan& plan, Diagnostics& diagnostics) {
  ObjectReader r(file, file.document(), "", diagnostics);
  if (!r.ok()) return;
  plan.id = r.id("id");
  plan.city = r.text("city", true).value_or(Text{});
  plan.name = r.text("name", true).value_or(Text{});
  plan.description = r.text("description");
  plan.source = r.text("source");
  plan.source_url = r.string("source_url");
  if (!plan.source_url.empty() && !web_address(plan.source_url))
    r.error(r.pointer_to("source_url"), as_quoted(plan.source_url) + " is not a web address", "write the address starting with https://");
  plan.transcription_note = r.text("transcription_note");
  plan.publisher = r.text("publisher");
  if (const auto* licence = r.get("licence", false)) {
    ObjectReader l(file, *licence, "/licence", diagnostics);
    if (l.ok()) plan.licence = read_licence(l);
  }
  if (const auto* period = r.get("period", true)) {
    ObjectReader p(file, *period, "/period", diagnostics);
    plan.period_start = p.year("start", true).value_or(0);
    plan.period_end = p.year("end", true).value_or(0);
    if (plan.period_start && plan.period_end && plan.period_start > plan.period_end)
      p.error("/period", "the period starts after it ends", "swap start and end");
  }
  plan.evaluation_year = r.year("evaluation_year", true).value_or(0);
  plan.report_date = r.string("report_date");
  if (!plan.report_date.empty() && !valid_date(plan.report_date)) {
    r.error("/report_date", as_quoted(plan.report_date) + " is not a date", "write YYYY-MM-DD, e.g. 2025-03-31");
    plan.report_date.clear();
  }
  plan.allow_raw_html = r.boolean("allow_raw_html");
  plan.currency_unit = r.text("currency_unit");
  if (r.has("layout")) plan.layout = r.id("layout");
  if (const auto* units = r.get("units", false)) {
    if (units->is_object())
      for (const auto& [ja, en] : units->items()) {
        if (en.is_string()) plan.units[ja] = en.get<std::string>();
        else r.error("/units/" + ja, "expected the English unit as a string", "write e.g. \"件\": \"cases\"");
      }
    else r.error("/units", "expected an object", "write {\"件\": \"cases\"}");
  }
  if (const auto* evaluation = r.get("evaluation", false)) {
    ObjectReader e(file, *evaluation, "/evaluation", diagnostics);
    if (e.ok()) read_evaluation(e, plan.evaluation);
  }
  r.objects("areas", [&](ObjectReader& a) { read_area(a, plan); }, true);
  if (plan.evaluation_year && plan.period_start && (plan.evaluation_year < plan.period_start || plan.evaluation_year > plan.period_end))
    r.error("/evaluation_year", "the evaluation year " + std::to_string(plan.evaluation_year) + " is outside the period " +
                                    std::to_string(plan.period_start) + "–" + std::to_string(plan.period_end),
            "use a year inside the period");
}

void read_divisions(const JsonFile& file, Plan& plan, Diagnostics& diagnostics) {
  ObjectReader r(file, file.document(), "", diagnostics);
  r.objects("divisions", [&](ObjectReader& d) {
    Division division;
    division.id = d.id("id");
    division.name = d.text("name", true).value_or(Text{});
    division.department = d.text("department");
    division.phone = d.string("phone");
    plan.divisions.push_back(std::move(division));
  }, true);
}

void read_glossary(const JsonFile& file, Plan& plan, Diagnostics& diagnostics) {
  ObjectReader r(file, file.document(), "", diagnostics);
  r.objects("terms", [&](ObjectReader& t) {
    Term term;
    term.id = t.id("id");
    term.term = t.text("term", true).value_or(Text{});
    term.reading = t.string("reading");
    term.definition = t.text("definition", true).value_or(Text{});
    plan.glossary.push_back(std::move(term));
  }, true);
}

std::optional<DatedValue> read_dated_value(ObjectReader& parent, const char* key) {
  const auto* json = parent.get(key, false);
  if (!json) return std::nullopt;
  ObjectReader r(parent.file(), *json, parent.pointer_to(key), parent.diagnostics());
  if (!r.ok()) return std::nullopt;
  DatedValue dated;
  dated.year = r.year("year");
  if (!r.has("value")) r.error(r.pointer(), "missing required key \"value\"", "add \"value\"");
  dated.value = r.value("value");
  return dated;
}

std::optional<int> year_key(ObjectReader& r, const std::string& key, const Plan& plan) {
  bool digits = key.size() == 4 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    r.error(r.pointer(), as_quoted(key) + " is not a fiscal year", "key years by the Western fiscal year, e.g. \"2024\"");
    return std::nullopt;
  }
  int year = std::stoi(key);
  if (plan.period_start && (year < plan.period_start || year > plan.period_end)) {
    r.error(r.pointer(), "year " + key + " is outside the plan period " + std::to_string(plan.period_start) + "–" +
                             std::to_string(plan.period_end),
            "correct the year, or widen \"period\" in plan.json");
    return std::nullopt;
  }
  return year;
}

bool has_number(const Value& value) { return value.kind == Value::Kind::number; }

void check_unit(ObjectReader& r, const Indicator& indicator) {
  bool numeric = indicator.baseline && has_number(indicator.baseline->value);
  for (const auto& [year, values] : indicator.years)
    numeric = numeric || has_number(values.target) || has_number(values.revised_target) || has_number(values.actual);
  if (numeric && indicator.unit.empty())
    r.error(r.pointer(), "the indicator has numeric figures but no unit", "add \"unit\", e.g. \"%\", \"件\" or \"人\"");
}

Indicator read_indicator(ObjectReader& r, const Plan& plan) {
  Indicator indicator;
  indicator.id = r.id("id");
  std::string kind = r.string("kind", true);
  if (kind == "activity") indicator.kind = IndicatorKind::activity;
  else if (!kind.empty() && kind != "outcome")
    r.error(r.pointer_to("kind"), "unknown kind \"" + kind + "\"", "write \"outcome\" (成果指標) or \"activity\" (行動量)");
  indicator.number = r.string("number");
  indicator.name = r.text("name", true).value_or(Text{});
  indicator.description = r.text("description");
  indicator.source = r.text("source");
  indicator.reference = r.text("reference");
  indicator.note = r.text("note");
  indicator.transcription_note = r.text("transcription_note");
  indicator.project = r.id("project", false);
  indicator.divisions = r.ids("divisions");
  indicator.unit = r.string("unit");
  indicator.rule = r.string("rule");
  if (const auto* baseline = r.get("baseline", false)) {
    ObjectReader b(r.file(), *baseline, r.pointer_to("baseline"), r.diagnostics());
    if (b.ok()) {
      if (!b.has("value")) b.error(b.pointer(), "missing required key \"value\"", "add \"value\"");
      indicator.baseline = Baseline{b.value("value"), b.year("year"), b.text("label")};
    }
  }
  r.members("years", [&](const std::string& key, ObjectReader& y) {
    auto year = year_key(y, key, plan);
    IndicatorYear values;
    values.target = y.value("target");
    values.revised_target = y.value("revised_target");
    values.actual = y.value("actual");
    values.reason = y.text("reason");
    values.note = y.text("note");
    if (year) indicator.years[*year] = std::move(values);
  });
  check_unit(r, indicator);
  return indicator;
}

std::optional<Budget> read_budget(ObjectReader& parent) {
  const auto* json = parent.get("budget", false);
  if (!json) return std::nullopt;
  ObjectReader r(parent.file(), *json, parent.pointer_to("budget"), parent.diagnostics());
  if (!r.ok()) return std::nullopt;
  Budget budget;
  budget.year = r.year("year");
  budget.amount = r.number("amount", true).value_or(Decimal{});
  budget.unit = r.text("unit", true).value_or(Text{});
  r.objects("items", [&](ObjectReader& i) {
    budget.items.push_back({i.text("name", true).value_or(Text{}), i.number("amount", true).value_or(Decimal{})});
  });
  return budget;
}

std::vector<Footnote> read_footnotes(ObjectReader& r) {
  std::vector<Footnote> notes;
  r.objects("footnotes", [&](ObjectReader& f) { notes.push_back({f.string("mark", true), f.id("term")}); });
  return notes;
}

Project read_project(ObjectReader& r, const Plan& plan) {
  Project project;
  project.id = r.id("id");
  project.number = r.string("number");
  project.name = r.text("name", true).value_or(Text{});
  project.description = r.text("description");
  project.note = r.text("note");
  project.transcription_note = r.text("transcription_note");
  project.priority = r.boolean("priority");
  if (const auto* cross = r.get("cross_listed", false)) {
    if (cross->is_string()) {
      project.cross_listed = CrossListing{r.id("cross_listed"), std::nullopt};
    } else {
      ObjectReader c(r.file(), *cross, r.pointer_to("cross_listed"), r.diagnostics());
      if (c.ok()) project.cross_listed = CrossListing{c.id("project", false), c.text("external", true)};
    }
  }
  project.part_of = r.id("part_of", false);
  project.divisions = r.ids("divisions");
  project.rule = r.string("rule");
  project.unit = r.string("unit");
  project.status = read_dated_value(r, "status");
  project.goal = read_dated_value(r, "goal");
  r.members("years", [&](const std::string& key, ObjectReader& y) {
    auto year = year_key(y, key, plan);
    ProjectYear values{y.value("plan"), y.value("actual"), y.value("cost"), y.text("note")};
    if (year) project.years[*year] = std::move(values);
  });
  project.cost_total = r.number("cost_total");
  project.plan_total = r.value("plan_total");
  project.budget = read_budget(r);
  project.footnotes = read_footnotes(r);
  return project;
}

std::optional<Policy> read_policy(const JsonFile& file, const Plan& plan, Diagnostics& diagnostics) {
  ObjectReader r(file, file.document(), "", diagnostics);
  if (!r.ok()) return std::nullopt;
  Policy policy;
  policy.file = file.path();
  policy.id = r.id("id");
  policy.area = r.id("area");
  policy.order = r.integer("order").value_or(0);
  policy.number = r.string("number");
  policy.name = r.text("name", true).value_or(Text{});
  policy.group = r.text("group");
  policy.target_state = r.text("target_state");
  policy.page_ref = r.string("page_ref");
  policy.transcription_note = r.text("transcription_note");
  policy.divisions = r.ids("divisions");
  r.objects("indicators", [&](ObjectReader& i) { policy.indicators.push_back(read_indicator(i, plan)); });
  r.objects("projects", [&](ObjectReader& p) { policy.projects.push_back(read_project(p, plan)); });
  policy.footnotes = read_footnotes(r);
  std::string expected = file.path().stem().string();
  if (!policy.id.empty() && policy.id != expected)
    r.error("/id", "the id \"" + policy.id + "\" differs from the file name \"" + expected + ".json\"",
            "rename the file to " + policy.id + ".json or change the id");
  return policy;
}

// "1-2-1" before "1-10-1": runs of digits compare as numbers, as readers count.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      auto x = a.substr(i, ei - i), y = b.substr(j, ej - j);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ei, j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

std::vector<fs::path> sorted_files(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if ((entry.is_regular_file() || entry.is_symlink()) && entry.path().extension() == extension) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

struct PolicyFile {
  std::optional<Policy> policy;
  Diagnostics diagnostics;
};

PolicyFile load_policy_file(const fs::path& dir, const fs::path& path, const Plan& plan) {
  PolicyFile out;
  auto& diagnostics = out.diagnostics;
  // The file name is the policy id, and the id names the policy's pages.
  if (auto problem = id_problem(path.stem().string())) {
    diagnostics.error(path, "", "the file name cannot be a policy id: " + *problem,
                      "rename it to <policy id>.json, e.g. 1-1-1.json, with ASCII letters, digits, '-', '_' or '.' "
                      "(no dot-files, no Windows device names such as CON or NUL)");
    return out;
  }
  auto file = JsonFile::read(path, diagnostics);
  if (!file) return out;
  out.policy = read_policy(*file, plan, diagnostics);
  if (!out.policy) return out;
  out.policy->commentary = read_commentary(dir / "policies", path.stem().string(), diagnostics);
  for (auto& project : out.policy->projects)
    if (!project.id.empty()) project.commentary = read_commentary(dir / "projects", project.id, diagnostics);
  return out;
}

// Each file on its own (in parallel when for_each allows), then gathered in
// file order, so messages and policies come out the same either way.
void load_policies(const fs::path& dir, Plan& plan, Diagnostics& diagnostics, const ForEach& for_each) {
  const auto paths = sorted_files(dir / "policies", ".json");
  std::vector<PolicyFile> files(paths.size());
  auto task = [&](std::size_t i) { files[i] = load_policy_file(dir, paths[i], plan); };
  if (for_each) for_each(paths.size(), task);
  else for (std::size_t i = 0; i < paths.size(); ++i) task(i);
  for (auto& file : files) {
    diagnostics.append(file.diagnostics);
    if (file.policy) plan.policies.push_back(std::move(*file.policy));
  }
  std::stable_sort(plan.policies.begin(), plan.policies.end(), [](const Policy& a, const Policy& b) {
    return a.order != b.order ? a.order < b.order : natural_less(a.id, b.id);
  });
}

}  // namespace

std::vector<fs::path> find_plans(const fs::path& content_dir) {
  std::vector<fs::path> plans;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(content_dir, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "plan.json")) plans.push_back(entry.path());
  std::sort(plans.begin(), plans.end());
  return plans;
}

LoadResult load_plan(const fs::path& plan_dir, const ForEach& for_each) {
  LoadResult result;
  auto& diagnostics = result.diagnostics;
  Plan plan;
  plan.root = plan_dir;
  if (!fs::exists(plan_dir / "plan.json")) {
    diagnostics.error(plan_dir / "plan.json", "", "not a plan folder: plan.json is missing",
                      "point at a folder holding plan.json, or at a content folder of plans");
    return result;
  }
  auto plan_file = JsonFile::read(plan_dir / "plan.json", diagnostics);
  if (!plan_file) return result;
  read_plan_file(*plan_file, plan, diagnostics);
  add_builtin_rules(plan.evaluation);
  if (fs::exists(plan_dir / "divisions.json"))
    if (auto file = JsonFile::read(plan_dir / "divisions.json", diagnostics)) read_divisions(*file, plan, diagnostics);
  if (fs::exists(plan_dir / "glossary.json"))
    if (auto file = JsonFile::read(plan_dir / "glossary.json", diagnostics)) read_glossary(*file, plan, diagnostics);
  load_policies(plan_dir, plan, diagnostics, for_each);
  check_references(plan, diagnostics);
  if (!diagnostics.has_errors()) result.plan = std::move(plan);
  return result;
}

}  // namespace hyoka::model
