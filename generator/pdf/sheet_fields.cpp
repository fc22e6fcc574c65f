#include "pdf/sheet_fields.hpp"

#include <algorithm>
#include <set>

#include "present/figures.hpp"
#include "present/grades.hpp"
#include "present/marks.hpp"
#include "present/numbers.hpp"
#include "present/placeholders.hpp"
#include "present/years.hpp"

namespace hyoka::pdf {

using model::Lang;

namespace {

std::string joined(const std::string& a, const std::string& b, Lang lang) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + (lang == Lang::ja ? "　" : " ") + b;
}

constexpr std::string_view reference = "※";

}  // namespace

FieldText::FieldText(const SheetContext& context, const model::Policy& policy)
    : ctx_(context), policy_(policy), year_(context.evaluation.year ? context.evaluation.year : context.plan.evaluation_year) {
  // A mark keeps its number unless another footnote of the sheet has it: the
  // source numbers each project's page from ※1 again, one sheet cannot.
  std::set<int> used;
  for (const auto& note : policy.footnotes) used.insert(present::mark_number(note.mark));
  for (const auto& project : policy.projects)
    for (const auto& note : project.footnotes) {
      const int number = present::mark_number(note.mark);
      const int printed = used.count(number) ? *used.rbegin() + 1 : number;
      used.insert(printed);
      if (printed != number) renumbered_[{project.id, number}] = printed;
    }
}

std::string FieldText::with_marks(std::string text, const model::Project* project) const {
  if (!project || renumbered_.empty()) return text;
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    if (text.compare(at, reference.size(), reference) != 0) {
      out += text[at++];
      continue;
    }
    std::size_t end = at + reference.size();
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') ||
                                 (text.compare(end, 2, "\xEF\xBC") == 0 && end + 2 < text.size() &&
                                  static_cast<unsigned char>(text[end + 2]) >= 0x90 &&
                                  static_cast<unsigned char>(text[end + 2]) <= 0x99)))
      end += text[end] >= '0' && text[end] <= '9' ? 1 : 3;
    auto it = renumbered_.find({project->id, present::mark_number(text.substr(at, end - at))});
    out += it == renumbered_.end() ? text.substr(at, end - at) : present::reference_mark(it->second, Lang::ja);
    at = end;
  }
  return out;
}

std::string FieldText::t(const model::Text& text, const model::Project* project) const {
  std::string out = with_marks(text.in(ctx_.lang), project);
  return ctx_.lang == Lang::en && text.en ? present::english_punctuation(out) : out;
}

std::string FieldText::t(const std::optional<model::Text>& text, const model::Project* project) const {
  return text ? t(*text, project) : std::string();
}

std::string FieldText::label(const model::Text& text, int year) const {
  const int y = year ? year : year_;
  const int before = ctx_.plan.period_start - 1, end = ctx_.plan.period_end;
  return present::fill(text.in(ctx_.lang), {{"fy", present::fiscal_year_short(y, ctx_.lang)},
                                            {"nendo", present::era_year_number(y)},
                                            {"year", y},
                                            {"fy_before", present::fiscal_year_short(before, ctx_.lang)},
                                            {"nendo_before", present::era_year_number(before)},
                                            {"fy_end", present::fiscal_year_short(end, ctx_.lang)}});
}

bool FieldText::selected(const model::Indicator& indicator) const {
  return ctx_.selected && ctx_.selected->count(indicator.id);
}

std::string FieldText::division_names(const std::vector<std::string>& ids, const std::string& separator) const {
  std::string out;
  for (const auto& id : ids) {
    const model::Division* d = ctx_.plan.find_division(id);
    out += (out.empty() ? "" : separator) + (d ? t(d->name) : id);
  }
  return out;
}

std::string FieldText::contacts(const std::vector<std::string>& ids) const {
  std::string out;
  for (const auto& id : ids) {
    const model::Division* d = ctx_.plan.find_division(id);
    if (!d) continue;
    std::string line = ctx_.lang == Lang::ja ? joined(t(d->department), t(d->name), Lang::ja)
                                             : (d->department ? t(d->department) + ", " : "") + t(d->name);
    if (!d->phone.empty()) line += ctx_.lang == Lang::ja ? "　℡" + d->phone : ", tel. " + d->phone;
    out += (out.empty() ? "" : "\n") + line;
  }
  return out;
}

