#include "exchange/rows.hpp"

#include <algorithm>

#include "evaluate/evaluate.hpp"
#include "present/newlines.hpp"

namespace hyoka::exchange {
namespace {

using model::Lang;

struct FieldInfo {
  Field field;
  const char* key;
  const char* ja;
  const char* en;
};

constexpr FieldInfo field_info[] = {
    {Field::actual, "actual", "実績", "Actual"},
    {Field::actual_en, "actual.en", "実績（英語）", "Actual in English (for a text such as 一部運用)"},
    {Field::reason_ja, "reason.ja", "達成状況評価の理由", "Reason for the grade (Japanese)"},
    {Field::reason_en, "reason.en", "理由（英語）", "Reason for the grade (English)"},
    {Field::note_ja, "note.ja", "備考", "Note (Japanese)"},
    {Field::note_en, "note.en", "備考（英語）", "Note (English)"},
    {Field::cost, "cost", "事業費", "Cost"},
    {Field::commentary_ja, "commentary.ja", "本文（日本語）", "Commentary (Japanese)"},
    {Field::commentary_en, "commentary.en", "本文（英語）", "Commentary (English)"},
};

const FieldInfo& info(Field field) {
  return *std::find_if(std::begin(field_info), std::end(field_info), [&](const FieldInfo& i) { return i.field == field; });
}

struct KindPrefix {
  RowKind kind;
  std::string_view prefix;
};
// Longest first, so "pc:" is not read as "p:".
constexpr KindPrefix prefixes[] = {{RowKind::project_commentary, "pc:"},
                                   {RowKind::indicator, "i:"},
                                   {RowKind::project, "p:"},
                                   {RowKind::policy_commentary, "c:"}};

const model::Project* project_in(const model::Policy& policy, const std::string& id) {
  for (const auto& project : policy.projects)
    if (project.id == id) return &project;
  return nullptr;
}

// A project's own divisions, else its policy's (Setagaya names them per policy).
std::vector<std::string> owners(const model::Policy& policy, const model::Project* project) {
  return project && !project->divisions.empty() ? project->divisions : policy.divisions;
}

bool has_plan(const model::Project& project, int year) {
  auto it = project.years.find(year);
  return !project.cross_listed && it != project.years.end() && it->second.plan.present();
}

bool has_commentary(const model::Commentary& commentary) { return commentary.ja || commentary.en; }

void add_policy_rows(const model::Policy& policy, int year, std::vector<Row>& rows) {
  for (const auto& indicator : policy.indicators)
    rows.push_back({{RowKind::indicator, policy.id, indicator.id}, &policy, &indicator, nullptr,
                    owners(policy, project_in(policy, indicator.project))});
  for (const auto& project : policy.projects)
    if (has_plan(project, year))
      rows.push_back({{RowKind::project, policy.id, project.id}, &policy, nullptr, &project, owners(policy, &project)});
  rows.push_back({{RowKind::policy_commentary, policy.id, ""}, &policy, nullptr, nullptr, policy.divisions});
  for (const auto& project : policy.projects)
    if (has_plan(project, year) || (!project.cross_listed && has_commentary(project.commentary)))
      rows.push_back({{RowKind::project_commentary, policy.id, project.id}, &policy, nullptr, &project, owners(policy, &project)});
}

int scale_of(const model::Value& value) { return value.is_number() ? value.number.scale : -1; }

// The decimals an indicator's figures are printed with: its target's, else its baseline's.
int indicator_decimals(const model::Indicator& indicator, int year) {
  auto it = indicator.years.find(year);
  if (it != indicator.years.end()) {
    int scale = std::max(scale_of(it->second.target), scale_of(it->second.revised_target));
    if (scale >= 0) return scale;
  }
  if (indicator.baseline && indicator.baseline->value.is_number()) return indicator.baseline->value.number.scale;
  for (const auto& [y, values] : indicator.years)
    if (values.actual.is_number()) return values.actual.number.scale;
  return 0;
}

FigureShape indicator_shape(const model::Plan& plan, const model::Indicator& indicator, int year) {
  const model::Rule& rule = evaluate::rule_for(plan, indicator.rule);
  FigureShape shape;
  shape.decimals = indicator_decimals(indicator, year);
  auto it = indicator.years.find(year);
  const bool text_target = it != indicator.years.end() && it->second.effective_target().kind == model::Value::Kind::text;
  const bool text_actual = it != indicator.years.end() && it->second.actual.kind == model::Value::Kind::text;
  shape.numeric = rule.method != model::Method::steps && !text_target && !text_actual;
  if (rule.method == model::Method::steps) shape.steps = rule.order;
  return shape;
}

FigureShape project_shape(const model::Plan& plan, const model::Project& project, Field field, int year) {
  FigureShape shape;
  if (field == Field::cost) {
    for (const auto& [y, values] : project.years) shape.decimals = std::max(shape.decimals, scale_of(values.cost));
    return shape;
  }
  auto it = project.years.find(year);
  const model::Value* planned = it != project.years.end() ? &it->second.plan : nullptr;
  shape.numeric = planned && planned->is_number();
  shape.decimals = planned ? std::max(0, scale_of(*planned)) : 0;
  const model::Rule& rule = evaluate::rule_for(plan, project.rule.empty() ? "steps" : project.rule);
  if (!shape.numeric && rule.method == model::Method::steps) shape.steps = rule.order;
  return shape;
}

FieldValue text_value(const std::optional<model::Text>& text, Lang lang) {
  if (!text) return {};
  if (lang == Lang::en) return text->en ? FieldValue::of_text(trimmed(*text->en)) : FieldValue{};
  return FieldValue::of_text(trimmed(text->ja));
}

FieldValue commentary_value(const model::Commentary& commentary, Lang lang) {
  const auto& text = lang == Lang::ja ? commentary.ja : commentary.en;
  return text ? FieldValue::of_text(trimmed(*text, true)) : FieldValue{};
}

// The English of a text figure (empty for numbers and for texts without one).
FieldValue english_of(const model::Value& value) {
  return value.kind == model::Value::Kind::text && value.text.en ? FieldValue::of_text(trimmed(*value.text.en)) : FieldValue{};
}

FieldValue indicator_value(const model::Indicator& indicator, Field field, int year) {
  auto it = indicator.years.find(year);
  if (it == indicator.years.end()) return {};
  const auto& values = it->second;
  switch (field) {
    case Field::actual: return figure_value(values.actual);
    case Field::actual_en: return english_of(values.actual);
    case Field::reason_ja: return text_value(values.reason, Lang::ja);
    case Field::reason_en: return text_value(values.reason, Lang::en);
    case Field::note_ja: return text_value(values.note, Lang::ja);
    case Field::note_en: return text_value(values.note, Lang::en);
    default: return {};
  }
}

FieldValue project_value(const model::Project& project, Field field, int year) {
  auto it = project.years.find(year);
  if (it == project.years.end()) return {};
  const auto& values = it->second;
  switch (field) {
    case Field::actual: return figure_value(values.actual);
    case Field::actual_en: return english_of(values.actual);
    case Field::cost: return figure_value(values.cost);
    case Field::note_ja: return text_value(values.note, Lang::ja);
    case Field::note_en: return text_value(values.note, Lang::en);
    default: return {};
  }
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

}  // namespace

const char* key(Field field) { return info(field).key; }

std::optional<Field> field_named(std::string_view key) {
  for (const auto& i : field_info)
    if (key == i.key) return i.field;
  return std::nullopt;
}

bool is_figure(Field field) { return field == Field::actual || field == Field::cost; }

std::string label(Field field, Lang lang) { return lang == Lang::ja ? info(field).ja : info(field).en; }

std::string RowId::text() const {
  for (const auto& [k, prefix] : prefixes)
    if (k == kind) {
      std::string out(prefix);
      if (kind == RowKind::indicator) return out + policy + "/" + item;
      return out + (kind == RowKind::policy_commentary ? policy : item);
    }
  return {};
}

std::optional<RowId> RowId::parse(std::string_view text) {
  for (const auto& [kind, prefix] : prefixes) {
    if (text.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = text.substr(prefix.size());
    if (rest.empty()) return std::nullopt;
    if (kind == RowKind::policy_commentary) return RowId{kind, std::string(rest), ""};
    if (kind != RowKind::indicator) return RowId{kind, "", std::string(rest)};  // project ids are unique in the plan
    auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size()) return std::nullopt;
    return RowId{kind, std::string(rest.substr(0, slash)), std::string(rest.substr(slash + 1))};
  }
  return std::nullopt;
}

std::vector<Field> fields_of(RowKind kind) {
  switch (kind) {
    case RowKind::indicator: return {Field::actual, Field::actual_en, Field::reason_ja, Field::reason_en, Field::note_ja, Field::note_en};
    case RowKind::project: return {Field::actual, Field::actual_en, Field::cost, Field::note_ja, Field::note_en};
    default: return {Field::commentary_ja, Field::commentary_en};
  }
}

bool Row::owned_by(const std::string& division) const {
  if (owners.empty()) return division.empty();
  return std::find(owners.begin(), owners.end(), division) != owners.end();
}

std::vector<Row> plan_rows(const model::Plan& plan, int year) {
  std::vector<Row> rows;
  for (const auto& policy : plan.policies) add_policy_rows(policy, year, rows);
  return rows;
}

RowIndex::RowIndex(const model::Plan& plan, int year) : rows_(plan_rows(plan, year)) {
  by_id_.reserve(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) by_id_.emplace(rows_[i].id.text(), i);
}

const Row* RowIndex::find(const RowId& id) const {
  auto it = by_id_.find(id.text());
  return it == by_id_.end() ? nullptr : &rows_[it->second];
}

FigureShape figure_shape(const model::Plan& plan, const Row& row, Field field, int year) {
  if (row.indicator) return indicator_shape(plan, *row.indicator, year);
  if (row.project) return project_shape(plan, *row.project, field, year);
  return {};
}

FieldValue FieldValue::of_text(std::string text) {
  if (text.empty()) return {};
  return {Kind::text, {}, std::move(text)};
}

bool same(const FieldValue& a, const FieldValue& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == FieldValue::Kind::number) return model::compare(a.number, b.number) == 0;
  return a.text == b.text;
}

std::string shown(const FieldValue& value) {
  switch (value.kind) {
    case FieldValue::Kind::empty: return "(empty)";
    case FieldValue::Kind::number: return value.number.to_string();
    case FieldValue::Kind::pending: return pending_word;
    case FieldValue::Kind::none: return none_word;
    case FieldValue::Kind::text: return value.text;
  }
  return {};
}

FieldValue figure_value(const model::Value& value) {
  switch (value.kind) {
    case model::Value::Kind::number: return FieldValue::of_number(value.number);
    case model::Value::Kind::text: return FieldValue::of_text(trimmed(value.text.ja));
    case model::Value::Kind::pending: return {FieldValue::Kind::pending, {}, {}};
    case model::Value::Kind::none: return {FieldValue::Kind::none, {}, {}};
    case model::Value::Kind::absent: return {};
  }
  return {};
}

FieldValue current_value(const Row& row, Field field, int year) {
  switch (row.id.kind) {
    case RowKind::indicator: return indicator_value(*row.indicator, field, year);
    case RowKind::project: return project_value(*row.project, field, year);
    case RowKind::policy_commentary:
      return commentary_value(row.policy->commentary, field == Field::commentary_en ? Lang::en : Lang::ja);
    case RowKind::project_commentary:
      return commentary_value(row.project->commentary, field == Field::commentary_en ? Lang::en : Lang::ja);
  }
  return {};
}

std::string first_words(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  std::size_t characters = 0, at = 0;
  for (; at < line.size() && characters < 40; ++at)
    if ((static_cast<unsigned char>(line[at]) & 0xC0) != 0x80) ++characters;
  while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
  return at < text.size() ? line.substr(0, at) + "…" : text;
}

std::string describe(const Row& row) {
  switch (row.id.kind) {
    case RowKind::indicator:
      return "施策" + row.policy->number + " " + (row.indicator->number.empty() ? row.indicator->id : row.indicator->number) + "「" +
             first_words(row.indicator->name.ja) + "」";
    case RowKind::project: return "取組み " + (row.project->number.empty() ? row.project->id : row.project->number) + "「" + first_words(row.project->name.ja) + "」";
    case RowKind::policy_commentary: return "施策" + row.policy->number + "の本文";
    case RowKind::project_commentary: return "取組み " + row.project->id + "の本文";
  }
  return {};
}

std::string trimmed(std::string_view text, bool keep_leading_spaces) {
  std::string out = present::unix_newlines(text);
  while (!out.empty() && blank(out.back())) out.pop_back();
  std::size_t start = 0;
  if (keep_leading_spaces) {
    for (std::size_t i = 0; i < out.size() && blank(out[i]); ++i)
      if (out[i] == '\n') start = i + 1;  // whole blank lines only
  } else {
    while (start < out.size() && blank(out[start])) ++start;
  }
  return out.substr(start);
}

}  // namespace hyoka::exchange
