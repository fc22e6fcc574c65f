#include "pdf/sheet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "pdf/flow.hpp"
#include "present/figures.hpp"
#include "present/grades.hpp"
#include "present/numbers.hpp"
#include "present/years.hpp"
#include "pdf/pdf.hpp"

namespace hyoka::pdf {

using model::Lang;

namespace {

std::string joined(const std::string& a, const std::string& b, Lang lang) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + (lang == Lang::ja ? "　" : " ") + b;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

struct Paragraph {
  bool heading = false;
  std::string text;
};

// Markdown commentary as plain paragraphs: a sheet prints text, not markup.
std::vector<Paragraph> plain_markdown(const std::string& markdown) {
  std::vector<Paragraph> out;
  std::size_t start = 0;
  while (start < markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    std::string line = markdown.substr(start, end - start);
    start = end + 1;
    std::size_t i = line.find_first_not_of(' ');
    if (i == std::string::npos) {
      if (!out.empty() && !out.back().text.empty()) out.push_back({});
      continue;
    }
    if (line.find_first_not_of("-*_ ") == std::string::npos) {  // a thematic break (---) ends a paragraph
      if (!out.empty() && !out.back().text.empty()) out.push_back({});
      continue;
    }
    bool heading = line[i] == '#';
    if (heading) line = line.substr(std::min(line.size(), line.find_first_not_of("# ", i)));
    else if (line.compare(i, 2, "- ") == 0 || line.compare(i, 2, "* ") == 0) line = "・" + line.substr(i + 2);
    else line = line.substr(i);
    while (!line.empty() && line.back() == ' ') line.pop_back();  // Markdown's two-space line break
    line = replace_all(replace_all(line, "**", ""), "__", "");
    bool starts_item = heading || line.rfind("・", 0) == 0 || (std::isdigit(static_cast<unsigned char>(line[0])) && line.find(". ") != std::string::npos);
    if (heading || starts_item || out.empty() || out.back().heading || out.back().text.empty())
      out.push_back({heading, line});
    else
      out.back().text += "\n" + line;
  }
  std::erase_if(out, [](const Paragraph& p) { return p.text.empty(); });
  return out;
}

// A row of a table: an indicator or a project.
struct Row {
  const model::Indicator* indicator = nullptr;
  const model::Project* project = nullptr;
};

class SheetComposer {
 public:
  SheetComposer(const SheetContext& ctx, const model::Policy& policy)
      : ctx_(ctx), policy_(policy) {
    year_ = ctx.evaluation.year ? ctx.evaluation.year : ctx.plan.evaluation_year;
    body_.size = ctx.layout.font_size;
    body_.ascent = ctx.font.ascender() / 1000.0;
    body_.descent = ctx.font.descender() / 1000.0;
    header_ = body_;
    header_.size = ctx.layout.header_size;
    left_ = ctx.layout.margin;
    width_ = ctx.layout.page_width - 2 * ctx.layout.margin;
  }

  std::vector<Page> compose() {
    std::vector<Page> pages;
    double bottom = ctx_.layout.page_height - ctx_.layout.margin - footer_height;
    Flow flow(pages, ctx_.font, bottom, [this](Page& page, std::size_t index) { return start_page(page, index); });
    Cursor c = flow.first_page();
    for (const auto& row : ctx_.layout.header) {
      TableModel band = header_row(row);
      if (!band.records.empty()) c = flow.place_table(c, left_, band, "");
    }
    for (const auto& block : ctx_.layout.body) c = place_block(flow, gap(c), block);
    return pages;
  }

 private:
  const SheetContext& ctx_;
  const model::Policy& policy_;
  int year_ = 0;
  Style body_, header_;
  double left_ = 0, width_ = 0;

  std::string t(const model::Text& text) const { return text.in(ctx_.lang); }
  std::string t(const std::optional<model::Text>& text) const { return text ? t(*text) : std::string(); }
  std::string continued() const { return t(ctx_.layout.label("continued")); }
  static Cursor gap(Cursor c) { return {c.page, c.y + 6}; }

