#include "pdf/fields.hpp"

#include <array>

namespace hyoka::pdf {
namespace {

constexpr unsigned P = static_cast<unsigned>(Scope::policy);
constexpr unsigned I = static_cast<unsigned>(Scope::indicator);
constexpr unsigned R = static_cast<unsigned>(Scope::project);
constexpr unsigned B = static_cast<unsigned>(Scope::budget_item);
constexpr unsigned N = static_cast<unsigned>(Scope::band);

// Per scope a name means one field; "plan" is the plan's name on the sheet and
// a project's planned step in a project row, hence two entries.
constexpr auto registry = std::to_array<FieldInfo>({
    {"document_title", Field::document_title, P, "the layout's title (評価シート)"},
    {"plan", Field::plan, P, "the plan's name"},
    {"city", Field::city, P, "the city"},
    {"city_plan", Field::city_plan, P, "city and plan name"},
    {"area", Field::area, P, "the area: number and name"},
    {"vision", Field::vision, P, "the area's vision"},
    {"group", Field::group, P, "the policy's group (推進施策…)"},
    {"policy", Field::policy, P, "the policy: number and name"},
    {"policy_number", Field::policy_number, P, "the policy's number"},
    {"policy_name", Field::policy_name, P, "the policy's name"},
    {"target_state", Field::target_state, P, "めざす姿 / 計画最終年度の目標"},
    {"page_ref", Field::page_ref, P, "pages in the plan document (P40～44)"},
    {"fiscal_year", Field::fiscal_year, P, "the year evaluated (令和6年度（2024年度） / FY2024)"},
    {"commentary", Field::commentary, P | R, "the commentary Markdown as text (a section with \"section\")"},
    {"policy_commentary", Field::policy_commentary, P, "the policy's commentary, also inside each_project"},
    {"number", Field::number, I | R | N, "the row's number"},
    {"name", Field::name, I | R | N, "the row's name"},
    {"description", Field::description, I | R | N, "the description (指標の説明, 事業概要)"},
    {"note", Field::note, I | R, "the note printed with the row"},
    {"divisions", Field::divisions, P | I | R | N,
     "responsible divisions (in a band: split by kind when its rows differ)"},
    {"commentary_or_description", Field::commentary_or_description, R, "the description, else the commentary"},
    {"reference", Field::reference, I, "the cross reference, bracketed (【実施計画 施策８－２】)"},
    {"name_note", Field::name_note, I, "name, then the note"},
    {"baseline", Field::baseline, I, "the baseline with its year or label"},
    {"unit", Field::unit, I, "the unit"},
    {"source", Field::source, I, "where the figure comes from (区民意向調査)"},
    {"target", Field::target, I, "the target of the column's year"},
    {"revised_target", Field::revised_target, I, "the revised target (修正計画)"},
    {"effective_target", Field::effective_target, I, "the revised target if any, else the target"},
    {"actual", Field::actual, I | R, "the actual (実績) of the column's year"},
    {"rate", Field::rate, I, "the achievement rate, or the dash"},
    {"grade", Field::grade, I, "the grade, or the dash"},
    {"explanation", Field::explanation, I, "how the rate was computed"},
    {"reason", Field::reason, I, "the reason for the grade (達成状況評価の理由)"},
    {"project", Field::project, I, "the project the row belongs to: number and name"},
    {"name_marked", Field::name_marked, R, "the priority label, then the name"},
    {"number_name", Field::number_name, R | N, "number and name"},
    {"part_name", Field::part_name, R, "the name of a row printed under its project (part_of); empty for the project itself"},
    {"part_note", Field::part_note, R, "a row's cross-listing and note (part_of); empty for the project itself"},
    {"priority", Field::priority, R, "the priority label (重点, ★) when the project is one"},
    {"cross_listed", Field::cross_listed, R, "再掲 and the owner (施策14-2)"},
    {"status", Field::status, R, "the status before the plan (令和5年度末の現況)"},
    {"goal", Field::goal, R, "the goal for the final year"},
    {"plan", Field::plan_step, R, "the planned step of the column's year"},
    {"cost", Field::cost, R, "the cost of the column's year"},
    {"cost_total", Field::cost_total, R, "the total cost (計)"},
    {"plan_total", Field::plan_total, R, "the total of the yearly plan (計, 3か年計)"},
    {"budget", Field::budget, R, "the budget with its unit (39,907千円)"},
    {"contacts", Field::contacts, R, "department, division and telephone of each division"},
    {"item_name", Field::item_name, B, "a budget item's name"},
    {"item_amount", Field::item_amount, B, "a budget item's amount with the budget's unit"},
    {"subrow_label", Field::subrow_label, I | R, "the label of the 区分 sub-row"},
    {"subrow_value", Field::subrow_value, I | R, "the value the 区分 sub-row names"},
});

}  // namespace

std::span<const FieldInfo> all_fields() { return registry; }

std::optional<Field> find_field(std::string_view name, Scope scope) {
  for (const auto& info : all_fields())
    if (info.name == name && (info.scopes & static_cast<unsigned>(scope))) return info.field;
  return std::nullopt;
}

std::string field_names(Scope scope) {
  std::string out;
  for (const auto& info : all_fields())
    if (info.scopes & static_cast<unsigned>(scope)) out += (out.empty() ? "" : ", ") + std::string(info.name);
  return out;
}

bool readable_in(Field field, Scope scope) {
  for (const auto& info : all_fields())
    if (info.field == field && (info.scopes & static_cast<unsigned>(scope))) return true;
  return false;
}

std::string_view scope_name(Scope scope) {
  switch (scope) {
    case Scope::policy: return "sheet";
    case Scope::indicator: return "indicator";
    case Scope::project: return "project";
    case Scope::budget_item: return "budget item";
    case Scope::band: return "band";
  }
  return "";
}

}  // namespace hyoka::pdf
