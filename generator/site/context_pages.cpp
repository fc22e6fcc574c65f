// The context of the plan's secondary pages: projects, glossary, how to
// read, search. Split from context.cpp to keep each file about one thing.
#include <algorithm>

#include "present/numbers.hpp"
#include "site/context.hpp"
#include "site/routes.hpp"

namespace hyoka::site {

json PlanContext::cross_listing(const model::Project& project) {
  if (!project.cross_listed) return nullptr;
  const auto& listing = *project.cross_listed;
  if (auto [owner, p] = plan_.find_project(listing.project); p)
    return Object()("url", routes::project(plan_.id, p->id))("number", p->number)("name", text_.text(p->name))(
        "policy", Object()("number", owner->number)("name", text_.text(owner->name))(
                      "url", routes::policy(plan_.id, owner->id)))("external", nullptr);
  return Object()("url", nullptr)("external", text_.text(listing.external));
}

json PlanContext::project_summary(const model::Project& project) {
  return Object()("id", project.id)("number", number(project.number))("name", text_.text(project.name))(
      "priority", project.priority)("cross_listed", cross_listing(project))("divisions", divisions(project.divisions))(
      "unit", text_.unit(project.unit))("url", routes::project(plan_.id, project.id));
}

json PlanContext::project_year(const model::Project& project, int year, const model::ProjectYear& values) {
  const evaluate::StepResult* steps = evaluation_.find(project);
  const evaluate::Result* step = steps ? steps->in(year) : nullptr;
  return Object()("year", year_json(year, lang()))("plan", text_.value(values.plan, project.unit))(
      "actual", text_.value(values.actual, project.unit))("cost", text_.value(values.cost))("note", text_.text(values.note))(
      "evaluated", year == evaluation_.year)("result", step ? result(*step, project.rule) : json(nullptr));
}

json PlanContext::year_value(const model::DatedValue& dated, const std::string& unit) {
  return Object()("year", dated.year ? year_json(*dated.year, lang()) : json(nullptr))("value", text_.value(dated.value, unit));
}

json PlanContext::project(const model::Policy& policy, const model::Project& project) {
  json years = json::array(), indicators = json::array();
  model::Decimal sum;
  bool any_cost = false;
  for (const auto& [year, values] : project.years) {
    years.push_back(project_year(project, year, values));
    if (values.cost.is_number()) {
      sum = sum + values.cost.number;
      any_cost = true;
    }
  }
  for (const auto& ind : policy.indicators)
    if (ind.project == project.id)
      indicators.push_back(Object()("number", ind.number)("kind", model::code(ind.kind))("name", text_.text(ind.name))(
          "url", routes::indicator(plan_.id, policy.id, ind.id)));
  json budget = nullptr;
  if (project.budget) {
    json items = json::array();
    for (const auto& item : project.budget->items)
      items.push_back(Object()("name", text_.text(item.name))("amount", present::grouped(item.amount)));
    budget = Object()("year", project.budget->year ? year_json(*project.budget->year, lang()) : json(nullptr))(
        "amount", present::grouped(project.budget->amount))("unit", text_.text(project.budget->unit))(
        "breakdown", std::move(items));
  }
  json out = Object(project_summary(project))("description", text_.text(project.description))("note", text_.text(project.note))(
      "status", project.status ? year_value(*project.status, project.unit) : json(nullptr))(
      "goal", project.goal ? year_value(*project.goal, project.unit) : json(nullptr))("years", std::move(years))(
      "cost_sum", any_cost ? json(present::grouped(sum)) : json(nullptr))(
      "cost_total", project.cost_total ? json(present::grouped(*project.cost_total)) : json(nullptr))(
      "budget", std::move(budget))("indicators", std::move(indicators))(
      "commentary", text_.commentary(project.commentary, "c-"))("policy", policy_summary(policy))(
      // A project without divisions of its own is the policy's divisions' work.
      "policy_divisions", project.divisions.empty() ? divisions(policy.divisions) : json::array())(
      "target_state", text_.text(policy.target_state));
  out["footnotes"] = footnotes_on(policy, out, project.id);
  return out;
}

json PlanContext::glossary() {
  std::vector<const model::Term*> terms;
  for (const auto& term : plan_.glossary) terms.push_back(&term);
  // Japanese sorts by kana reading (gojūon order is the code point order of
  // hiragana); English by the English term, then the reading.
  auto key = [&](const model::Term* t) { return lang() == Lang::ja ? (t->reading.empty() ? t->term.ja : t->reading) : t->term.in(lang()); };
  std::stable_sort(terms.begin(), terms.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
  json out = json::array();
  for (const model::Term* term : terms) {
    json used = json::array();
    for (const auto& policy : plan_.policies)
      for (const auto& note : policy.footnotes)
        if (note.term == term->id)
          used.push_back(Object()("number", policy.number)("name", text_.text(policy.name))(
              "url", routes::policy(plan_.id, policy.id)));
    out.push_back(Object()("id", term->id)("anchor", routes::term_anchor(term->id))("term", text_.text(term->term))(
        "reading", term->reading)("definition", text_.text(term->definition))("used_in", std::move(used)));
  }
  return out;
}

// A real graded row of this plan, preferring one with a rate, so the
// explanation of the rule comes with numbers a reader can check.
json PlanContext::grade_example() {
  const evaluate::IndicatorResult* best = nullptr;
  for (const auto& pe : evaluation_.policies)
    for (const auto& r : pe.indicators)
      if (r.result.status == evaluate::Status::graded && (!best || (!best->result.rate && r.result.rate))) best = &r;
  if (!best) return nullptr;
  return Object(indicator_row(*best))("policy", policy_summary(*best->policy));
}

json PlanContext::how_to_read() {
  std::vector<std::string> used;
  for (const auto& pe : evaluation_.policies)
    for (const auto& r : pe.indicators)
      if (std::find(used.begin(), used.end(), r.rule) == used.end()) used.push_back(r.rule);
  json rules = json::array();
  for (const auto& name : used) {
    const model::Rule& rule = evaluate::rule_for(plan_, name);
    rules.push_back(Object()("name", name)("method", model::code(rule.method))("description", text_.text(rule.description)));
  }
  json kinds = json::array();
  for (auto kind : plan_.evaluation.graded_kinds) kinds.push_back(model::code(kind));
  const auto& rounding = plan_.evaluation.rounding;
  static constexpr const char* modes[] = {"half_up", "half_even", "down", "up"};
  return Object()("rules", std::move(rules))("scale", scale())("legend", text_.text(plan_.evaluation.legend))(
      "graded_kinds", std::move(kinds))("on_track", plan_.evaluation.on_track)(
      "rounding", Object()("decimals", rounding.decimals)("mode", modes[static_cast<int>(rounding.mode)])(
                      "grade_on_rounded", rounding.grade_on_rounded))("example", grade_example());
}

json PlanContext::all_divisions() {
  std::vector<std::string> ids;
  for (const auto& d : plan_.divisions) ids.push_back(d.id);
  return divisions(ids);
}

json PlanContext::search_items() {
  json items = json::array();
  auto add = [&](const char* type, json name, const std::string& number, const std::string& url,
                 const model::Policy& policy, const std::string& grade, const std::vector<std::string>& divs) {
    name["text"] = without_note_marks(name["text"].get<std::string>());
    const model::Area* area = plan_.find_area(policy.area);
    std::string division_names;
    for (const auto& id : divs)
      if (const model::Division* d = plan_.find_division(id)) division_names += " " + d->name.in(lang());
    items.push_back(Object()("type", type)("number", number)("name", name)("url", url)("area", policy.area)(
        "area_name", area ? text_.text(area->name) : json(nullptr))(
        "policy", Object()("number", policy.number)("name", text_.text(policy.name)))("grade", grade)(
        "class", grade_class(grade))("meaning", meaning(grade))("divisions", divs)(
        "text", number + " " + name["text"].get<std::string>() + " " + policy.name.in(lang()) + division_names));
  };
  for (const auto& policy : plan_.policies) {
    add("policy", text_.text(policy.name), policy.number, routes::policy(plan_.id, policy.id), policy, "", policy.divisions);
    for (const auto& ind : policy.indicators) {
      add("indicator", text_.text(ind.name), ind.number, routes::indicator(plan_.id, policy.id, ind.id), policy,
          evaluated(ind).result.grade, policy.divisions);
    }
    for (const auto& project : policy.projects)
      add("project", text_.text(project.name), project.number, routes::project(plan_.id, project.id), policy, "",
          project.divisions.empty() ? policy.divisions : project.divisions);
  }
  return items;
}

}  // namespace hyoka::site

namespace hyoka::site {

json PlanContext::about() {
  json notes = json::array();
  auto note = [&](const std::optional<model::Text>& text, std::string where) {
    if (text) notes.push_back(Object()("where", where.empty() ? json(nullptr) : json(std::move(where)))("text", text_.text(*text)));
  };
  note(plan_.transcription_note, "");
  for (const auto& policy : plan_.policies) {
    const std::string policy_name = ui("about.policy", {{"number", policy.number}, {"name", policy.name.in(lang())}});
    note(policy.transcription_note, policy_name);
    for (const auto& ind : policy.indicators)
      note(ind.transcription_note, policy_name + ui("chart.list_separator") + ind.name.in(lang()));
    for (const auto& project : policy.projects)
      note(project.transcription_note, policy_name + ui("chart.list_separator") + project.number + " " + project.name.in(lang()));
  }
  return Object()("source", text_.text(plan_.source))(
      "source_url", plan_.source_url.empty() ? json(nullptr) : json(plan_.source_url))("notes", std::move(notes));
}

json PlanContext::council() {
  json areas = json::array();
  int count = 0;
  for (const auto& area : plan_.areas) {
    json policies = json::array();
    for (const auto& policy : plan_.policies) {
      if (policy.area != area.id) continue;
      json rows = json::array();
      for (const auto& ind : policy.indicators) {
        const auto& result = evaluated(ind).result;
        if (result.status != evaluate::Status::graded || on_track(result.grade)) continue;
        rows.push_back(evaluated_row(ind));
        ++count;
      }
      if (rows.empty()) continue;
      json notes = footnotes_on(policy, rows, "");  // the ※ marks in these rows' names, explained here
      policies.push_back(Object(policy_summary(policy))("divisions", divisions(policy.divisions))("rows", std::move(rows))(
          "notes", std::move(notes)));
    }
    if (policies.empty()) continue;
    areas.push_back(Object()("id", area.id)("number", number(area.number))("name", text_.text(area.name))(
        "url", routes::area(plan_.id, area.id))("policies", std::move(policies)));
  }
  json below = json::array();
  for (const auto& g : plan_.evaluation.scale)
    if (!on_track(g.label)) below.push_back(grade(g.label));
  return Object()("count", count)("graded", evaluation_.counts.graded)("grades", std::move(below))("areas", std::move(areas));
}

// Each policy's number, name, area and divisions are written once and
// referred to by index from its items; paths are relative to the plan's
// folder. That halves the file against repeating them on every row.
json PlanContext::search_shard() {
  json policies = json::array(), items = json::array();
  const std::string folder = plan_.id + "/";
  auto names = [&](const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
      if (const model::Division* d = plan_.find_division(id)) out += (out.empty() ? "" : " ") + d->name.in(lang());
    return out;
  };
  auto add = [&](const char* type, const model::Text& name, const std::string& number, const std::string& url,
                 const std::string& grade, const std::string& divisions) {
    const std::string words = meaning(grade);
    items.push_back(json::array({type, number, without_note_marks(name.in(lang())), policies.size() - 1,
                                 url.substr(folder.size()), words.empty() ? grade : grade + " " + words, divisions}));
  };
  for (const auto& policy : plan_.policies) {
    const model::Area* area = plan_.find_area(policy.area);
    policies.push_back(json::array({policy.number, without_note_marks(policy.name.in(lang())),
                                    (area ? area->name.in(lang()) + " " : std::string()) + names(policy.divisions)}));
    add("policy", policy.name, policy.number, routes::policy(plan_.id, policy.id), "", "");
    for (const auto& ind : policy.indicators)
      add("indicator", ind.name, ind.number, routes::indicator(plan_.id, policy.id, ind.id), evaluated(ind).result.grade, "");
    for (const auto& project : policy.projects)
      add("project", project.name, project.number, routes::project(plan_.id, project.id), "", names(project.divisions));
  }
  return Object()("plan", plan_.id)("city", plan_.city.in(lang()))("name", plan_.name.in(lang()))("folder", folder)(
      "policies", std::move(policies))("items", std::move(items));
}

}  // namespace hyoka::site
