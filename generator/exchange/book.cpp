#include "exchange/book.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "present/numbers.hpp"
#include "present/years.hpp"

namespace hyoka::exchange {
namespace {

// Characters Excel does not allow in a sheet name, and its length limit (in characters).
constexpr std::string_view forbidden_in_sheet_names = "[]:*?/\\";
constexpr std::size_t sheet_name_limit = 31;

std::string truncated_utf8(const std::string& text, std::size_t characters) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == characters) return text.substr(0, i);
  return text;
}

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return text;
}

// "施策" + the policy's printed number, made a valid and unique sheet name
// (Excel compares sheet names without case).
std::string sheet_name(const model::Policy& policy, std::set<std::string>& used) {
  std::string name = "施策" + (policy.number.empty() ? policy.id : policy.number);
  for (char& c : name)
    if (forbidden_in_sheet_names.find(c) != std::string_view::npos) c = '_';
  name = truncated_utf8(name, sheet_name_limit);
  std::string unique = name;
  for (int n = 2; used.count(lower_ascii(unique)); ++n) {
    std::string suffix = "(" + std::to_string(n) + ")";
    unique = truncated_utf8(name, sheet_name_limit - suffix.size()) + suffix;
  }
  used.insert(lower_ascii(unique));
  return unique;
}

std::string stem(const model::Plan& plan, int year, Grouping by, const std::string& owner) {
  std::string base = plan.id + "_" + std::to_string(year) + "_";
  if (by == Grouping::policy) return base + "policy-" + owner;
  return base + (owner.empty() ? "unassigned" : owner);
}

struct ColumnName {
  Column column;
  const char* ja;
  const char* en;
};

constexpr ColumnName column_names[] = {
    {Column::id, "行ID", "Row ID"},
    {Column::policy, "施策", "Policy"},
    {Column::kind, "区分", "Kind"},
    {Column::number, "番号", "No."},
    {Column::name_ja, "名称", "Name"},
    {Column::name_en, "名称（英語）", "Name (English)"},
    {Column::unit, "単位", "Unit"},
    {Column::baseline, "現況値（策定時）", "Baseline"},
    {Column::target, "目標（計画）", "Target (plan)"},
    {Column::revised_target, "修正計画", "Revised target"},
    {Column::rate, "達成状況（％）", "Achievement (%)"},
    {Column::grade, "評価", "Grade"},
};

}  // namespace

std::string kind_label(const Row& row) {
  switch (row.id.kind) {
    case RowKind::indicator: return row.indicator->kind == model::IndicatorKind::outcome ? "成果指標" : "行動量";
    case RowKind::project: return "取組み";
    default: return "本文";
  }
}

// The printed form of a figure for a fixed cell: 95.0以上, 開設, 集計中, ―.
std::string printed(const model::Value& value) {
  switch (value.kind) {
    case model::Value::Kind::number:
      return value.number.to_string() + (value.bound == model::Bound::at_least ? "以上" : value.bound == model::Bound::at_most ? "以下" : "");
    case model::Value::Kind::text: return value.text.ja;
    case model::Value::Kind::pending: return pending_word;
    case model::Value::Kind::none: return none_word;
    case model::Value::Kind::absent: return {};
  }
  return {};
}

const char* code(Grouping by) { return by == Grouping::policy ? "policy" : "division"; }

bool exported_as_digest(Field field) { return field == Field::commentary_ja || field == Field::commentary_en; }

// FNV-1a, 64 bits: stable across runs and machines; it only has to tell a changed text from the same one.
std::string export_digest(const FieldValue& value) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : shown(value)) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(digest_marker) + hex;
}

std::string export_text(Field field, const FieldValue& value) {
  if (value.empty()) return {};
  if (exported_as_digest(field)) return export_digest(value);
  return value.kind == FieldValue::Kind::number ? value.number.to_string() : shown(value);
}

std::size_t Book::row_count() const {
  std::size_t n = 0;
  for (const auto& sheet : sheets) n += sheet.rows.size();
  return n;
}

