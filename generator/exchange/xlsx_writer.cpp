#include "exchange/xlsx_writer.hpp"

#include <dlfcn.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <unordered_map>

#include "exchange/error.hpp"
#include "exchange/formulas.hpp"
#include "exchange/xlsx_reader.hpp"
#include "present/numbers.hpp"
#include "present/years.hpp"

namespace hyoka::exchange {
namespace {

using model::Lang;

constexpr const char* font = "游ゴシック";
constexpr int first_data_row = 4;  // 0-based: title, plan, instructions, header
constexpr double max_row_height = 409;  // Excel's limit, in points

enum Colour : lxw_color_t {
  fixed_fill = 0xF2F2F2, input_fill = 0xFFF2CC, header_fill = 0xD9E1F2, live_fill = 0xE2EFDA,
  section_fill = 0xE7E6E6, reason_fill = 0xF8CBAD, not_applicable_fill = 0xD9D9D9, border = 0xA6A6A6, muted = 0x595959,
};

// Every cell style of the workbook, made once.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    title = make(14, true);
    plain = make();
    guide = make();
    format_set_text_wrap(guide);
    format_set_align(guide, LXW_ALIGN_VERTICAL_TOP);
    muted_text = make(9);
    format_set_font_color(muted_text, Colour::muted);
    format_set_text_wrap(muted_text);
    format_set_align(muted_text, LXW_ALIGN_VERTICAL_TOP);
    link = make();
    format_set_font_color(link, 0x0563C1);
    format_set_underline(link, LXW_UNDERLINE_SINGLE);
    header = cell(header_fill, true);
    format_set_bold(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    section = cell(section_fill, true);
    format_set_bold(section);
    fixed_text = cell(fixed_fill, true);
    fixed_id = cell(fixed_fill, true, 8);
    format_set_font_color(fixed_id, Colour::muted);
    input_text = cell(input_fill, false);
    not_applicable = cell(not_applicable_fill, true);
    grade = cell(live_fill, true);
    format_set_bold(grade);
    format_set_align(grade, LXW_ALIGN_CENTER);
    reason_needed = workbook_add_format(workbook_);
    format_set_bg_color(reason_needed, Colour::reason_fill);
    legend_input = cell(input_fill, true);
    legend_reason = cell(reason_fill, true);
    legend_live = cell(live_fill, true);
  }
  lxw_format* number(int decimals, bool input) {
    auto& cache = input ? input_numbers_ : fixed_numbers_;
    auto it = cache.find(decimals);
    if (it != cache.end()) return it->second;
    lxw_format* f = cell(input ? input_fill : fixed_fill, !input);
    format_set_num_format(f, number_format(decimals).c_str());
    format_set_text_wrap(f);
    return cache[decimals] = f;
  }
  lxw_format* rate(int decimals) {
    auto it = rates_.find(decimals);
    if (it != rates_.end()) return it->second;
    lxw_format* f = cell(live_fill, true);
    format_set_num_format(f, decimals > 0 ? ("0." + std::string(decimals, '0')).c_str() : "0");
    return rates_[decimals] = f;
  }

  lxw_format *title, *plain, *guide, *muted_text, *link, *header, *section, *fixed_text, *fixed_id, *input_text,
      *not_applicable, *grade, *reason_needed, *legend_input, *legend_reason, *legend_live;

 private:
  static std::string number_format(int decimals) {
    return decimals > 0 ? "#,##0." + std::string(decimals, '0') : "#,##0";
  }
  lxw_format* make(double size = 10, bool bold = false) {
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, font);
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    return f;
  }
  lxw_format* cell(lxw_color_t fill, bool locked, double size = 10) {
    lxw_format* f = make(size);
    format_set_bg_color(f, fill);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, Colour::border);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (!locked) format_set_unlocked(f);
    return f;
  }

  lxw_workbook* workbook_;
  std::map<int, lxw_format*> input_numbers_, fixed_numbers_, rates_;
};

// Column widths in character units (a Japanese character takes about two).
double width_of(Column column) {
  switch (column) {
    case Column::id: return 15;
    case Column::number: return 5;
    case Column::kind: return 8;
    case Column::name_ja: return 34;
    case Column::name_en: return 28;
    case Column::unit: return 6;
    case Column::grade: return 6;
    case Column::reason_ja: return 36;
    case Column::reason_en: return 30;
    case Column::note_ja: return 22;
    case Column::note_en: return 20;
    case Column::actual_en: return 18;
    default: return 11;
  }
}

// Display width of a line: ASCII one unit, everything else (kana, kanji) two.
std::size_t display_width(std::string_view line) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) ++width;
    else if ((c & 0xC0) == 0xC0) width += 2;
  }
  return width;
}

