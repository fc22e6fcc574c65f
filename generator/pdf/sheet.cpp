// The sheet as a whole: the header band, the layout's blocks in order
// (side by side where the layout says so, repeated per project), the type
// size chosen so that a sheet that can be on one page is, and the page breaks
// moved so that a continued sheet does not end on a nearly empty page.
#include "pdf/sheet.hpp"

#include <algorithm>

#include "pdf/sheet_parts.hpp"

namespace hyoka::pdf {

namespace {

constexpr double block_gap = 5;     // between blocks, points
constexpr double column_gap = 8;    // between blocks side by side
constexpr double size_step = 0.5;   // the type size ladder, points
constexpr double thin_page = 0.2;   // a last page filled less than this is "nearly empty"

using Limits = std::map<std::size_t, double>;

class Composer {
 public:
  Composer(const SheetContext& ctx, const model::Policy& policy, double size, Limits limits)
      : ctx_(ctx),
        text_(ctx, policy),
        parts_{ctx, text_, style(size), style(ctx.layout.header_size * size / ctx.layout.font_size)},
        limits_(std::move(limits)),
        left_(ctx.layout.margin),
        width_(ctx.layout.page_width - 2 * ctx.layout.margin),
        bottom_(ctx.layout.page_height - ctx.layout.margin - ctx.footer_height) {}

  Sheet compose() {
    Sheet sheet;
    sheet.font_size = parts_.body.size;
    Flow flow(sheet.pages, ctx_.type, bottom_, [this](Page& page, std::size_t index) { return start_page(page, index); });
    for (const auto& [page, limit] : limits_) flow.limit(page, limit);
    Cursor c = flow.first_page();
    for (const auto& band : header_band(parts_, width_, false)) c = flow.place_table(c, left_, band, "");
    for (const auto& block : ctx_.layout.body) c = place(flow, c, left_, width_, block, nullptr);
    sheet.anchors = flow.anchors();
    filled_ = flow.filled();
    top_ = flow.top(sheet.pages.size() - 1);
    return sheet;
  }

  // How full the last page is, 0–1.
  double last_fill() const { return (filled_.back() - top_) / (bottom_ - top_); }
  // All content heights added up, in pages.
  double pages_of_content() const {
    double total = 0;
    for (double f : filled_) total += (f - ctx_.layout.margin) / (bottom_ - ctx_.layout.margin);
    return total;
  }
  double capacity_of_last() const { return bottom_ - top_; }
  double bottom() const { return bottom_; }

 private:
  const SheetContext& ctx_;
  FieldText text_;
  Parts parts_;
  Limits limits_;
  double left_, width_, bottom_;
  std::vector<double> filled_;
  double top_ = 0;

  Style style(double size) const {
    Style s;
    s.size = size;
    s.ascent = ctx_.type.fonts.ascent();
    s.descent = ctx_.type.fonts.descent();
    return s;
  }

  std::string continued() const { return text_.label("continued"); }

  // Continuation pages repeat the header rows marked "repeat", marked (続き).
  double start_page(Page& page, std::size_t index) {
    double y = ctx_.layout.margin;
    if (index == 0) return y;
    for (const auto& band : header_band(parts_, width_, true))
      for (const auto& record : band.records) y = draw_record(page, left_, y, band, record);
    return y == ctx_.layout.margin ? y : y + block_gap;
  }

  bool applies(Condition when, const model::Project* project) const {
    switch (when) {
      case Condition::always: return true;
      case Condition::graded: return ctx_.evaluation.counts.graded > 0;
      case Condition::ungraded: return ctx_.evaluation.counts.graded == 0;
      case Condition::has_years: return !project || has_yearly_figures(*project);
    }
    return true;
  }

  std::vector<TableModel> build(const BlockSpec& block, double width, const model::Project* project) const {
    std::vector<TableModel> out;
    switch (block.type) {
      case BlockType::table: out.push_back(table_block(parts_, block.table, width, project)); break;
      case BlockType::bands: out.push_back(bands_block(parts_, block, width)); break;
      case BlockType::text: out = text_block(parts_, block, width, project); break;
      case BlockType::fields: out.push_back(fields_block(parts_, block, width, project)); break;
      case BlockType::legend: out.push_back(legend_block(parts_, block, width)); break;
      case BlockType::footnotes: out.push_back(footnotes_block(parts_, block, width)); break;
      case BlockType::glossary: out.push_back(glossary_block(parts_, block, width)); break;
      case BlockType::columns:
      case BlockType::each_project: break;  // placed, not built: see place()
    }
    std::erase_if(out, [](const TableModel& t) { return t.records.empty(); });
    for (auto& t : out) t.keep_together = block.keep_together;
    return out;
  }