  // Continuation pages repeat who the sheet is about, marked (続き).
  double start_page(Page& page, std::size_t index) {
    double top = ctx_.layout.margin;
    if (index == 0) return top;
    std::string head = policy_title(policy_, ctx_.lang) + continued();
    Cell cell = make_cell(ctx_.font, head, width_, header_, Align::left, 1.0);
    cell.lines.resize(1);  // one line is enough to say whose page this is
    cell.widths.resize(1);
    double h = header_.line_height() + 2 * header_.pad_y;
    page.texts.push_back({left_, top + header_.pad_y + (header_.line_height() - header_.size) / 2 +
                                     header_.size * header_.ascent,
                          header_.size, cell.widths[0], cell.lines[0], Box{left_, top, width_, h}});
    return top + h + 4;
  }

  // ---- header band ----

  std::string header_field(const std::string& field) const {
    const model::Area* area = nullptr;
    for (const auto& a : ctx_.plan.areas)
      if (a.id == policy_.area) area = &a;
    if (field == "document_title") return t(ctx_.layout.title);
    if (field == "plan") return t(ctx_.plan.name);
    if (field == "city") return t(ctx_.plan.city);
    if (field == "city_plan") return joined(t(ctx_.plan.city), t(ctx_.plan.name), ctx_.lang);
    if (field == "area") return area ? area_title(*area, ctx_.lang) : policy_.area;
    if (field == "vision") return area ? t(area->vision) : std::string();
    if (field == "group") return t(policy_.group);
    if (field == "policy") return policy_title(policy_, ctx_.lang);
    if (field == "policy_number") return policy_.number;
    if (field == "policy_name") return t(policy_.name);
    if (field == "target_state") return t(policy_.target_state);
    if (field == "page_ref") return policy_.page_ref;
    if (field == "fiscal_year") return present::fiscal_year(year_, ctx_.lang);
    if (field == "divisions") return division_names(policy_.divisions, ctx_.lang == Lang::ja ? "、" : ", ");
    if (field == "commentary") return commentary(policy_.commentary);
    throw PdfError(fmt::format("layout {}: unknown header field \"{}\"", ctx_.layout.name, field));
  }

  TableModel header_row(const std::vector<HeaderCell>& cells) {
    TableModel table;
    table.style = header_;
    double total = 0;
    std::vector<std::string> values;
    for (const auto& cell : cells) {
      values.push_back(header_field(cell.field));
      total += (cell.label.ja.empty() ? 0 : cell.label_width) + cell.width;
    }
    if (std::all_of(values.begin(), values.end(), [](const auto& v) { return v.empty(); })) return table;
    table.records.emplace_back();
    auto& row = table.records.back().subrows.emplace_back();
    auto add = [&](const std::string& text, double share, Align align, double gray, double size) {
      double w = width_ * share / total;
      table.widths.push_back(w);
      table.spanning.push_back(false);
      row.push_back(make_cell(ctx_.font, text, w, header_, align, gray, size));
    };
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const auto& cell = cells[i];
      if (!cell.label.ja.empty()) add(t(cell.label), cell.label_width, Align::center, header_.header_gray, 0);
      add(values[i], cell.width, cell.align, 1.0, cell.size);
    }
    table.records.back().span.resize(table.widths.size());
    return table;
  }

  std::string division_names(const std::vector<std::string>& ids, const std::string& separator) const {
    std::string out;
    for (const auto& id : ids) {
      std::string name = id;
      for (const auto& d : ctx_.plan.divisions)
        if (d.id == id) name = t(d.name);
      out += (out.empty() ? "" : separator) + name;
    }
    return out;
  }

  std::vector<Paragraph> commentary_paragraphs(const model::Commentary& c) const {
    const auto& text = ctx_.lang == Lang::en && c.en ? c.en : c.ja;
    return text ? plain_markdown(*text) : std::vector<Paragraph>{};
  }

  std::string commentary(const model::Commentary& c) const {
    std::string out;
    for (const auto& p : commentary_paragraphs(c)) out += (out.empty() ? "" : "\n") + p.text;
    return out;
  }

  // ---- blocks ----

