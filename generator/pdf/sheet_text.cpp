// Text on a sheet: commentary (Markdown read through cmark-gfm and set as
// plain paragraphs, headings shaded, list items with their markers, tables
// as tables), label | value fields, the grade legend, the footnotes and the
// glossary boxes. Each paragraph is one record: it moves to the next page
// whole rather than splitting mid-sentence, unless it is taller than a page.
#include <functional>

#include "pdf/sheet_parts.hpp"
#include "present/grades.hpp"

namespace hyoka::pdf {

namespace {

using markdown::TextBlock;
using model::Lang;

Record one_cell(const Parts& parts, const TableModel& table, const std::string& text, double gray, bool ruled = true) {
  Record r;
  GridCell c;
  c.cols = static_cast<int>(table.widths.size());
  c.cell = parts.cell(text, table.width(), Align::left, gray);
  c.cell.ruled = ruled;
  r.cells.push_back(std::move(c));
  return r;
}

// A list item's text with its marker and indentation, as print sets it.
std::string item_text(const TextBlock& b, Lang lang) {
  const std::string indent_unit = lang == Lang::ja ? "　" : "  ";
  std::string indent;
  for (int i = 1; i < b.level; ++i) indent += indent_unit;
  if (b.continued) return indent + indent_unit + b.text;
  std::string marker = b.number ? std::to_string(b.number) + (lang == Lang::ja ? "．" : ". ") : (lang == Lang::ja ? "・" : "• ");
  return indent + marker + b.text;
}

// Text blocks as tables: paragraphs in a one-column table, and each
// Markdown table as a table of its own.
class TextTables {
 public:
  TextTables(const Parts& parts, double width) : parts_(parts), width_(width) {}

  void add(const TextBlock& b) {
    if (b.kind == TextBlock::Kind::table_row) {
      if (!table_ || !grid_ || table_->widths.size() != b.cells.size() || b.header)
        start(std::vector<double>(std::max<std::size_t>(1, b.cells.size()), 1), true);
      Record r;
      for (std::size_t i = 0; i < b.cells.size(); ++i) {
        GridCell c;
        c.col = static_cast<int>(i);
        c.cell = parts_.cell(b.cells[i], table_->widths[i], Align::left, b.header ? parts_.body.header_gray : 1.0);
        r.cells.push_back(std::move(c));
      }
      if (b.header) table_->head = std::move(r);
      else table_->records.push_back(std::move(r));
      return;
    }
    if (!table_ || grid_) start({1}, false);
    std::string text = b.kind == TextBlock::Kind::item ? item_text(b, parts_.text.lang()) : b.text;
    if (text.empty()) return;
    table_->records.push_back(one_cell(parts_, *table_, text, b.kind == TextBlock::Kind::heading ? heading_gray : 1.0));
  }

  std::vector<TableModel> done(const std::string& title) {
    std::erase_if(out_, [](const TableModel& t) { return t.records.empty(); });
    if (!out_.empty()) out_.front().title = title;
    return std::move(out_);
  }

 private:
  const Parts& parts_;
  double width_;
  std::vector<TableModel> out_;
  TableModel* table_ = nullptr;  // the table being filled (the last of out_)
  bool grid_ = false;            // it holds a Markdown table