std::vector<Book> make_books(const model::Plan& plan, const std::vector<Row>& rows, Grouping by, int year) {
  // Owners in a stable order: the plan's divisions as listed, then "none assigned".
  std::vector<std::string> owners;
  if (by == Grouping::policy) {
    for (const auto& policy : plan.policies) owners.push_back(policy.id);
  } else {
    for (const auto& division : plan.divisions) owners.push_back(division.id);
    owners.emplace_back();
  }
  std::vector<Book> books;
  for (const auto& owner : owners) {
    Book book{by, owner, stem(plan, year, by, owner), {}};
    std::set<std::string> used{metadata_sheet};
    for (const Row& row : rows) {
      bool mine = by == Grouping::policy ? row.policy->id == owner : row.owned_by(owner);
      if (!mine) continue;
      if (book.sheets.empty() || book.sheets.back().policy != row.policy)
        book.sheets.push_back({row.policy, sheet_name(*row.policy, used), {}});
      book.sheets.back().rows.push_back(&row);
    }
    if (book.sheets.size() > max_policy_sheets) {
      BookSheet all{nullptr, all_policies_sheet, {}};
      for (const auto& sheet : book.sheets) all.rows.insert(all.rows.end(), sheet.rows.begin(), sheet.rows.end());
      book.sheets = {std::move(all)};
    }
    if (!book.sheets.empty()) books.push_back(std::move(book));
  }
  return books;
}

Metadata metadata_of(const model::Plan& plan, const Book& book, int year) {
  return {1, plan.id, year, book.by, book.owner, plan.report_date};
}

Layout::Layout(std::vector<int> prior_years, bool csv) : prior_years_(std::move(prior_years)), csv_(csv) {
  auto& out = columns_;
  out.push_back(Column::id);
  if (csv_) out.push_back(Column::policy);
  out.insert(out.end(), {Column::number, Column::kind, Column::name_ja, Column::name_en, Column::unit, Column::baseline});
  out.insert(out.end(), prior_years_.size(), Column::prior);
  out.insert(out.end(), {Column::target, Column::revised_target, Column::actual});
  if (!csv_) out.insert(out.end(), {Column::rate, Column::grade});
  out.insert(out.end(), {Column::reason_ja, Column::reason_en, Column::cost, Column::note_ja, Column::note_en, Column::actual_en});
  if (csv_) out.insert(out.end(), {Column::commentary_ja, Column::commentary_en});
}

int Layout::position(Column column) const {
  // In a sheet, commentary spans the row in two merged halves: Japanese from
  // the English name column (the Japanese name column says what the text is),
  // English from the actual column.
  if (!csv_ && column == Column::commentary_ja) return position(Column::name_en);
  if (!csv_ && column == Column::commentary_en) return position(Column::actual);
  auto it = std::find(columns_.begin(), columns_.end(), column);
  return it == columns_.end() ? 0 : static_cast<int>(it - columns_.begin()) + 1;
}

int Layout::prior_position(std::size_t index) const { return position(Column::prior) + static_cast<int>(index); }


std::optional<Column> Layout::column_of(Field field) const {
  switch (field) {
    case Field::actual: return Column::actual;
    case Field::reason_ja: return Column::reason_ja;
    case Field::reason_en: return Column::reason_en;
    case Field::note_ja: return Column::note_ja;
    case Field::note_en: return Column::note_en;
    case Field::actual_en: return Column::actual_en;
    case Field::cost: return Column::cost;
    case Field::commentary_ja: return Column::commentary_ja;
    case Field::commentary_en: return Column::commentary_en;
  }
  return std::nullopt;
}

Layout layout_for(const model::Plan& plan, int year, bool csv) {
  return Layout(plan.years_with_actuals_before(year), csv);
}

std::string header(Column column, int prior_year) {
  if (column == Column::prior)
    return present::fiscal_year_short(prior_year, model::Lang::ja) + "実績\n" + present::fiscal_year_short(prior_year, model::Lang::en) + " actual";
  for (const auto& [c, ja, en] : column_names)
    if (c == column) return std::string(ja) + "\n" + en;
  static const std::map<Column, Field> fields{
      {Column::actual, Field::actual},       {Column::reason_ja, Field::reason_ja},
      {Column::reason_en, Field::reason_en}, {Column::cost, Field::cost},
      {Column::note_ja, Field::note_ja},     {Column::note_en, Field::note_en}, {Column::actual_en, Field::actual_en},
      {Column::commentary_ja, Field::commentary_ja}, {Column::commentary_en, Field::commentary_en}};
  const Field field = fields.at(column);
  return label(field, model::Lang::ja) + "\n" + label(field, model::Lang::en);
}

std::string export_header(Field field) { return std::string("書出時の値 at export: ") + key(field); }

}  // namespace hyoka::exchange