  Cursor place_block(Flow& flow, Cursor c, const BlockSpec& block) {
    if (block.type == "table") return place_spec(flow, c, left_, width_, block.table);
    if (block.type == "columns") return place_columns(flow, c, block);
    if (block.type == "legend") return flow.place_text(c, left_, width_, legend(block), body_);
    if (block.type == "footnotes") return flow.place_text(c, left_, width_, footnotes(), body_);
    return place_text_block(flow, c, block);
  }

  Cursor place_spec(Flow& flow, Cursor c, double x, double width, const TableSpec& spec) {
    TableModel table = build_table(spec, width);
    if (table.records.empty()) return {c.page, c.y - 6};  // nothing printed: take back the gap
    return flow.place_table(c, x, table, continued());
  }

  // Tables side by side when each gets its minimum width, else one below the other.
  Cursor place_columns(Flow& flow, Cursor c, const BlockSpec& block) {
    constexpr double spacing = 6;
    double shares = 0;
    for (double s : block.widths) shares += s;
    double avail = width_ - spacing * static_cast<double>(block.columns.size() - 1);
    bool fits = std::all_of(block.widths.begin(), block.widths.end(),
                            [&](double s) { return avail * s / shares >= block.min_width; });
    if (!fits) {
      for (const auto& spec : block.columns) c = gap(place_spec(flow, c, left_, width_, spec));
      return {c.page, c.y - 6};
    }
    Cursor end = c;
    double x = left_;
    for (std::size_t i = 0; i < block.columns.size(); ++i) {
      double w = avail * block.widths[i] / shares;
      Cursor done = place_spec(flow, c, x, w, block.columns[i]);
      if (done.page > end.page || (done.page == end.page && done.y > end.y)) end = done;
      x += w + spacing;
    }
    return end;
  }

  Cursor place_text_block(Flow& flow, Cursor c, const BlockSpec& block) {
    std::vector<Paragraph> paragraphs;
    if (block.field == "commentary") {
      paragraphs = commentary_paragraphs(policy_.commentary);
    } else {
      std::string text = block.field == "target_state" ? t(policy_.target_state) : header_field(block.field);
      std::size_t start = 0;
      while (start < text.size()) {  // one record per line, so a long text breaks between them
        std::size_t end = std::min(text.find('\n', start), text.size());
        if (end > start) paragraphs.push_back({false, text.substr(start, end - start)});
        start = end + 1;
      }
    }
    // The block's own title already says what a leading heading would.
    if (!paragraphs.empty() && paragraphs.front().heading && paragraphs.front().text == t(block.title))
      paragraphs.erase(paragraphs.begin());
    if (paragraphs.empty()) return {c.page, c.y - 6};
    TableModel table;
    table.style = body_;
    table.widths = {width_};
    table.spanning = {false};
    if (!block.title.ja.empty())
      table.header = {make_cell(ctx_.font, t(block.title), width_, body_, Align::left, body_.header_gray)};
    for (const auto& p : paragraphs) {
      double gray = p.heading ? 0.93 : 1.0;
      table.records.push_back({{Cell{}}, {{make_cell(ctx_.font, p.text, width_, body_, Align::left, gray)}}});
    }
    return flow.place_table(c, left_, table, continued());
  }

  std::string legend(const BlockSpec& block) const {
    const auto& eval = ctx_.plan.evaluation;
    std::string text;
    if (eval.legend) {
      text = t(*eval.legend);
    } else {
      for (std::size_t i = 0; i < eval.scale.size(); ++i) {
        const auto& g = eval.scale[i];
        std::string rule = g.description ? t(*g.description) : present::grade_condition(eval.scale, i, ctx_.lang);
        text += (text.empty() ? "" : ctx_.lang == Lang::ja ? "、" : ", ") + g.label + ": " + rule;
      }
    }
    if (text.empty()) return text;
    if (!block.mark.ja.empty() && text.rfind("※", 0) != 0) text = t(block.mark) + (ctx_.lang == Lang::ja ? "　" : " ") + text;
    return block.title.ja.empty() ? text : t(block.title) + "\n" + text;
  }