std::size_t lines_needed(std::string_view text, double width) {
  std::size_t lines = 0;
  const auto usable = static_cast<std::size_t>(std::max(1.0, width - 1));
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines += std::max<std::size_t>(1, (display_width(text.substr(start, end - start)) + usable - 1) / usable);
    start = end + 1;
  }
  return lines;
}

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "施策1-1-1　重層的支援体制整備事業…", or for the sheet of all policies "全12施策".
std::string sheet_title(const BookSheet& sheet) {
  if (sheet.policy) return "施策" + sheet.policy->number + "　" + sheet.policy->name.ja;
  std::size_t policies = 0;
  const model::Policy* last = nullptr;
  for (const Row* row : sheet.rows)
    if (row->policy != last) ++policies, last = row->policy;
  return "全" + std::to_string(policies) + "施策";
}

// Header and footer codes treat & as a command.
std::string escaped_for_header(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

std::string year_label(int year) { return present::fiscal_year(year, Lang::ja); }

// Who a workbook is for: a policy, a division, or the rows no division owns.
std::string owner_name(const model::Plan& plan, const Book& book, Lang lang = Lang::ja) {
  const bool ja = lang == Lang::ja;
  if (book.by == Grouping::policy) {
    const auto* policy = plan.find_policy(book.owner);
    return (ja ? "施策" : "Policy ") + (policy ? policy->number + (ja ? "　" : " ") + policy->name.in(lang) : book.owner);
  }
  if (const auto* division = plan.find_division(book.owner)) return division->name.in(lang);
  return book.owner.empty() ? (ja ? "所管課の定めのない行" : "Rows with no responsible division") : book.owner;
}

// The same as a heading line: a division's book says whose it is (担当：, For:).
std::string owner_line(const model::Plan& plan, const Book& book, Lang lang) {
  if (book.by == Grouping::policy) return owner_name(plan, book, lang);
  if (lang == Lang::ja) return "担当：" + owner_name(plan, book, lang);
  return (plan.find_division(book.owner) ? "For: " : "") + owner_name(plan, book, lang);
}

std::time_t created_time(const model::Plan& plan, int year) {
  std::tm tm{};
  // The plan's report date; without one, the end of the fiscal year (a fixed
  // time either way, so the same plan gives the same bytes).
  if (plan.report_date.size() == 10) {
    tm.tm_year = std::stoi(plan.report_date.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(plan.report_date.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(plan.report_date.substr(8, 2));
  } else {
    tm.tm_year = year + 1 - 1900;
    tm.tm_mon = 2;
    tm.tm_mday = 31;
  }
  return timegm(&tm);
}

// Data validation, with the strings it points to kept alive.
struct Validation {
  lxw_data_validation spec{};
  std::string formula, title, message, error_title, error_message;
  std::vector<std::string> list;
  std::vector<char*> list_pointers;

  lxw_data_validation* get() {
    spec.input_title = title.empty() ? nullptr : title.data();
    spec.input_message = message.empty() ? nullptr : message.data();
    spec.error_title = error_title.empty() ? nullptr : error_title.data();
    spec.error_message = error_message.empty() ? nullptr : error_message.data();
    if (!formula.empty()) spec.value_formula = formula.data();
    if (!list.empty()) {
      list_pointers.clear();
      for (auto& item : list) list_pointers.push_back(item.data());
      list_pointers.push_back(nullptr);
      spec.value_list = list_pointers.data();
    }
    return &spec;
  }
};

// A formula's same-row references made row-free ("J5" → "J#" in row 5), so
// that rules of consecutive rows compare equal.
std::string row_free(const std::string& formula, lxw_row_t row) {
  const std::string number = std::to_string(row + 1);
  std::string out;
  for (std::size_t i = 0; i < formula.size();) {
    const bool after_column = i > 0 && formula[i - 1] >= 'A' && formula[i - 1] <= 'Z';
    const bool whole = i + number.size() >= formula.size() || !std::isdigit(static_cast<unsigned char>(formula[i + number.size()]));
    if (after_column && formula.compare(i, number.size(), number) == 0 && whole) {
      out += '#';
      i += number.size();
    } else {
      out += formula[i++];
    }
  }
  return out;
}

// Validations and conditional formats, merged over runs of rows that share
// them: one element for J5:J40 instead of 36 (a formula is relative to the
// run's first cell, as Excel applies it). A run goes on over rows that have
// no rule in its column (headings, merged commentary: locked cells, where a
// validation never applies and the highlight's formula is false). The XML
// of a large workbook shrinks several times, and with it the time to write
// and to read it back.
class RangeRules {
 public:
  explicit RangeRules(lxw_worksheet* ws) : ws_(ws) {}
  void validation(lxw_row_t row, lxw_col_t column, Validation v) {
    std::string key = std::to_string(v.spec.validate) + "|" + std::to_string(v.spec.error_type) + "|" + v.title + "|" + v.message +
                      "|" + v.error_title + "|" + v.error_message + "|" + row_free(v.formula, row);
    for (const auto& item : v.list) key += "|" + item;
    add({row, row, column, false, std::move(key), std::move(v), {}, nullptr});
  }
  void highlight(lxw_row_t row, lxw_col_t column, std::string formula, lxw_format* format) {
    std::string key = row_free(formula, row);
    add({row, row, column, true, std::move(key), {}, std::move(formula), format});
  }
  void flush() {
    for (auto& [slot, run] : open_) write(run);
    open_.clear();
  }

 private:
  struct Run {
    lxw_row_t first, last;
    lxw_col_t column;
    bool highlight;
    std::string key;
    Validation validation;
    std::string formula;
    lxw_format* format;
  };
  void add(Run run) {
    auto slot = std::make_pair(run.column, run.highlight);
    auto it = open_.find(slot);
    if (it != open_.end() && it->second.key == run.key) {
      it->second.last = run.first;
      return;
    }
    if (it != open_.end()) write(it->second);
    open_[slot] = std::move(run);
  }
  void write(Run& run) {
    if (run.highlight) {
      lxw_conditional_format format{};
      format.type = LXW_CONDITIONAL_TYPE_FORMULA;
      format.value_string = run.formula.data();
      format.format = run.format;
      worksheet_conditional_format_range(ws_, run.first, run.column, run.last, run.column, &format);
    } else {
      worksheet_data_validation_range(ws_, run.first, run.column, run.last, run.column, run.validation.get());
    }
  }
  lxw_worksheet* ws_;
  std::map<std::pair<lxw_col_t, bool>, Run> open_;
};

class SheetWriter {
 public:
  SheetWriter(lxw_workbook* workbook, Formats& formats, const model::Plan& plan, const evaluate::PlanEvaluation& evaluation,
              const Book& book, const Layout& layout)
      : workbook_(workbook), formats_(formats), plan_(plan), evaluation_(evaluation), book_(book), layout_(layout),
        year_(evaluation.year), reason_labels_(labels_needing_reason(plan)) {}

  void write(const BookSheet& sheet) {
    ws_ = workbook_add_worksheet(workbook_, sheet.name.c_str());
    if (!ws_) throw ExchangeError("cannot add the sheet " + sheet.name, "report this as a bug in hyoka");
    RangeRules rules(ws_);
    rules_ = &rules;
    setup_columns();
    title_rows(sheet);
    lxw_row_t row = first_data_row;
    std::optional<RowKind> previous;
    const model::Policy* policy = nullptr;
    for (const Row* r : sheet.rows) {
      if (!sheet.policy && r->policy != policy) {  // every policy on one sheet: a heading for each
        policy = r->policy;
        previous.reset();
        merged(row++, "施策" + policy->number + "　" + policy->name.ja, formats_.title, 22);
      }
      // A section heading before the projects and before the commentary.
      bool project_commentary_after_policy = r->id.kind == RowKind::project_commentary && previous == RowKind::policy_commentary;
      if (r->id.kind != RowKind::indicator && previous != r->id.kind && !project_commentary_after_policy) section_row(row++, r->id.kind);
      previous = r->id.kind;
      write_row(*r, row);
      ++row;
    }
    rules.flush();
    rules_ = nullptr;
    print_setup(sheet);
    lxw_protection protection{};
    protection.format_columns = 1;
    protection.format_rows = 1;
    worksheet_protect(ws_, nullptr, &protection);
    worksheet_freeze_panes(ws_, first_data_row, static_cast<lxw_col_t>(layout_.position(Column::name_ja)));
  }

 private:
  lxw_col_t col(Column column) const { return static_cast<lxw_col_t>(layout_.position(column) - 1); }
  std::string address(lxw_row_t row, Column column) const { return cell_name(static_cast<int>(row) + 1, layout_.position(column)); }

  void setup_columns() {
    const auto columns = layout_.columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
      worksheet_set_column(ws_, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), width_of(columns[i]), nullptr);
  }

  void merged(lxw_row_t row, const std::string& text, lxw_format* format, double height) {
    worksheet_merge_range(ws_, row, 0, row, static_cast<lxw_col_t>(layout_.last() - 1), text.c_str(), format);
    worksheet_set_row(ws_, row, height, nullptr);
  }

  void title_rows(const BookSheet& sheet) {
    merged(0, year_label(year_) + "　実績入力シート　" + sheet_title(sheet), formats_.title, 24);
    merged(1, plan_.city.ja + "　" + plan_.name.ja + "　／　" + owner_line(plan_, book_, Lang::ja),
           formats_.plain, 18);
    merged(2,
           "黄色のセルに入力します（灰色のセルは変更できません）。数値は半角数字で、カンマや％を付けずに入力します。"
           "集計中のときは「集計中」と入力します。評価が" + join(reason_labels_, "・") + "になると理由のセルが橙色になります：理由を記入してください。"
           "　Fill in the yellow cells; figures as plain numbers (no commas or %).",
           formats_.muted_text, 30);
    const auto columns = layout_.columns();
    for (std::size_t i = 0, prior = 0; i < columns.size(); ++i) {
      int year = columns[i] == Column::prior ? layout_.prior_years()[prior++] : 0;
      worksheet_write_string(ws_, 3, static_cast<lxw_col_t>(i), header(columns[i], year).c_str(), formats_.header);
    }
    worksheet_set_row(ws_, 3, 42, nullptr);
  }

  void section_row(lxw_row_t row, RowKind kind) {
    std::string text = kind == RowKind::project
                           ? "取組み（事業）の年度計画と実績：「目標（計画）」欄が計画の段階、「実績」欄に実績の段階と事業費を入力します。"
                           : "本文（施策の現状と課題・主な取組み、事業の説明など。Markdown）：日本語と英語のセルに入力します。";
    merged(row, text, formats_.section, 20);
  }

  // Rows grow to show their longest text (row heights do not follow wrapped text by themselves).
  void fit(const std::string& text, double width) { lines_ = std::max(lines_, lines_needed(text, width)); }

  void fixed(lxw_row_t row, Column column, const std::string& text, lxw_format* format = nullptr) {
    worksheet_write_string(ws_, row, col(column), text.c_str(), format ? format : formats_.fixed_text);
    if (column != Column::id) fit(text, width_of(column));
  }

  // The fixed cells that name an indicator or project row: number, names, unit.
  template <typename Item>
  void identity(lxw_row_t row, const Item& item) {
    fixed(row, Column::number, item.number);
    fixed(row, Column::name_ja, item.name.ja);
    fixed(row, Column::name_en, item.name.en.value_or(""));
    fixed(row, Column::unit, item.unit);
  }

  void fixed_value(lxw_row_t row, Column column, const model::Value& value, int decimals) {
    if (value.is_number() && value.bound == model::Bound::none)
      worksheet_write_number(ws_, row, col(column), value.number.to_double(), formats_.number(decimals, false));
    else fixed(row, column, printed(value));
  }

  void not_applicable(lxw_row_t row, std::initializer_list<Column> columns) {
    for (Column c : columns)
      if (layout_.position(c)) worksheet_write_blank(ws_, row, col(c), formats_.not_applicable);
  }

  // A fillable cell, prefilled with what the plan holds now.
  void input(lxw_row_t row, lxw_col_t column, const FieldValue& value, const FigureShape& shape, bool figure) {
    lxw_format* format = figure && shape.numeric ? formats_.number(shape.decimals, true) : formats_.input_text;
    switch (value.kind) {
      case FieldValue::Kind::number: worksheet_write_number(ws_, row, column, value.number.to_double(), format); break;
      case FieldValue::Kind::empty: worksheet_write_blank(ws_, row, column, format); break;
      default: worksheet_write_string(ws_, row, column, shown(value).c_str(), format); break;
    }
    if (value.kind == FieldValue::Kind::text) fit(value.text, width_of(layout_.columns()[column]));
  }

  void write_row(const Row& row, lxw_row_t r) {
    fixed(r, Column::id, row.id.text(), formats_.fixed_id);
    fixed(r, Column::kind, kind_label(row));
    lines_ = 1;
    if (row.indicator) {
      identity(r, *row.indicator);
      indicator_figures(row, r);
    } else if (row.id.kind == RowKind::project) {
      identity(r, *row.project);
      project_figures(row, r);
    } else {
      commentary(row, r);
    }
    if (row.id.kind != RowKind::policy_commentary && row.id.kind != RowKind::project_commentary) fill_texts(row, r);
    worksheet_set_row(ws_, r, std::min(max_row_height, 14.0 * static_cast<double>(lines_) + 4), nullptr);
  }

  void prior(lxw_row_t r, std::size_t index, const model::Value* value, int decimals) {
    auto column = static_cast<lxw_col_t>(layout_.prior_position(index) - 1);
    if (value && value->is_number()) return (void)worksheet_write_number(ws_, r, column, value->number.to_double(), formats_.number(decimals, false));
    const std::string text = value ? printed(*value) : "";
    worksheet_write_string(ws_, r, column, text.c_str(), formats_.fixed_text);
    fit(text, width_of(Column::prior));
  }

  const model::Value* year_value(const std::map<int, model::IndicatorYear>& years, int year, model::Value model::IndicatorYear::*member) {
    auto it = years.find(year);
    return it == years.end() ? nullptr : &(it->second.*member);
  }

  void indicator_figures(const Row& row, lxw_row_t r) {
    const auto& indicator = *row.indicator;
    const FigureShape shape = figure_shape(plan_, row, Field::actual, year_);
    if (indicator.baseline) fixed_value(r, Column::baseline, indicator.baseline->value, shape.decimals);
    else fixed(r, Column::baseline, "");
    for (std::size_t i = 0; i < layout_.prior_years().size(); ++i)
      prior(r, i, year_value(indicator.years, layout_.prior_years()[i], &model::IndicatorYear::actual), shape.decimals);
    const auto* target = year_value(indicator.years, year_, &model::IndicatorYear::target);
    const auto* revised = year_value(indicator.years, year_, &model::IndicatorYear::revised_target);
    fixed_value(r, Column::target, target ? *target : model::Value{}, shape.decimals);
    fixed_value(r, Column::revised_target, revised ? *revised : model::Value{}, shape.decimals);
    input(r, col(Column::actual), current_value(row, Field::actual, year_), shape, true);
    validate_figure(r, Column::actual, shape);
    live(row, r, revised && revised->present() ? Column::revised_target : Column::target);
    not_applicable(r, {Column::cost});
  }

  void project_figures(const Row& row, lxw_row_t r) {
    const auto& project = *row.project;
    const FigureShape shape = figure_shape(plan_, row, Field::actual, year_);
    fixed(r, Column::baseline, project.status ? printed(project.status->value) : "");
    for (std::size_t i = 0; i < layout_.prior_years().size(); ++i) {
      auto it = project.years.find(layout_.prior_years()[i]);
      prior(r, i, it == project.years.end() ? nullptr : &it->second.actual, shape.decimals);
    }
    auto it = project.years.find(year_);
    fixed_value(r, Column::target, it->second.plan, shape.decimals);
    input(r, col(Column::actual), current_value(row, Field::actual, year_), shape, true);
    validate_figure(r, Column::actual, shape);
    const FigureShape cost = figure_shape(plan_, row, Field::cost, year_);
    input(r, col(Column::cost), current_value(row, Field::cost, year_), cost, true);
    validate_figure(r, Column::cost, cost);
    not_applicable(r, {Column::revised_target, Column::rate, Column::grade, Column::reason_ja, Column::reason_en});
  }

  // Reason and note cells.
  void fill_texts(const Row& row, lxw_row_t r) {
    for (Field field : fields_of(row.id.kind))
      if (!is_figure(field)) input(r, col(*layout_.column_of(field)), current_value(row, field, year_), {}, false);
    validate_text(r, Column::note_ja, "備考", "必要なときだけ記入します（数値の注記など）。");
    if (row.indicator) {
      validate_text(r, Column::reason_ja, "達成状況評価の理由",
                    "評価が" + join(reason_labels_, "・") + "（目標未達）のときは必ず記入します（セルが橙色になります）。それ以外は空欄でかまいません。");
      highlight_reason(r);
    }
  }

  void commentary(const Row& row, lxw_row_t r) {
    const bool policy = row.id.kind == RowKind::policy_commentary;
    fixed(r, Column::number, policy ? row.policy->number : row.project->number);
    fixed(r, Column::name_ja, policy ? "施策の本文（施策の現状と課題・主な取組み）" : "取組み「" + row.project->name.ja + "」の本文");
    const lxw_col_t ja_first = col(Column::commentary_ja), en_first = col(Column::commentary_en);
    const auto last = static_cast<lxw_col_t>(layout_.last() - 1);
    double ja_width = 0, en_width = 0;
    const auto columns = layout_.columns();
    for (lxw_col_t c = ja_first; c < en_first; ++c) ja_width += width_of(columns[c]);
    for (lxw_col_t c = en_first; c <= last; ++c) en_width += width_of(columns[c]);
    for (auto [field, first, end, width] : {std::tuple{Field::commentary_ja, ja_first, static_cast<lxw_col_t>(en_first - 1), ja_width},
                                            std::tuple{Field::commentary_en, en_first, last, en_width}}) {
      const FieldValue value = current_value(row, field, year_);
      const bool fits = characters(value.text) <= max_cell_characters;
      const std::string text = fits ? value.text : "（本文が長すぎてセルに入りません。ファイルを直接編集してください）";
      worksheet_merge_range(ws_, r, first, r, end, text.c_str(), fits ? formats_.input_text : formats_.fixed_text);
      fit(text, width);
    }
  }

  void live(const Row& row, lxw_row_t r, Column target) {
    const RowCells cells{address(r, Column::actual), address(r, target), address(r, Column::baseline), address(r, Column::rate)};
    auto formulas = live_formulas(plan_, *row.indicator, year_, cells);
    const auto* evaluated = evaluation_.find(*row.indicator);
    const evaluate::Result* result = evaluated ? &evaluated->result : nullptr;
    const auto& rounding = plan_.evaluation.rounding;
    lxw_format* rate_format = formats_.rate(rounding.decimals);
    if (!formulas) {
      fixed(r, Column::rate, result && result->rate ? result->rate->to_string() : "", rate_format);
      fixed(r, Column::grade, result ? result->grade : "", formats_.grade);
      return;
    }
    if (result && result->rate)
      worksheet_write_formula_num(ws_, r, col(Column::rate), formulas->rate.c_str(), rate_format, result->rate->to_double());
    else
      worksheet_write_formula_str(ws_, r, col(Column::rate), formulas->rate.c_str(), rate_format, "");
    worksheet_write_formula_str(ws_, r, col(Column::grade), formulas->grade.c_str(), formats_.grade, result ? result->grade.c_str() : "");
  }

  void highlight_reason(lxw_row_t r) {
    if (reason_labels_.empty()) return;
    std::string any;
    for (const auto& label : reason_labels_) any += (any.empty() ? "" : ",") + address(r, Column::grade) + "=\"" + label + "\"";
    std::string formula = "AND(OR(" + any + "),LEN(" + address(r, Column::reason_ja) + ")=0)";
    rules_->highlight(r, col(Column::reason_ja), formula, formats_.reason_needed);
  }

  void validate_figure(lxw_row_t r, Column column, const FigureShape& shape) {
    Validation v;
    const std::string cell = address(r, column);
    const std::string what = column == Column::cost ? "事業費" : "実績";
    if (!shape.numeric && !shape.steps.empty()) {
      v.spec.validate = LXW_VALIDATION_TYPE_LIST;
      v.list = shape.steps;
      v.list.push_back(pending_word);
      v.title = what + "（段階）";
      v.message = "リストから選びます（集計中のときは「集計中」）。";
      v.error_title = "リストから選んでください";
      v.error_message = "実績の段階はリストの中から選びます。";
    } else if (!shape.numeric) {
      v.spec.validate = LXW_VALIDATION_TYPE_ANY;
      v.title = what;
      v.message = "実績を入力します（数値、または「一部運用」などの文字）。集計中のときは「集計中」。";
    } else {
      v.spec.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
      v.formula = "OR(ISNUMBER(" + cell + ")," + cell + "=\"" + pending_word + "\"," + cell + "=\"" + none_word + "\")";
      v.title = what + "（数値）";
      // The unit is in the column beside it; left out here, so that the rule is one for the whole column.
      v.message = "半角の数字で入力します（例: 89.9）。カンマ・％・全角数字は使いません。集計中のときは「集計中」と入力します。";
      v.error_title = "数値ではありません";
      v.error_message = what + "は半角の数値で入力します（カンマ・％なし）。集計中のときは「集計中」と入力します。" +
                        "「一部運用」など文字の実績のときは「はい」で確定します。";
      // A warning, not a stop: a text actual (一部運用) is something a city prints; figures written as text are refused by the import.
      v.spec.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    }
    v.spec.ignore_blank = LXW_VALIDATION_ON;
    rules_->validation(r, col(column), std::move(v));
  }

  void validate_text(lxw_row_t r, Column column, const std::string& title, const std::string& message) {
    Validation v;
    v.spec.validate = LXW_VALIDATION_TYPE_ANY;
    v.title = title;
    v.message = message;
    rules_->validation(r, col(column), std::move(v));
  }

  void print_setup(const BookSheet& sheet) {
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_fit_to_pages(ws_, 1, 0);
    worksheet_repeat_rows(ws_, 0, 3);
    worksheet_set_margins(ws_, 0.4, 0.4, 0.7, 0.6);
    const std::string head = "&L" + escaped_for_header(plan_.city.ja + "　" + owner_name(plan_, book_)) + "&R" +
                             escaped_for_header(year_label(year_) + "　実績入力　" + sheet_title(sheet));
    worksheet_set_header(ws_, head.c_str());
    worksheet_set_footer(ws_, "&C&P / &N");
  }

  static std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
  }

  lxw_workbook* workbook_;
  Formats& formats_;
  const model::Plan& plan_;
  const evaluate::PlanEvaluation& evaluation_;
  const Book& book_;
  const Layout& layout_;
  int year_;
  std::vector<std::string> reason_labels_;
  lxw_worksheet* ws_ = nullptr;
  RangeRules* rules_ = nullptr;  // of the sheet being written
  std::size_t lines_ = 1;  // of the row being written
};

// A row's values at export, for the import to tell a change from a conflict.
void write_export_values(lxw_worksheet* metadata, lxw_row_t at, const std::string& sheet, const Row& row, int year) {
  worksheet_write_string(metadata, at, 0, sheet.c_str(), nullptr);
  worksheet_write_string(metadata, at, 1, row.id.text().c_str(), nullptr);
  const auto fields = fields_of(row.id.kind);
  lxw_col_t column = 2;
  for (Field field : all_fields) {
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) {
      const FieldValue value = current_value(row, field, year);
      if (characters(value.text) > max_cell_characters) worksheet_write_string(metadata, at, column, not_exported_marker, nullptr);
      else if (value.kind == FieldValue::Kind::number) worksheet_write_number(metadata, at, column, value.number.to_double(), nullptr);
      else if (!value.empty()) worksheet_write_string(metadata, at, column, export_text(field, value).c_str(), nullptr);
    }
    ++column;
  }
}