  void start(const std::vector<double>& shares, bool grid) {
    out_.push_back(parts_.table(shares, width_));
    table_ = &out_.back();
    grid_ = grid;
  }
};

std::vector<TextBlock> paragraphs(const std::string& text) {
  std::vector<TextBlock> out;
  for (std::size_t start = 0; start < text.size();) {  // one record per line, so a long text breaks between them
    std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) out.push_back({TextBlock::Kind::paragraph, 0, 0, false, false, text.substr(start, end - start), {}});
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<TableModel> text_block(const Parts& parts, const BlockSpec& block, double width, const model::Project* project) {
  std::vector<TextBlock> blocks;
  const std::string heading = parts.text.lines(block.heading, [&](Field f) { return scoped_field(parts.text, f, project); });
  if (!heading.empty()) blocks.push_back({TextBlock::Kind::heading, 0, 0, false, false, heading, {}});
  for (Field f : block.fields) {
    std::vector<TextBlock> more;
    if (f == Field::commentary && project)
      more = parts.text.commentary(project->commentary, block.section, project);
    else if (f == Field::commentary || f == Field::policy_commentary)
      more = parts.text.commentary(parts.text.policy().commentary, block.section);
    else
      more = paragraphs(scoped_field(parts.text, f, project));
    blocks.insert(blocks.end(), more.begin(), more.end());
  }
  std::string title = parts.text.label(block.title);
  // A section's heading titles the block when the layout gives none; the
  // block's own title already says what an identical heading would.
  if (heading.empty() && !blocks.empty() && blocks.front().kind == TextBlock::Kind::heading &&
      (title.empty() || blocks.front().text == title)) {
    title = blocks.front().text;
    blocks.erase(blocks.begin());
  }
  TextTables tables(parts, width);
  for (const auto& b : blocks) tables.add(b);
  return tables.done(title);
}

TableModel fields_block(const Parts& parts, const BlockSpec& block, double width, const model::Project* project) {
  TableModel table = parts.table({block.label_width, block.value_width}, width);
  table.title = parts.text.label(block.title);
  for (const auto& row : block.rows) {
    std::string value = parts.text.lines(row.fields, [&](Field f) { return scoped_field(parts.text, f, project); });
    if (value.empty()) continue;
    if (row.label.ja.empty()) {  // no label: the value across the row
      table.records.push_back(one_cell(parts, table, value, 1.0));
      continue;
    }
    Record r;
    GridCell label, cell;
    label.cell = parts.ctx.type.label(parts.text.label(row.label), table.widths[0], parts.body);
    cell.col = 1;
    cell.cell = parts.cell(value, table.widths[1]);
    r.cells = {std::move(label), std::move(cell)};
    table.records.push_back(std::move(r));
  }
  return table;
}

TableModel legend_block(const Parts& parts, const BlockSpec& block, double width) {
  const auto& eval = parts.ctx.plan.evaluation;
  const Lang lang = parts.text.lang();
  std::string text;
  if (eval.legend) {
    text = parts.text.t(*eval.legend);
  } else {
    for (std::size_t i = 0; i < eval.scale.size(); ++i) {
      const auto& g = eval.scale[i];
      std::string rule = g.description ? parts.text.t(*g.description) : present::grade_condition(eval.scale, i, lang);
      text += (text.empty() ? "" : lang == Lang::ja ? "、" : "; ") + g.label + (lang == Lang::ja ? "：" : ": ") + rule;
    }
  }
  TableModel table = parts.table({1}, width);
  if (text.empty()) return table;
  const std::string mark = parts.text.label(block.mark);
  if (!mark.empty() && text.rfind("※", 0) != 0) text = mark + (lang == Lang::ja ? "　" : " ") + text;
  const std::string title = parts.text.label(block.title);
  table.records.push_back(one_cell(parts, table, title.empty() ? text : title + "\n" + text, 1.0, false));
  return table;
}

TableModel footnotes_block(const Parts& parts, const BlockSpec& block, double width) {
  TableModel table = parts.table({1}, width);
  table.title = parts.text.label(block.title);
  const std::string gap = parts.text.lang() == Lang::ja ? "　" : " ";
  for (const auto& [mark, text] : parts.text.footnotes())
    table.records.push_back(one_cell(parts, table, mark + gap + text, 1.0, !table.title.empty()));
  return table;
}

TableModel glossary_block(const Parts& parts, const BlockSpec& block, double width) {
  TableModel table = parts.table({1}, width);
  table.title = parts.text.label(block.title);
  const model::Plan& plan = parts.ctx.plan;
  std::vector<const model::Term*> terms;
  const model::Policy& policy = parts.text.policy();
  auto add = [&](const std::vector<model::Footnote>& notes) {
    for (const auto& note : notes)
      if (const auto* term = plan.find_term(note.term)) terms.push_back(term);
  };
  add(policy.footnotes);
  for (const auto& project : policy.projects) add(project.footnotes);
  if (terms.empty())  // a sheet without marks boxes the plan's whole glossary
    for (const auto& term : plan.glossary) terms.push_back(&term);
  for (const auto* term : terms) {
    Record r;
    r.rows = 2;
    GridCell name, definition;
    name.cell = parts.cell(parts.text.t(term->term), width, Align::left, heading_gray);
    definition.row = 1;
    definition.cell = parts.cell(parts.text.t(term->definition), width);
    r.cells = {std::move(name), std::move(definition)};
    table.records.push_back(std::move(r));
  }
  return table;
}

}  // namespace hyoka::pdf