  std::string footnotes() const {
    std::string out;
    for (const auto& f : policy_.footnotes) {
      std::string term = f.term;  // a glossary id: print the term and its definition
      for (const auto& g : ctx_.plan.glossary)
        if (g.id == f.term) term = t(g.term) + (ctx_.lang == Lang::ja ? "：" : ": ") + t(g.definition);
      out += f.mark + (f.mark.empty() ? "" : " ") + term + "\n";
    }
    return out;
  }

  // ---- tables ----

  std::vector<Row> rows_of(const TableSpec& spec) const {
    std::vector<Row> rows;
    if (spec.rows == "projects") {
      for (const auto& p : policy_.projects) rows.push_back({nullptr, &p});
      return rows;
    }
    const auto& graded = ctx_.plan.evaluation.graded_kinds;
    for (const auto& ind : policy_.indicators) {
      bool take = spec.rows == "indicators" || (spec.rows == "activity" && ind.kind == model::IndicatorKind::activity) ||
                  (spec.rows == "outcome" && ind.kind == model::IndicatorKind::outcome);
      if (spec.rows == "reasons") {
        auto* r = result(ind);
        bool listed = r && std::find(spec.grades.begin(), spec.grades.end(), r->result.grade) != spec.grades.end();
        bool is_graded = std::find(graded.begin(), graded.end(), ind.kind) != graded.end();
        take = is_graded && (listed || reason(ind).size() > 0);
      }
      if (take) rows.push_back({&ind, nullptr});
    }
    return rows;
  }

  std::vector<ColumnSpec> expand_columns(const TableSpec& spec, const std::vector<Row>& rows) const {
    std::vector<ColumnSpec> out;
    for (const auto& column : spec.columns) {
      if (column.each_year.empty()) {
        out.push_back(column);
        continue;
      }
      std::set<int> years;
      if (column.each_year == "period") {
        for (int y = ctx_.plan.period_start; y <= ctx_.plan.period_end; ++y) years.insert(y);
      } else {
        for (const auto& row : rows) {
          if (row.indicator)
            for (const auto& [y, _] : row.indicator->years) years.insert(y);
          if (row.project)
            for (const auto& [y, _] : row.project->years) years.insert(y);
        }
      }
      for (int y : years) {
        ColumnSpec c = column;
        c.year = y;
        out.push_back(c);
      }
    }
    return out;
  }

  std::string column_label(const ColumnSpec& column) const {
    std::string label = column.label.ja.empty() && column.field == "subrow_value" ? "{fy}" : t(column.label);
    int y = column.year.value_or(year_);
    label = replace_all(label, "{nendo}", present::era_year_number(y));  // 6年度, as Suginami prints it
    return replace_all(replace_all(label, "{fy}", present::fiscal_year_short(y, ctx_.lang)), "{year}", std::to_string(y));
  }

  TableModel build_table(const TableSpec& spec, double width) {
    std::vector<Row> rows = rows_of(spec);
    std::vector<ColumnSpec> columns = expand_columns(spec, rows);
    TableModel table;
    table.style = body_;
    double shares = 0;
    for (const auto& c : columns) shares += c.width;
    for (const auto& c : columns) {
      table.widths.push_back(width * c.width / shares);
      table.spanning.push_back(!spec.subrows.empty() && c.field.rfind("subrow_", 0) != 0);
      table.header.push_back(make_cell(ctx_.font, column_label(c), table.widths.back(), body_, Align::center,
                                       body_.header_gray));
    }
    table.title = t(spec.title);
    for (const auto& row : rows) table.records.push_back(record(spec, columns, table, row));
    if (rows.empty() && !spec.empty.ja.empty()) table.records.push_back(empty_record(spec, table));
    return table;
  }

  Record empty_record(const TableSpec& spec, const TableModel& table) const {
    Record r;
    r.span.resize(table.widths.size());
    r.subrows.resize(1);
    std::size_t widest = static_cast<std::size_t>(
        std::max_element(table.widths.begin(), table.widths.end()) - table.widths.begin());
    for (std::size_t c = 0; c < table.widths.size(); ++c)
      r.subrows[0].push_back(make_cell(ctx_.font, c == widest ? t(spec.empty) : "", table.widths[c], body_));
    std::fill(r.span.begin(), r.span.end(), Cell{});
    return r;
  }