  Cursor place_tables(Flow& flow, Cursor c, double x, const std::vector<TableModel>& tables) {
    for (const auto& t : tables) {
      if (!flow.at_top(c)) c.y += block_gap;
      c = flow.place_table(c, x, t, continued());
    }
    return c;
  }

  Cursor place(Flow& flow, Cursor c, double x, double width, const BlockSpec& block, const model::Project* project) {
    if (!applies(block.when, project)) return c;
    if (block.type == BlockType::columns) return place_columns(flow, c, x, width, block, project);
    if (block.type == BlockType::each_project) return place_each_project(flow, c, x, width, block);
    return place_tables(flow, c, x, build(block, width, project));
  }

  static Cursor later(Cursor a, Cursor b) { return b.page > a.page || (b.page == a.page && b.y > a.y) ? b : a; }

  // Blocks side by side when each column gets its minimum width, else one below the other.
  Cursor place_columns(Flow& flow, Cursor c, double x, double width, const BlockSpec& block, const model::Project* project) {
    double shares = 0;
    for (const auto& column : block.columns) shares += column.share;
    const double avail = width - column_gap * static_cast<double>(block.columns.size() - 1);
    const bool side_by_side = std::all_of(block.columns.begin(), block.columns.end(),
                                          [&](const ColumnBlock& col) { return avail * col.share / shares >= block.min_width; });
    if (!side_by_side) {
      for (const auto& column : block.columns)
        for (const auto& inner : column.blocks) c = place(flow, c, x, width, inner, project);
      return c;
    }
    Cursor end = c;
    double cx = x;
    for (const auto& column : block.columns) {
      const double w = avail * column.share / shares;
      Cursor cc = c;
      for (const auto& inner : column.blocks) cc = place(flow, cc, cx, w, inner, project);
      end = later(end, cc);
      cx += w + column_gap;
    }
    return end;
  }

  // The inner blocks once per project; kept together, a project's blocks move to a new page as one.
  Cursor place_each_project(Flow& flow, Cursor c, double x, double width, const BlockSpec& block) {
    for (const auto& project : text_.policy().projects) {
      if (!project.part_of.empty() || !applies(block.when, &project)) continue;  // a row is printed with its project
      std::vector<TableModel> tables;
      bool measurable = block.keep_together;
      for (const auto& inner : block.blocks) {
        if (!applies(inner.when, &project)) continue;
        if (inner.type == BlockType::columns || inner.type == BlockType::each_project) measurable = false;
        for (auto& t : build(inner, width, &project)) tables.push_back(std::move(t));
      }
      if (!measurable) {
        for (const auto& inner : block.blocks) c = place(flow, c, x, width, inner, &project);
        continue;
      }
      double total = 0;
      for (const auto& t : tables) total += flow.height(t) + block_gap;
      if (!flow.at_top(c) && c.y + total > flow.bottom(c.page) && total <= bottom_ - ctx_.layout.margin) c = flow.next_page(c);
      c = place_tables(flow, c, x, tables);
    }
    return c;
  }
};

Sheet compose_at(const SheetContext& ctx, const model::Policy& policy, double size, Limits limits = {}) {
  return Composer(ctx, policy, size, std::move(limits)).compose();
}

}  // namespace

Sheet compose_sheet(const SheetContext& ctx, const model::Policy& policy) {
  const LayoutSpec& layout = ctx.layout;
  Composer first(ctx, policy, layout.font_size, {});
  Sheet sheet = first.compose();
  if (sheet.pages.size() == 1) return sheet;
  // A sheet that fits one page in a smaller size is set in it (text shrinks
  // about with the square of the size: skip sizes that cannot make it).
  for (double size = layout.font_size - size_step; size >= layout.min_font_size - 1e-9; size -= size_step) {
    const double scale = size / layout.font_size;
    if (first.pages_of_content() * scale * scale > 1.15) continue;
    Sheet smaller = compose_at(ctx, policy, size);
    if (smaller.pages.size() == 1) return smaller;
  }
  // Otherwise move rows from the page before the last so the last is not nearly empty.
  const double fill = first.last_fill();
  if (fill >= thin_page) return sheet;
  const std::size_t before_last = sheet.pages.size() - 2;
  for (double want : {0.3, 0.45}) {
    const double moved = (want - fill) * first.capacity_of_last();
    Composer balanced(ctx, policy, layout.font_size, {{before_last, first.bottom() - moved}});
    Sheet candidate = balanced.compose();
    if (candidate.pages.size() == sheet.pages.size() && balanced.last_fill() > fill) return candidate;
  }
  return sheet;
}

}  // namespace hyoka::pdf