std::string FieldText::policy_field(Field field) const {
  const model::Plan& plan = ctx_.plan;
  const model::Area* area = plan.find_area(policy_.area);
  switch (field) {
    case Field::document_title: return label(ctx_.layout.title);
    case Field::plan: return t(plan.name);
    case Field::city: return t(plan.city);
    case Field::city_plan: return joined(t(plan.city), t(plan.name), ctx_.lang);
    case Field::area: return area ? area_title(*area, ctx_.lang) : policy_.area;
    case Field::vision: return area ? t(area->vision) : std::string();
    case Field::group: return t(policy_.group);
    case Field::policy: return policy_title(policy_, ctx_.lang);
    case Field::policy_number: return policy_.number;
    case Field::policy_name: return t(policy_.name);
    case Field::target_state: return t(policy_.target_state);
    case Field::page_ref: return ctx_.lang == Lang::en ? present::english_punctuation(policy_.page_ref) : policy_.page_ref;
    case Field::fiscal_year: return present::fiscal_year(year_, ctx_.lang);
    case Field::divisions: return division_names(policy_.divisions, ctx_.lang == Lang::ja ? "、" : ", ");
    case Field::commentary:
    case Field::policy_commentary: return commentary_text(policy_.commentary);
    default: return {};
  }
}

// A figure as the sheet prints it: with its unit, and its note on the next line.
std::string FieldText::figure(const model::Value& value, const std::string& unit, const model::Project* project) const {
  present::Figure f = present::figure(ctx_.plan, value, unit, ctx_.lang);
  std::string out = with_marks(f.text, project);
  if (ctx_.lang == Lang::en && value.kind == model::Value::Kind::text && !f.fallback) out = present::english_punctuation(out);
  return value.note ? out + "\n" + t(*value.note, project) : out;
}

std::string FieldText::baseline(const model::Indicator& ind, const std::string& unit) const {
  if (!ind.baseline) return {};
  std::string out = figure(ind.baseline->value, unit);
  std::string when = ind.baseline->label ? t(*ind.baseline->label)
                     : ind.baseline->year ? present::fiscal_year_short(*ind.baseline->year, ctx_.lang)
                                          : std::string();
  return when.empty() ? out : out + "\n" + present::parenthesized(when, ctx_.lang);
}

const std::vector<std::string>& FieldText::divisions_of(const model::Indicator& ind) const {
  if (!ind.divisions.empty()) return ind.divisions;
  for (const auto& p : policy_.projects)
    if (p.id == ind.project && !p.divisions.empty()) return p.divisions;
  return policy_.divisions;
}

const model::Value* FieldText::indicator_value(Field field, const model::Indicator& ind, int y) const {
  if (field == Field::baseline) return ind.baseline ? &ind.baseline->value : nullptr;
  auto year = ind.years.find(y);
  if (year == ind.years.end()) return nullptr;
  const model::IndicatorYear& iy = year->second;
  switch (field) {
    case Field::target: return &iy.target;
    case Field::revised_target: return &iy.revised_target;
    case Field::effective_target: return &iy.effective_target();
    case Field::actual: return &iy.actual;
    default: return nullptr;
  }
}

const model::Value* FieldText::project_value(Field field, const model::Project& p, int y, bool total) const {
  if (field == Field::status) return p.status ? &p.status->value : nullptr;
  if (field == Field::goal) return p.goal ? &p.goal->value : nullptr;
  if (field == Field::plan_total || (field == Field::plan_step && total)) return &p.plan_total;
  auto year = p.years.find(y);
  if (total || year == p.years.end()) return nullptr;
  switch (field) {
    case Field::plan_step: return &year->second.plan;
    case Field::actual: return &year->second.actual;
    case Field::cost: return &year->second.cost;
    default: return nullptr;
  }
}