  Record record(const TableSpec& spec, const std::vector<ColumnSpec>& columns, const TableModel& table,
                const Row& row) const {
    Record r;
    std::size_t subrow_count = std::max<std::size_t>(1, spec.subrows.size());
    r.subrows.resize(subrow_count);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const ColumnSpec& col = columns[c];
      double w = table.widths[c];
      if (table.spanning[c]) {
        r.span.push_back(make_cell(ctx_.font, field(col, row, nullptr), w, body_, col.align));
        for (auto& sub : r.subrows) sub.emplace_back();
        continue;
      }
      r.span.emplace_back();
      for (std::size_t s = 0; s < subrow_count; ++s) {
        const SubrowSpec* sub = spec.subrows.empty() ? nullptr : &spec.subrows[s];
        r.subrows[s].push_back(make_cell(ctx_.font, field(col, row, sub), w, body_, col.align));
      }
    }
    omit_empty_subrows(spec, columns, r);
    return r;
  }

  // Drops the sub-rows marked omit_empty whose value cells are all blank (keeping at least one).
  static void omit_empty_subrows(const TableSpec& spec, const std::vector<ColumnSpec>& columns, Record& r) {
    for (std::size_t s = spec.subrows.size(); s-- > 0 && r.subrows.size() > 1;) {
      if (!spec.subrows[s].omit_empty) continue;
      bool blank = true;
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].field == "subrow_value" && !r.subrows[s][c].lines.empty()) blank = false;
      if (blank) r.subrows.erase(r.subrows.begin() + static_cast<long>(s));
    }
  }

  const evaluate::IndicatorResult* result(const model::Indicator& ind) const { return ctx_.evaluation.find(ind); }

  // A figure as the sheet prints it: with its unit, and its note on the next line.
  std::string figure(const model::Value& value, const std::string& unit) const {
    std::string out = present::figure(ctx_.plan, value, unit, ctx_.lang).text;
    return value.note ? out + "\n" + t(*value.note) : out;
  }

  std::string reason(const model::Indicator& ind) const {
    auto it = ind.years.find(year_);
    return it != ind.years.end() && it->second.reason ? t(*it->second.reason) : std::string();
  }

  std::string field(const ColumnSpec& col, const Row& row, const SubrowSpec* sub) const {
    int y = col.year.value_or(year_);
    if (col.field == "subrow_label") return sub ? t(sub->label) : std::string();
    std::string key = col.field == "subrow_value" ? (sub ? sub->value : std::string()) : col.field;
    if (row.indicator) return indicator_field(key, *row.indicator, y);
    return project_field(key, *row.project, y);
  }

  std::string indicator_field(const std::string& key, const model::Indicator& ind, int y) const {
    auto year = ind.years.find(y);
    const model::IndicatorYear* iy = year == ind.years.end() ? nullptr : &year->second;
    auto value = [&](const model::Value& v) { return figure(v, ind.unit); };
    const auto* res = y == year_ ? result(ind) : nullptr;
    if (key == "number") return ind.number;
    if (key == "name") return t(ind.name);
    if (key == "name_note") return t(ind.name) + (ind.note ? "\n" + t(*ind.note) : "");
    if (key == "baseline") return baseline(ind);
    if (key == "unit") return present::unit_name(ctx_.plan, ind.unit, ctx_.lang);
    if (key == "description") return t(ind.description);
    if (key == "source") return t(ind.source);
    if (key == "note") return t(ind.note);
    if (key == "target") return iy ? value(iy->target) : "";
    if (key == "revised_target") return iy ? value(iy->revised_target) : "";
    if (key == "effective_target") return iy ? value(iy->effective_target()) : "";
    if (key == "actual") return iy ? value(iy->actual) : "";
    if (key == "rate") return res || y == year_ ? present::percent_or_dash(res ? res->result.rate : std::nullopt, ctx_.lang) : "";
    if (key == "grade") return present::grade_or_dash(res ? res->result.grade : "", ctx_.lang);
    if (key == "explanation") return res ? t(res->result.explanation) : "";
    if (key == "reason") return iy && iy->reason ? t(*iy->reason) : "";
    if (key == "project") return project_name(ind.project);
    if (key == "divisions") return indicator_divisions(ind);
    if (key.empty()) return {};
    throw PdfError(fmt::format("layout {}: unknown indicator field \"{}\"", ctx_.layout.name, key));
  }

  std::string baseline(const model::Indicator& ind) const {
    if (!ind.baseline) return {};
    std::string out = figure(ind.baseline->value, ind.unit);
    std::string when = ind.baseline->label ? t(*ind.baseline->label)
                       : ind.baseline->year ? present::fiscal_year_short(*ind.baseline->year, ctx_.lang)
                                            : std::string();
    if (when.empty()) return out;
    return out + "\n" + (ctx_.lang == Lang::ja ? "（" + when + "）" : "(" + when + ")");
  }

  std::string project_name(const std::string& id) const {
    for (const auto& p : policy_.projects)
      if (p.id == id) return joined(p.number, t(p.name), ctx_.lang);
    return {};
  }

  std::string indicator_divisions(const model::Indicator& ind) const {
    for (const auto& p : policy_.projects)
      if (p.id == ind.project && !p.divisions.empty()) return division_names(p.divisions, "\n");
    return division_names(policy_.divisions, "\n");
  }

  std::string project_field(const std::string& key, const model::Project& p, int y) const {
    auto year = p.years.find(y);
    const model::ProjectYear* py = year == p.years.end() ? nullptr : &year->second;
    auto value = [&](const model::Value& v, const std::string& unit) { return figure(v, unit); };
    if (key == "number") return p.number;
    if (key == "name") return t(p.name);
    if (key == "name_marked")  // Nerima marks priority projects with ★ before the name
      return p.priority ? t(ctx_.layout.label("priority")) + " " + t(p.name) : t(p.name);
    if (key == "description") return t(p.description);
    if (key == "description_or_commentary") return p.description ? t(p.description) : commentary(p.commentary);
    if (key == "commentary") return commentary(p.commentary);
    if (key == "note") return t(p.note);
    if (key == "priority") return p.priority ? t(ctx_.layout.label("priority")) : "";
    if (key == "cross_listed") return cross_listed(p);
    if (key == "divisions") return division_names(p.divisions.empty() ? policy_.divisions : p.divisions, "\n");
    if (key == "status") return dated(p.status, p.unit);
    if (key == "goal") return dated(p.goal, p.unit);
    if (key == "plan") return py ? value(py->plan, p.unit) : "";
    if (key == "actual") return py ? value(py->actual, p.unit) : "";
    if (key == "cost") return py ? value(py->cost, "") : "";
    if (key == "cost_total") return p.cost_total ? present::grouped(*p.cost_total) : "";
    if (key.empty()) return {};
    // Indicator fields on a project row (a layout mixing both) print nothing.
    return {};
  }

  std::string dated(const std::optional<model::DatedValue>& d, const std::string& unit) const {
    if (!d) return {};
    return figure(d->value, unit);
  }

  std::string cross_listed(const model::Project& p) const {
    if (!p.cross_listed) return {};
    std::string label = t(ctx_.layout.label("cross_listed"));
    if (p.cross_listed->external) return label + "\n" + t(*p.cross_listed->external);
    for (const auto& policy : ctx_.plan.policies)
      for (const auto& owner : policy.projects)
        if (owner.id == p.cross_listed->project)
          return label + "\n" + joined(policy.number, owner.number, ctx_.lang);
    return label;
  }
};

}  // namespace

std::string policy_title(const model::Policy& policy, Lang lang) {
  return joined(policy.number, policy.name.in(lang), lang);
}

std::string area_title(const model::Area& area, Lang lang) { return joined(area.number, area.name.in(lang), lang); }

std::vector<Page> compose_sheet(const SheetContext& context, const model::Policy& policy) {
  return SheetComposer(context, policy).compose();
}

}  // namespace hyoka::pdf