void write_guide(lxw_worksheet* ws, Formats& formats, const model::Plan& plan, const Book& book, int year) {
  worksheet_set_column(ws, 0, 0, 4, nullptr);
  worksheet_set_column(ws, 1, 1, 70, nullptr);
  worksheet_set_column(ws, 2, 2, 60, nullptr);
  worksheet_set_column(ws, 3, 3, 12, nullptr);
  lxw_row_t row = 0;
  worksheet_write_string(ws, row, 1, (year_label(year) + "　実績入力ブック").c_str(), formats.title);
  worksheet_write_string(ws, row++, 2, ("FY" + std::to_string(year) + " report workbook").c_str(), formats.title);
  worksheet_set_row(ws, 0, 24, nullptr);
  auto line = [&](const std::string& ja, const std::string& en) {
    worksheet_write_string(ws, row, 1, ja.c_str(), formats.guide);
    worksheet_write_string(ws, row, 2, en.c_str(), formats.muted_text);
    worksheet_set_row(ws, row++, std::max(lines_needed(ja, 70), lines_needed(en, 60)) * 14.0 + 4, nullptr);
  };
  line(plan.city.ja + "　" + plan.name.ja, plan.name.en.value_or(""));
  line(owner_line(plan, book, Lang::ja), owner_line(plan, book, Lang::en));
  if (!plan.report_date.empty()) line("報告日：" + plan.report_date, "Report date: " + plan.report_date);
  ++row;
  const std::pair<std::string, std::string> steps[] = {
      {"1. 施策ごとのシートの黄色のセルに入力します。灰色のセルは変更できません（シートは保護されています。パスワードはありません）。",
       "Fill in the yellow cells on each policy's sheet; grey cells are protected (no password)."},
      {"2. 実績は半角の数字で入力します（例: 89.9）。カンマ、％、全角数字は使いません。集計中のときは「集計中」と入力します。",
       "Actuals are plain numbers (89.9): no commas, %, or full-width digits. Type 集計中 when still being tallied."},
      {"3. 段階で示す実績（開設など）は、セルのリストから選びます。", "Steps (such as 開設) are chosen from the cell's list."},
      {"4. 達成状況と評価（緑のセル）は入力に合わせて表示される目安です。公表する値は hyoka が計算します。",
       "The green rate and grade follow what you type (a preview; hyoka computes the published figures)."},
      {"5. 評価が目標未達（橙色のセル）のときは、達成状況評価の理由を記入します。",
       "When the grade falls short, the reason cell turns orange: write the reason."},
      {"6. 英語の欄は任意です（英語版のページに表示されます）。", "English cells are optional (they appear on the English pages)."},
      {"7. 本文の行は、施策や取組みのページに載る文章です（Markdown）。", "Text rows hold the commentary shown on the policy and project pages (Markdown)."},
      {"8. A列の行IDは変更しないでください。行の追加・削除・並べ替えはできません。",
       "Do not change the row IDs in column A; rows cannot be added, deleted or sorted."},
      {"9. 入力が終わったら保存して、企画課に返送します（hyoka import で取り込みます）。",
       "Save the workbook and send it back to the planning section (it is read with hyoka import)."},
  };
  for (const auto& [ja, en] : steps) line(ja, en);
  ++row;
  worksheet_write_string(ws, row, 0, "", formats.legend_input);
  line("入力するセル", "cells to fill");
  worksheet_write_string(ws, row, 0, "", formats.legend_live);
  line("自動で表示される達成状況・評価（目安）", "live rate and grade (preview)");
  worksheet_write_string(ws, row, 0, "", formats.legend_reason);
  line("理由の記入が必要なセル", "a reason is needed");
  ++row;
  worksheet_write_string(ws, row, 1, "シート", formats.header);
  worksheet_write_string(ws, row, 2, "施策", formats.header);
  worksheet_write_string(ws, row++, 3, "行数", formats.header);
  for (const auto& sheet : book.sheets) {
    const std::string url = "internal:'" + sheet.name + "'!A1";
    worksheet_write_url(ws, row, 1, url.c_str(), formats.link);
    worksheet_write_string(ws, row, 1, sheet.name.c_str(), formats.link);
    worksheet_write_string(ws, row, 2, sheet_title(sheet).c_str(), formats.plain);
    worksheet_write_number(ws, row++, 3, static_cast<double>(sheet.rows.size()), formats.plain);
  }
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
}

