#pragma once
// The registry of what a layout can print: every field name, the kinds of row
// it belongs to, and what it shows. Layout files are checked against it when
// they are loaded (an unknown name is an error listing the known ones), and
// the sheet resolves the names once, at load, to these values.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka::pdf {

// Where a field is read: the kind of row (or the sheet) a cell belongs to.
enum class Scope : unsigned {
  policy = 1,      // the header band and text blocks: the sheet's policy
  indicator = 2,   // rows of indicators (activity, outcome, reasons)
  project = 4,     // rows of projects, band heads, blocks repeated per project
  budget_item = 8, // rows of a project's budget breakdown (内訳)
  band = 16,       // cells spanning a whole band (a 取組み and its indicators)
};

enum class Field : unsigned char {
  // policy
  document_title, plan, city, city_plan, area, vision, group, policy, policy_number, policy_name, target_state,
  page_ref, fiscal_year, commentary, policy_commentary,
  // shared by several scopes
  number, name, description, note, divisions, commentary_or_description,
  // indicator
  reference, name_note, baseline, unit, source, target, revised_target, effective_target, actual, rate, grade,
  explanation, reason, project,
  // project
  name_marked, number_name, part_name, part_note, priority, cross_listed, status, goal, plan_step, cost, cost_total, plan_total, budget,
  contacts,
  // budget item
  item_name, item_amount,
  // the 区分 sub-rows of a record
  subrow_label, subrow_value,
};

struct FieldInfo {
  std::string_view name;
  Field field;
  unsigned scopes;  // Scope bits
  std::string_view what;
};

std::span<const FieldInfo> all_fields();
// The field of that name readable in the scope, or nullopt.
std::optional<Field> find_field(std::string_view name, Scope scope);
// "number, name, …": the names readable in a scope, for messages.
std::string field_names(Scope scope);
std::string_view scope_name(Scope scope);
// Whether the field can be read in the scope.
bool readable_in(Field field, Scope scope);

}  // namespace hyoka::pdf