std::string FieldText::indicator_field(Field field, const model::Indicator& ind, int y, bool unit) const {
  const evaluate::IndicatorResult* res = result(ind);
  const evaluate::Result* r = res ? res->in(y) : nullptr;
  const std::string& unit_name = unit ? ind.unit : std::string();
  if (const model::Value* v = field == Field::baseline ? nullptr : indicator_value(field, ind, y)) return figure(*v, unit_name);
  switch (field) {
    case Field::number: return ind.number;
    case Field::name: return t(ind.name);
    case Field::reference: return ind.reference ? present::bracketed(t(*ind.reference), ctx_.lang) : std::string();
    case Field::name_note: return ind.note ? t(ind.name) + "\n" + t(*ind.note) : t(ind.name);
    case Field::baseline: return baseline(ind, unit_name);
    case Field::unit: return present::unit_name(ctx_.plan, ind.unit, ctx_.lang);
    case Field::description: return t(ind.description);
    case Field::source: return t(ind.source);
    case Field::note: return t(ind.note);
    case Field::rate: return r || y == year_ ? present::percent_or_dash(r ? r->rate : std::nullopt, ctx_.lang) : "";
    case Field::grade: return present::grade_or_dash(r ? r->grade : "", ctx_.lang);
    case Field::explanation: return r ? t(r->explanation) : "";
    case Field::reason: {
      auto year = ind.years.find(y);
      return year == ind.years.end() ? "" : t(year->second.reason);
    }
    case Field::project:
      for (const auto& p : policy_.projects)
        if (p.id == ind.project) return joined(p.number, t(p.name, &p), ctx_.lang);
      return {};
    case Field::divisions: return division_names(divisions_of(ind), "\n");
    default: return {};
  }
}

// 再掲 and where the project is owned: the reference as printed when there is
// one (施策16-2, in the numbering of the document it comes from), else the
// owner's policy and project numbers (施策14-2).
std::string FieldText::cross_listed(const model::Project& p) const {
  if (!p.cross_listed) return {};
  const std::string mark = label("cross_listed");
  std::string where;
  if (p.cross_listed->external) {
    where = t(*p.cross_listed->external);
  } else if (auto [owner_policy, owner] = ctx_.plan.find_project(p.cross_listed->project); owner) {
    where = present::fill(ctx_.layout.label("cross_listed_owner").in(ctx_.lang),
                          {{"policy", owner_policy->number}, {"project", owner->number}});
  }
  return where.empty() || where == mark ? mark : mark + "\n" + where;
}

std::string FieldText::project_field(Field field, const model::Project& p, int y, bool total) const {
  const std::string unit_gap = ctx_.lang == Lang::ja ? "" : " ";
  if (field == Field::cost && total) return p.cost_total ? present::grouped(*p.cost_total) : "";
  if (const model::Value* v = project_value(field, p, y, total)) return figure(*v, field == Field::cost ? "" : p.unit, &p);
  switch (field) {
    case Field::number: return p.number;
    case Field::name: return t(p.name, &p);
    case Field::number_name: return joined(p.number, t(p.name, &p), ctx_.lang);
    case Field::part_name: return p.part_of.empty() ? "" : t(p.name, &p);
    case Field::part_note:
      if (p.part_of.empty()) return {};
      return p.note ? (p.cross_listed ? cross_listed(p) + "\n" : "") + t(p.note, &p) : cross_listed(p);
    case Field::name_marked: return p.priority ? label("priority") + " " + t(p.name, &p) : t(p.name, &p);
    case Field::description: return t(p.description, &p);
    case Field::commentary: return commentary_text(p.commentary, &p);
    case Field::commentary_or_description: return p.description ? t(p.description, &p) : commentary_text(p.commentary, &p);
    case Field::note: return t(p.note, &p);
    case Field::priority: return p.priority ? label("priority") : "";
    case Field::cross_listed: return cross_listed(p);
    case Field::divisions: return division_names(p.divisions.empty() ? policy_.divisions : p.divisions, "\n");
    case Field::contacts: return contacts(p.divisions.empty() ? policy_.divisions : p.divisions);
    case Field::cost_total: return p.cost_total ? present::grouped(*p.cost_total) : "";
    case Field::budget:
      return p.budget ? present::grouped(p.budget->amount) + unit_gap + t(p.budget->unit) : "";
    default: return {};
  }
}

std::string FieldText::item_field(Field field, const model::Budget& budget, const model::BudgetItem& item) const {
  if (field == Field::item_name) return t(item.name);
  if (field == Field::item_amount) return present::grouped(item.amount) + (ctx_.lang == Lang::ja ? "" : " ") + t(budget.unit);
  return {};
}