lxw_row_t write_metadata_head(lxw_worksheet* ws, const Metadata& meta, const Layout& layout) {
  lxw_row_t row = 0;
  auto pair = [&](const std::string& key, const std::string& value) {
    worksheet_write_string(ws, row, 0, key.c_str(), nullptr);
    worksheet_write_string(ws, row++, 1, value.c_str(), nullptr);
  };
  worksheet_write_string(ws, row, 0, metadata_marker, nullptr);
  worksheet_write_number(ws, row++, 1, meta.format, nullptr);
  pair("plan", meta.plan);
  worksheet_write_string(ws, row, 0, "year", nullptr);
  worksheet_write_number(ws, row++, 1, meta.year, nullptr);
  pair("by", code(meta.by));
  pair("owner", meta.owner);
  pair("exported", meta.exported);
  for (Field field : all_fields) pair(std::string("column.") + key(field), column_name(layout.position(*layout.column_of(field))));
  worksheet_write_string(ws, row, 0, "sheet", nullptr);
  worksheet_write_string(ws, row, 1, "row", nullptr);
  lxw_col_t column = 2;
  for (Field field : all_fields) worksheet_write_string(ws, row, column++, key(field), nullptr);
  return row + 1;
}

}  // namespace

void write_xlsx(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, const Book& book, const Layout& layout,
                const std::filesystem::path& file) {
  lxw_workbook* workbook = workbook_new(file.c_str());
  if (!workbook) throw ExchangeError("cannot create " + file.string(), "check that the output folder is writable");
  lxw_doc_properties properties{};
  const std::string title = year_label(evaluation.year) + " 実績入力 " + owner_name(plan, book);
  properties.title = const_cast<char*>(title.c_str());
  properties.author = const_cast<char*>("hyoka");
  properties.company = const_cast<char*>(plan.city.ja.c_str());
  properties.created = created_time(plan, evaluation.year);
  workbook_set_properties(workbook, &properties);
  Formats formats(workbook);
  lxw_worksheet* guide = workbook_add_worksheet(workbook, "入力の手引き");
  write_guide(guide, formats, plan, book, evaluation.year);
  worksheet_activate(guide);
  SheetWriter writer(workbook, formats, plan, evaluation, book, layout);
  for (const auto& sheet : book.sheets) writer.write(sheet);
  // The metadata sheet comes last, hidden.
  lxw_worksheet* metadata = workbook_add_worksheet(workbook, metadata_sheet);
  lxw_row_t row = write_metadata_head(metadata, metadata_of(plan, book, evaluation.year), layout);
  for (const auto& sheet : book.sheets)
    for (const Row* r : sheet.rows) write_export_values(metadata, row++, sheet.name, *r, evaluation.year);
  worksheet_hide(metadata);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw ExchangeError("cannot write " + file.string(), "check that the output folder is writable and has room");
}

}  // namespace hyoka::exchange

