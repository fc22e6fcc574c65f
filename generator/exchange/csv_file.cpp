#include "exchange/csv_file.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <set>

#include "model/json_file.hpp"
#include "present/csv.hpp"

namespace hyoka::exchange {
namespace {

std::string shown_or_empty(const FieldValue& value) {
  if (value.empty()) return {};
  if (value.kind == FieldValue::Kind::number) return value.number.to_string();
  return shown(value);
}

// The printed figure `member` of an indicator's or project's year; empty when the year has no figures.
template <typename Item, typename Year>
std::string printed_in(const Item& item, int year, model::Value Year::*member) {
  auto it = item.years.find(year);
  return it == item.years.end() ? std::string() : printed(it->second.*member);
}

std::string indicator_cell(const Row& row, Column column, int year, const Layout& layout, std::size_t prior) {
  const auto& indicator = *row.indicator;
  switch (column) {
    case Column::number: return indicator.number;
    case Column::name_ja: return indicator.name.ja;
    case Column::name_en: return indicator.name.en.value_or("");
    case Column::unit: return indicator.unit;
    case Column::baseline: return indicator.baseline ? printed(indicator.baseline->value) : "";
    case Column::prior: return printed_in(indicator, layout.prior_years()[prior], &model::IndicatorYear::actual);
    case Column::target: return printed_in(indicator, year, &model::IndicatorYear::target);
    case Column::revised_target: return printed_in(indicator, year, &model::IndicatorYear::revised_target);
    default: return {};
  }
}

std::string project_cell(const Row& row, Column column, int year, const Layout& layout, std::size_t prior) {
  const auto& project = *row.project;
  switch (column) {
    case Column::number: return project.number;
    case Column::name_ja: return row.id.kind == RowKind::project ? project.name.ja : "取組み「" + project.name.ja + "」の本文";
    case Column::name_en: return project.name.en.value_or("");
    case Column::unit: return project.unit;
    case Column::baseline: return project.status ? printed(project.status->value) : "";
    case Column::prior: return printed_in(project, layout.prior_years()[prior], &model::ProjectYear::actual);
    case Column::target: return printed_in(project, year, &model::ProjectYear::plan);
    default: return {};
  }
}

std::string fixed_cell(const Row& row, Column column, int year, const Layout& layout, std::size_t prior) {
  switch (column) {
    case Column::id: return row.id.text();
    case Column::policy: return row.policy->number;
    case Column::kind: return kind_label(row);
    default: break;
  }
  if (row.id.kind == RowKind::indicator) return indicator_cell(row, column, year, layout, prior);
  if (row.project) return project_cell(row, column, year, layout, prior);
  if (column == Column::number) return row.policy->number;
  if (column == Column::name_ja) return "施策の本文（施策の現状と課題・主な取組み）";
  return {};
}

std::vector<std::string> csv_row(const Row& row, const Layout& layout, int year) {
  const auto fields = fields_of(row.id.kind);
  auto has = [&](Field f) { return std::find(fields.begin(), fields.end(), f) != fields.end(); };
  std::vector<std::string> cells;
  std::size_t prior = 0;
  for (Column column : layout.columns()) {
    std::optional<Field> field;
    for (Field f : all_fields)
      if (layout.column_of(f) == column) field = f;
    if (field) cells.push_back(has(*field) ? shown_or_empty(current_value(row, *field, year)) : "");
    else cells.push_back(fixed_cell(row, column, year, layout, column == Column::prior ? prior++ : 0));
  }
  for (Field f : all_fields) cells.push_back(has(f) ? export_text(f, current_value(row, f, year)) : "");
  return cells;
}

struct Iconv {
  iconv_t handle;
  Iconv(const char* to, const char* from) : handle(iconv_open(to, from)) {
    if (handle == reinterpret_cast<iconv_t>(-1)) throw ExchangeError(std::string("iconv cannot convert ") + from + " to " + to,
                                                                     "install the C library's character sets (glibc's gconv)");
  }
  ~Iconv() { iconv_close(handle); }
  // nullopt when a byte sequence has no form in the target.
  std::optional<std::string> convert(std::string_view input) const {
    std::string out(input.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(input.data());
    std::size_t in_left = input.size(), done = 0;
    iconv(handle, nullptr, nullptr, nullptr, nullptr);
    while (in_left > 0) {
      char* out_ptr = out.data() + done;
      std::size_t out_left = out.size() - done;
      std::size_t result = iconv(handle, &in, &in_left, &out_ptr, &out_left);
      done = out.size() - out_left;
      if (result != static_cast<std::size_t>(-1)) break;
      if (errno != E2BIG) return std::nullopt;
      out.resize(out.size() * 2);
    }
    out.resize(done);
    return out;
  }
};

std::size_t utf8_length(unsigned char lead) { return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4; }

}  // namespace

std::string csv_header(Column column, int prior_year) {
  std::string text = header(column, prior_year);
  auto newline = text.find('\n');
  return newline == std::string::npos ? text : text.substr(0, newline) + " / " + text.substr(newline + 1);
}

std::string write_csv(const Book& book, const Layout& layout, const Metadata& meta) {
  std::vector<std::string> head;
  std::size_t prior = 0;
  for (Column column : layout.columns()) head.push_back(csv_header(column, column == Column::prior ? layout.prior_years()[prior++] : 0));
  for (Field field : all_fields) head.push_back(export_header(field));
  std::vector<present::csv::Row> rows;
  rows.push_back(head);
  for (const auto& sheet : book.sheets)
    for (const Row* row : sheet.rows) rows.push_back(csv_row(*row, layout, meta.year));
  present::csv::Row first{metadata_marker, "format=" + std::to_string(meta.format), "plan=" + meta.plan,
                       "year=" + std::to_string(meta.year), std::string("by=") + code(meta.by), "owner=" + meta.owner,
                       "exported=" + meta.exported};
  return present::csv::document(first, rows);
}

DecodedText decode_text(const std::string& bytes) {
  if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0)
    throw ExchangeError("the file is UTF-16 text (Excel's \"Unicode text\"), not CSV",
                        "save it from Excel as \"CSV UTF-8 (コンマ区切り)\" or \"CSV (コンマ区切り)\"");
  const bool bom = bytes.rfind("\xEF\xBB\xBF", 0) == 0;
  std::string_view body = std::string_view(bytes).substr(bom ? 3 : 0);
  auto bad = model::invalid_utf8_at(body);
  if (!bad) return {std::string(body), bom ? "UTF-8 (BOM)" : "UTF-8", false};
  if (!bom) {
    if (auto text = Iconv("UTF-8", "CP932").convert(body)) return {std::move(*text), "Shift_JIS (CP932)", true};
  }
  throw ExchangeError("the file is neither UTF-8 nor Shift_JIS (CP932): a byte at " + model::line_column(body, *bad) +
                          " is not a character in either",
                      "save it from Excel as \"CSV UTF-8 (コンマ区切り)\"");
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text, std::size_t max_rows) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  std::size_t line = 1, quote_line = 0;
  auto end_cell = [&] {
    row.push_back(std::move(cell));
    cell.clear();
  };
  auto end_row = [&] {
    end_cell();
    if (rows.size() >= max_rows)
      throw ExchangeError("the file has more than " + std::to_string(max_rows) + " lines", "import the file hyoka exported, filled in");
    rows.push_back(std::move(row));
    row.clear();
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
      else if (c == '"') quoted = false;
      else cell += c;
      if (c == '\n') ++line;
      continue;
    }
    any = true;
    if (c == '"') {
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      cell += c;
    }
  }
  if (quoted)
    throw ExchangeError("a quoted cell opened on line " + std::to_string(quote_line) + " is never closed (the file is cut off or damaged)",
                        "save the file again from the spreadsheet");
  if (any || !cell.empty() || !row.empty()) end_row();
  return rows;
}

std::string characters_without_cp932(std::string_view utf8) {
  const Iconv to("CP932", "UTF-8"), back("UTF-8", "CP932");
  auto survives = [&](std::string_view text) {
    auto encoded = to.convert(text);
    if (!encoded) return false;
    auto decoded = back.convert(*encoded);
    return decoded && *decoded == text;
  };
  if (survives(utf8)) return {};
  std::string missing;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t n = std::min(utf8_length(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    std::string character(utf8.substr(i, n));
    if (n > 1 && !seen.count(character) && !survives(character)) {
      seen.insert(character);
      missing += (missing.empty() ? "" : " ") + character;
    }
    i += n;
  }
  return missing;
}

}  // namespace hyoka::exchange