std::string FieldText::band_divisions(const model::Project* project, const std::vector<const model::Indicator*>& rows) const {
  const std::string sep = "\n";
  if (rows.empty()) return division_names(project && !project->divisions.empty() ? project->divisions : policy_.divisions, sep);
  auto same = [&](auto begin, auto end) {
    return std::all_of(begin, end, [&](const model::Indicator* r) { return divisions_of(*r) == divisions_of(**begin); });
  };
  if (same(rows.begin(), rows.end())) return division_names(divisions_of(*rows.front()), sep);
  // 行動量 and 成果指標 kept by different divisions, as the sheet prints it.
  std::vector<const model::Indicator*> activity, outcome;
  for (const auto* r : rows) (r->kind == model::IndicatorKind::activity ? activity : outcome).push_back(r);
  if (!activity.empty() && !outcome.empty() && same(activity.begin(), activity.end()) && same(outcome.begin(), outcome.end()))
    return present::parenthesized(label("activity"), ctx_.lang) + (ctx_.lang == Lang::ja ? "" : " ") +
           division_names(divisions_of(*activity.front()), sep) + sep + present::parenthesized(label("outcome"), ctx_.lang) +
           (ctx_.lang == Lang::ja ? "" : " ") + division_names(divisions_of(*outcome.front()), sep);
  std::string out;
  for (const auto* r : rows)
    out += (out.empty() ? "" : sep) + r->number + (ctx_.lang == Lang::ja ? "：" : ": ") + division_names(divisions_of(*r), "、");
  return out;
}

std::vector<markdown::TextBlock> FieldText::commentary(const model::Commentary& c, int section,
                                                       const model::Project* project) const {
  const bool english = ctx_.lang == Lang::en && c.en;
  const auto& source = english ? c.en : c.ja;
  if (!source) return {};
  std::vector<markdown::TextBlock> blocks = markdown::to_blocks(*source);
  if (section >= 0) blocks = markdown::section(blocks, section);
  auto fix = [&](std::string& text) {
    text = with_marks(std::move(text), project);
    if (english) text = present::english_punctuation(text);
  };
  for (auto& b : blocks) {
    fix(b.text);
    for (auto& cell : b.cells) fix(cell);
  }
  return blocks;
}

std::string FieldText::commentary_text(const model::Commentary& c, const model::Project* project) const {
  std::string out;
  for (const auto& b : commentary(c, -1, project)) {
    std::string text = b.kind == markdown::TextBlock::Kind::table_row ? "" : b.text;
    for (const auto& cell : b.cells) text += (text.empty() ? "" : "　") + cell;
    if (!text.empty()) out += (out.empty() ? "" : "\n") + text;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> FieldText::footnotes() const {
  std::vector<std::pair<int, std::pair<std::string, std::string>>> numbered;
  const std::string colon = ctx_.lang == Lang::ja ? "：" : ": ";
  auto add = [&](const model::Footnote& note, const std::string& project) {
    int number = present::mark_number(note.mark);
    std::string mark = present::mark_in(note.mark, ctx_.lang);
    if (auto it = renumbered_.find({project, number}); it != renumbered_.end()) {
      number = it->second;
      mark = present::reference_mark(number, ctx_.lang);
    }
    const model::Term* term = ctx_.plan.find_term(note.term);
    numbered.push_back({number, {mark, term ? t(term->term) + colon + t(term->definition) : note.term}});
  };
  for (const auto& note : policy_.footnotes) add(note, "");
  for (const auto& project : policy_.projects)
    for (const auto& note : project.footnotes) add(note, project.id);
  std::stable_sort(numbered.begin(), numbered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& [number, entry] : numbered) out.push_back(std::move(entry));
  return out;
}

// A number and a name; in English both in Latin type (the area number １ as 1).
std::string numbered(const std::string& number, const model::Text& name, Lang lang) {
  if (lang == Lang::ja || !name.en) return joined(number, name.in(lang), lang);
  return joined(present::english_punctuation(number), present::english_punctuation(*name.en), lang);
}

std::string policy_title(const model::Policy& policy, Lang lang) { return numbered(policy.number, policy.name, lang); }

std::string area_title(const model::Area& area, Lang lang) { return numbered(area.number, area.name, lang); }

}  // namespace hyoka::pdf
