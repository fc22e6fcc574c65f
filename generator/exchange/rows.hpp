#pragma once
// What a division reports for a year, as rows: each indicator (actual,
// reason, note), each project with a plan for the year (actual step, cost,
// note), and the commentary of each policy and project (one text per
// language). The workbook, the CSV file, the import and `hyoka status` all
// work from this one description, so they agree on what a row is.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/plan.hpp"

namespace hyoka::exchange {

// A cell the division fills.
// actual_en is the English of a text actual (一部運用 → Partly in operation).
enum class Field { actual, actual_en, reason_ja, reason_en, note_ja, note_en, cost, commentary_ja, commentary_en };
inline constexpr Field all_fields[] = {Field::actual,  Field::actual_en, Field::reason_ja,     Field::reason_en,    Field::note_ja,
                                       Field::note_en, Field::cost,      Field::commentary_ja, Field::commentary_en};
const char* key(Field field);  // "actual", "reason.ja" … (the metadata and CSV name)
std::optional<Field> field_named(std::string_view key);
bool is_figure(Field field);  // actual and cost hold figures; the others texts
std::string label(Field field, model::Lang lang);  // "実績" / "Actual"

enum class RowKind { indicator, project, policy_commentary, project_commentary };

// Names a row across export and import: "i:1-1-1/o3" (indicator o3 of policy
// 1-1-1), "p:7-1" (project), "c:1-1-1" (policy commentary), "pc:7-1"
// (project commentary). Plan ids never hold ':' or '/'.
struct RowId {
  RowKind kind = RowKind::indicator;
  std::string policy;  // the policy (for projects: the policy that owns it)
  std::string item;    // indicator or project id; empty for a policy's commentary

  std::string text() const;
  static std::optional<RowId> parse(std::string_view text);  // nullopt: not a row id
  bool operator==(const RowId&) const = default;
};

// The cells a division fills in a row of this kind.
std::vector<Field> fields_of(RowKind kind);

struct Row {
  RowId id;
  const model::Policy* policy = nullptr;
  const model::Indicator* indicator = nullptr;  // indicator rows
  const model::Project* project = nullptr;      // project and project commentary rows
  std::vector<std::string> owners;              // division ids; empty: none assigned

  bool owned_by(const std::string& division) const;
};

// Every row of the plan for a year, in plan order: per policy its
// indicators, its projects with a plan for the year (re-listed projects are
// reported where they are owned), the policy's commentary, then the
// commentary of each of those projects.
std::vector<Row> plan_rows(const model::Plan& plan, int year);
// The rows of a plan and year by id, for the import.
class RowIndex {
 public:
  RowIndex(const model::Plan& plan, int year);
  const Row* find(const RowId& id) const;

 private:
  std::vector<Row> rows_;
  std::unordered_map<std::string, std::size_t> by_id_;
};

// A figure cell holds a number (numeric rows) or a text such as a step
// (開設) or 一部運用 (text rows). Numbers are written with at least the
// decimals the row's figures are printed with (93.0 → one).
struct FigureShape {
  bool numeric = true;
  int decimals = 0;
  std::vector<std::string> steps;  // the rule's steps, offered as a list (text rows)
};
FigureShape figure_shape(const model::Plan& plan, const Row& row, Field field, int year);

// The value of a field, as the import compares it: numbers by value (93 equals
// 93.0), texts after trimming (a cell's trailing newline is no change).
struct FieldValue {
  enum class Kind { empty, number, pending, none, text };
  Kind kind = Kind::empty;
  model::Decimal number;
  std::string text;

  static FieldValue of_number(model::Decimal number) { return {Kind::number, number, {}}; }
  static FieldValue of_text(std::string text);  // already trimmed; "" is an empty value
  bool empty() const { return kind == Kind::empty; }
};
bool same(const FieldValue& a, const FieldValue& b);
std::string shown(const FieldValue& value);  // "89.9", "集計中", "―", the text, "(empty)"
// The words for 集計中 and ― as cells show them.
inline constexpr const char* pending_word = "集計中";
inline constexpr const char* none_word = "―";

// The field's value in the plan as loaded now.
FieldValue current_value(const Row& row, Field field, int year);
// A figure as a field value (absent → empty).
FieldValue figure_value(const model::Value& value);

// "施策1-1-1 3「専門職等における…」", "取組み 7-1「…」", "施策1-1-1の本文": a row for messages.
std::string describe(const Row& row);
// The first line's first 40 characters, with "…" when there is more.
std::string first_words(const std::string& text);

// Trims what a cell adds without meaning: CR LF → LF, surrounding blanks
// and line ends (commentary keeps its leading indentation).
std::string trimmed(std::string_view text, bool keep_leading_spaces = false);

}  // namespace hyoka::exchange