// libxlsxwriter (1.1.4, and upstream still) deflates every part of a workbook
// at zlib's default level through minizip, with no option to choose: a third
// of an export's time. Workbook parts are repetitive XML; level 1 writes them
// about three times faster for files about 40% larger (a division's workbook
// stays under a megabyte). This definition takes the
// place of minizip's for the libraries the program loads (ELF symbol
// interposition: the executable's definition comes first) and hands each call
// on to minizip's own with level 1. Were libxlsxwriter ever to bring its own
// zip code, this would go unused and workbooks would only be slower to write.
// The signature is minizip 1.1's (zip.h), declared here rather than adding
// libminizip-dev for one prototype.
extern "C" int zipOpenNewFileInZip4_64(void* file, const char* filename, const void* file_info, const void* extrafield_local,
                                       uInt size_extrafield_local, const void* extrafield_global, uInt size_extrafield_global,
                                       const char* comment, int method, int level, int raw, int window_bits, int mem_level,
                                       int strategy, const char* password, uLong crc_for_crypting, uLong version_made_by,
                                       uLong flag_base, int zip64) {
  using Open = int (*)(void*, const char*, const void*, const void*, uInt, const void*, uInt, const char*, int, int, int, int,
                       int, int, const char*, uLong, uLong, uLong, int);
  static const auto minizip = reinterpret_cast<Open>(dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
  if (!minizip) return -104;  // ZIP_INTERNALERROR
  if (method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION) level = Z_BEST_SPEED;
  return minizip(file, filename, file_info, extrafield_local, size_extrafield_local, extrafield_global, size_extrafield_global,
                 comment, method, level, raw, window_bits, mem_level, strategy, password, crc_for_crypting, version_made_by,
                 flag_base, zip64);
}
