// Documents: one sheet, the booklet of every sheet, and the council packet
// (cover, a summary of the selected indicators, contents, the sheets with
// the selected rows marked). Contents and summary entries are links; with a
// base URL, every sheet's footer links to its web page.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>

#include "pdf/flow.hpp"
#include "pdf/font.hpp"
#include "pdf/layout_spec.hpp"
#include "pdf/pdf.hpp"
#include "pdf/render.hpp"
#include "pdf/sheet.hpp"
#include "pdf/sheet_fields.hpp"
#include "present/grades.hpp"
#include "present/marks.hpp"
#include "present/numbers.hpp"
#include "present/years.hpp"
#include "site/routes.hpp"

namespace hyoka::pdf {

using model::Lang;

class WriterState {
 public:
  explicit WriterState(Options options)
      : options_(std::move(options)),
        japanese_(options_.font_path),
        latin_(options_.latin_font_path),
        hyphenator_(options_.hyphenation_path) {}

  const Options& options() const { return options_; }
  Fonts fonts(Lang lang) const { return Fonts(japanese_, lang == Lang::en ? &latin_ : nullptr); }
  const Hyphenator* hyphenator(Lang lang) const { return lang == Lang::en ? &hyphenator_ : nullptr; }

  // Layouts are read once per file and kept for the next documents.
  const LayoutSpec& layout_for(const model::Plan& plan) {
    std::string name = plan.layout.empty() ? "setagaya" : plan.layout;
    std::filesystem::path dir = options_.layouts_dir;
    if (dir.empty()) dir = plan.root.parent_path().parent_path() / "templates" / "layouts";
    std::filesystem::path file = dir / (name + ".json");
    for (const auto& override_dir : options_.layout_overrides)
      if (std::error_code ec; std::filesystem::is_regular_file(override_dir / (name + ".json"), ec)) {
        file = override_dir / (name + ".json");
        break;
      }
    auto it = layouts_.find(file);
    if (it == layouts_.end()) it = layouts_.emplace(file, load_layout(file)).first;
    return it->second;
  }

 private:
  Options options_;
  FontFace japanese_, latin_;
  Hyphenator hyphenator_;
  std::map<std::filesystem::path, LayoutSpec> layouts_;
};

namespace {

constexpr double footer_size = 7;

std::string t(const model::Text& text, Lang lang) {
  return lang == Lang::en && text.en ? present::english_punctuation(*text.en) : text.in(lang);
}

const model::Policy& find_policy(const model::Plan& plan, const std::string& id) {
  if (const auto* p = plan.find_policy(id)) return *p;
  throw PdfError(fmt::format("plan {} has no policy \"{}\"", plan.id, id));
}

void write_atomically(const std::filesystem::path& file, const std::string& bytes) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw PdfError("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, file);
}

// Everything a document of one plan in one language is made with.
struct Context {
  const model::Plan& plan;
  const evaluate::PlanEvaluation& evaluation;
  Lang lang;
  const LayoutSpec& layout;
  const Fonts fonts;
  const Typesetter type;
  std::string base_url;

  Context(const WriterState& state, const model::Plan& p, const evaluate::PlanEvaluation& e, Lang l, const LayoutSpec& layout)
      : plan(p), evaluation(e), lang(l), layout(layout), fonts(state.fonts(l)), type{fonts, state.hyphenator(l)},
        base_url(state.options().base_url) {}

  int year() const { return evaluation.year ? evaluation.year : plan.evaluation_year; }
  // The footer's height: a line for the web address when there is one.
  double footer_height() const { return base_url.empty() ? 16 : 27; }
  SheetContext sheet(const std::set<std::string>* selected = nullptr) const {
    return {plan, evaluation, lang, layout, type, footer_height(), selected};
  }
  Style style(double size) const {
    Style s;
    s.size = size;
    s.ascent = fonts.ascent();
    s.descent = fonts.descent();
    return s;
  }
  std::string label(const std::string& key) const { return layout.label(key).in(lang); }
  std::string colon() const { return lang == Lang::ja ? "：" : ": "; }
  double left() const { return layout.margin; }
  double width() const { return layout.page_width - 2 * layout.margin; }
  double bottom() const { return layout.page_height - layout.margin - footer_height(); }
  std::string web_page(const model::Policy& policy) const {
    if (base_url.empty()) return {};
    return base_url + model::code(lang) + "/" + site::routes::policy(plan.id, policy.id);
  }
};

Document new_document(const Context& c, std::string title) {
  Document d;
  d.width = c.layout.page_width;
  d.height = c.layout.page_height;
  d.title = std::move(title);
  d.author = t(c.plan.city, c.lang);
  d.subject = t(c.plan.name, c.lang);
  d.language = c.lang == Lang::ja ? "ja-JP" : "en";
  return d;
}

TextItem text_at(const Context& c, const std::string& text, double x, double top, double size, Box cell,
                 Align align = Align::left) {
  std::string printable = c.fonts.printable(text);
  double w = c.fonts.width(printable, size);
  if (align == Align::right) x -= w;
  if (align == Align::center) x -= w / 2;
  return {x, top + size * c.fonts.ascent(), size, w, printable, cell};
}

// The footer date: the plan's report date, else the fiscal year evaluated.
std::string date_label(const Context& c) {
  std::string date = present::date(c.plan.report_date, c.lang);
  return date.empty() ? present::fiscal_year(c.year(), c.lang) : date;
}

// Pages `first`… of a document, and the web page each shows (empty: none).
struct PageRange {
  std::size_t first = 0, count = 0;
  std::string url;
};

// Plan name, page N / total and the date on every page from `first` on, and
// above them, on a sheet's pages, the address of its web page as a link.
void add_footers(const Context& c, Document& d, std::size_t first, const std::vector<PageRange>& sheets) {
  const double line = footer_size * 1.3;
  const double top = c.layout.page_height - c.layout.margin - line;
  Box band{c.left(), top - 2, c.width(), line + 4};
  std::string plan = t(c.plan.name, c.lang);
  if (plan.find(t(c.plan.city, c.lang)) == std::string::npos)  // 世田谷区地域保健… already names the city
    plan = t(c.plan.city, c.lang) + (c.lang == Lang::ja ? "　" : " ") + plan;
  const std::string date = date_label(c);
  const double third = c.width() / 3;
  const Cell name = c.type.cell(plan, third * 1.2, c.style(footer_size));  // gives way to the page number
  for (std::size_t i = first; i < d.pages.size(); ++i) {
    Page& page = d.pages[i];
    page.texts.push_back(text_at(c, fmt::format("{} / {}", i + 1, d.pages.size()), c.left() + c.width() / 2, top,
                                 footer_size, band, Align::center));
    if (!name.lines.empty()) page.texts.push_back(text_at(c, name.lines[0], c.left(), top, footer_size, band));
    page.texts.push_back(text_at(c, date, c.left() + c.width(), top, footer_size, band, Align::right));
  }
  for (const auto& range : sheets) {
    if (range.url.empty()) continue;
    const double url_top = top - line - 2;
    Box url_band{c.left(), url_top - 1, c.width(), line + 2};
    const std::string text = c.label("web_version") + c.colon() + range.url;
    for (std::size_t i = range.first; i < range.first + range.count; ++i) {
      TextItem item = text_at(c, text, c.left(), url_top, footer_size, url_band);
      if (item.width > c.width()) continue;  // an address too long for the line is left out rather than cut
      d.pages[i].links.push_back({Box{item.x, url_top - 1, item.width, line + 2}, -1, 0, range.url});
      d.pages[i].texts.push_back(std::move(item));
    }
  }
}

// A page with large centred lines: title, plan, year, and whatever else the caller adds.
Page cover_page(const Context& c, const std::string& title, const std::vector<std::string>& lines) {
  Page page;
  double center = c.layout.page_width / 2;
  double y = c.layout.page_height * 0.28;
  Box box{c.left(), c.layout.margin, c.width(), c.layout.page_height - 2 * c.layout.margin};
  auto centred = [&](const std::string& text, double size) {
    Cell wrapped = c.type.cell(text, c.width() * 0.8, c.style(size), Align::center);
    for (const auto& line : wrapped.lines) {
      page.texts.push_back(text_at(c, line, center, y, size, box, Align::center));
      y += size * 1.5;
    }
  };
  centred(t(c.plan.city, c.lang), 14);
  centred(t(c.plan.name, c.lang), 18);
  y += 10;
  centred(title, 22);
  y += 10;
  centred(c.label("fiscal_year") + c.colon() + present::fiscal_year(c.year(), c.lang), 12);
  if (!c.plan.report_date.empty()) centred(c.label("date") + c.colon() + date_label(c), 12);
  y += 16;
  for (const auto& line : lines) centred(line, 11);
  return page;
}

// A list laid out as a table on its own pages, each row a link to its target page.
struct ListRow {
  std::vector<std::string> cells;
  int target = -1;      // page index the row links to; -1: none
  double target_y = 0;  // where on that page
  bool heading = false; // an area heading: shaded, spanning the row
};

struct ListSpec {
  std::string title;
  std::vector<std::string> labels;  // column headings; none: no heading row
  std::vector<double> shares;
  std::vector<Align> aligns;
  double size = 9;
};

std::vector<Page> list_pages(const Context& c, const ListSpec& spec, const std::vector<ListRow>& rows) {
  std::vector<Page> pages;
  Style style = c.style(spec.size);
  Flow flow(pages, c.type, c.bottom(), [&](Page&, std::size_t) { return c.layout.margin; });
  Cursor cursor = flow.first_page();
  TableModel table;
  table.style = style;
  table.title = spec.title;
  double total = 0;
  for (double s : spec.shares) total += s;
  for (double s : spec.shares) table.widths.push_back(c.width() * s / total);
  for (std::size_t i = 0; i < spec.labels.size(); ++i) {
    GridCell g;
    g.col = static_cast<int>(i);
    g.cell = c.type.label(spec.labels[i], table.widths[i], style);
    table.head.cells.push_back(std::move(g));
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Record record;
    const auto& row = rows[r];
    if (row.heading) {
      GridCell g;
      g.cols = static_cast<int>(table.widths.size());
      g.cell = c.type.cell(row.cells.front(), table.width(), style, Align::left, style.header_gray);
      g.anchor = fmt::format("row:{}", r);
      record.cells.push_back(std::move(g));
    }
    for (std::size_t i = 0; !row.heading && i < row.cells.size(); ++i) {
      GridCell g;
      g.col = static_cast<int>(i);
      g.cell = c.type.cell(row.cells[i], table.widths[i], style, spec.aligns[i]);
      if (i == 0) g.anchor = fmt::format("row:{}", r);
      record.cells.push_back(std::move(g));
    }
    table.records.push_back(std::move(record));
  }
  flow.place_table(cursor, c.left(), table, c.label("continued"));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].target < 0) continue;
    const Anchor& at = flow.anchors().at(fmt::format("row:{}", r));
    const double h = record_height(style, table.records[r]);
    pages[at.page].links.push_back({Box{c.left(), at.y, table.width(), std::min(h, c.bottom() - at.y)}, rows[r].target,
                                    rows[r].target_y, ""});
  }
  return pages;
}

// A policy's title in lists; the group tells two policies with one number apart
// (Suginami's comprehensive plan 15 and implementation plan 15).
std::string entry_title(const Context& c, const model::Policy& policy) {
  std::string title = policy_title(policy, c.lang);
  const auto same = std::count_if(c.plan.policies.begin(), c.plan.policies.end(),
                                  [&](const model::Policy& p) { return p.number == policy.number; });
  if (same > 1 && policy.group) title += present::parenthesized(t(*policy.group, c.lang), c.lang);
  return title;
}

std::string area_name(const Context& c, const std::string& id) {
  const model::Area* a = c.plan.find_area(id);
  return a ? area_title(*a, c.lang) : id;
}

// The sheets of a booklet or packet, composed once.
struct Sheets {
  std::vector<const model::Policy*> policies;
  std::vector<Sheet> sheets;
  std::vector<std::set<std::string>> selected;  // per policy: indicator ids marked
};

// Contents: an area heading whenever the area changes, then each policy and its first page.
std::vector<ListRow> contents_rows(const Context& c, const Sheets& s, int first_sheet_page) {
  std::vector<ListRow> rows;
  std::string area;
  int page = first_sheet_page;
  for (std::size_t i = 0; i < s.policies.size(); ++i) {
    if (i == 0 || s.policies[i]->area != area) {
      area = s.policies[i]->area;
      rows.push_back({{area_name(c, area)}, page, c.layout.margin, true});
    }
    rows.push_back({{entry_title(c, *s.policies[i]), std::to_string(page + 1)}, page, c.layout.margin, false});
    page += static_cast<int>(s.sheets[i].pages.size());
  }
  return rows;
}

std::vector<Page> contents_pages(const Context& c, const Sheets& s, int first_sheet_page) {
  return list_pages(c, {c.label("contents"), {}, {8, 1}, {Align::left, Align::right}, 9}, contents_rows(c, s, first_sheet_page));
}

// The packet's summary: every selected indicator with its figures and the page its row is on.
std::vector<Page> summary_pages(const Context& c, const Sheets& s, int first_sheet_page) {
  std::vector<ListRow> rows;
  int page = first_sheet_page;
  for (std::size_t i = 0; i < s.policies.size(); ++i) {
    const model::Policy& policy = *s.policies[i];
    SheetContext sc = c.sheet(&s.selected[i]);
    FieldText text(sc, policy);
    for (const auto& ind : policy.indicators) {
      if (!s.selected[i].count(ind.id)) continue;
      auto at = s.sheets[i].anchors.find(anchor_of(ind));
      const int target = page + (at == s.sheets[i].anchors.end() ? 0 : static_cast<int>(at->second.page));
      const double y = at == s.sheets[i].anchors.end() ? c.layout.margin : at->second.y;
      const auto* result = c.evaluation.find(ind);
      rows.push_back({{entry_title(c, policy), text.indicator_field(Field::number, ind, text.year()) +
                                                   (ind.number.empty() ? "" : " ") + text.indicator_field(Field::name, ind, text.year()),
                       present::percent_or_dash(result ? result->result.rate : std::nullopt, c.lang),
                       present::grade_or_dash(result ? result->result.grade : "", c.lang),
                       text.indicator_field(Field::reason, ind, text.year()),
                       text.indicator_field(Field::divisions, ind, text.year()), std::to_string(target + 1)},
                      target, y, false});
    }
    page += static_cast<int>(s.sheets[i].pages.size());
  }
  ListSpec spec{c.label("summary"),
                {c.label("summary_policy"), c.label("summary_indicator"), c.label("summary_rate"), c.label("summary_grade"),
                 c.label("summary_reason"), c.label("summary_division"), c.label("summary_page")},
                {2.6, 3.2, 1.1, 0.7, 4.6, 1.6, 0.6},
                {Align::left, Align::left, Align::right, Align::center, Align::left, Align::left, Align::right},
                8};
  return list_pages(c, spec, rows);
}

Sheets compose_all(const Context& c, std::vector<const model::Policy*> policies, std::vector<std::set<std::string>> selected) {
  Sheets s{std::move(policies), {}, std::move(selected)};
  s.selected.resize(s.policies.size());
  for (std::size_t i = 0; i < s.policies.size(); ++i) {
    SheetContext sc = c.sheet(s.selected[i].empty() ? nullptr : &s.selected[i]);
    s.sheets.push_back(compose_sheet(sc, *s.policies[i]));
  }
  return s;
}

// Cover, (the packet's summary,) contents and sheets in one document, with bookmarks area → policy.
Document collection(const Context& c, const std::string& title, const std::vector<std::string>& cover_lines, Sheets s,
                    bool summary) {
  Document d = new_document(c, t(c.plan.name, c.lang) + " — " + title);
  d.pages.push_back(cover_page(c, title, cover_lines));
  if (s.policies.empty()) return d;
  // The lists' lengths decide where the sheets start; page numbers in them do not change their lengths.
  const std::size_t summary_count = summary ? summary_pages(c, s, 0).size() : 0;
  const std::size_t contents_count = contents_pages(c, s, 0).size();
  const int first_sheet = static_cast<int>(1 + summary_count + contents_count);
  if (summary) {
    d.outline.push_back({0, c.label("summary"), static_cast<int>(d.pages.size())});
    for (auto& page : summary_pages(c, s, first_sheet)) d.pages.push_back(std::move(page));
  }
  d.outline.push_back({0, c.label("contents"), static_cast<int>(d.pages.size())});
  for (auto& page : contents_pages(c, s, first_sheet)) d.pages.push_back(std::move(page));
  std::vector<PageRange> ranges;
  std::string area;
  for (std::size_t i = 0; i < s.policies.size(); ++i) {
    const model::Policy& policy = *s.policies[i];
    if (i == 0 || policy.area != area) {
      area = policy.area;
      d.outline.push_back({0, area_name(c, area), static_cast<int>(d.pages.size())});
    }
    d.outline.push_back({1, entry_title(c, policy), static_cast<int>(d.pages.size())});
    ranges.push_back({d.pages.size(), s.sheets[i].pages.size(), c.web_page(policy)});
    for (auto& page : s.sheets[i].pages) d.pages.push_back(std::move(page));
  }
  add_footers(c, d, 1, ranges);
  return d;
}

bool any_of_in(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  return std::any_of(have.begin(), have.end(),
                     [&](const auto& h) { return std::find(wanted.begin(), wanted.end(), h) != wanted.end(); });
}

bool matches(const Context& c, const Writer::Filter& f, const model::Policy& p) {
  if (!f.areas.empty() && !any_of_in(f.areas, {p.area})) return false;
  if (!f.policies.empty() && !any_of_in(f.policies, {p.id, p.number})) return false;
  if (!f.divisions.empty()) {
    std::vector<std::string> divisions = p.divisions;
    for (const auto& project : p.projects) divisions.insert(divisions.end(), project.divisions.begin(), project.divisions.end());
    for (const auto& ind : p.indicators) divisions.insert(divisions.end(), ind.divisions.begin(), ind.divisions.end());
    for (const auto& d : c.plan.divisions)
      if (std::find(divisions.begin(), divisions.end(), d.id) != divisions.end()) divisions.push_back(d.name.ja);
    if (!any_of_in(f.divisions, divisions)) return false;
  }
  if (!f.grades.empty()) {
    const auto* e = c.evaluation.find(p.id);
    std::vector<std::string> grades;
    if (e)
      for (const auto& r : e->indicators) grades.push_back(r.result.grade);
    if (!any_of_in(f.grades, grades)) return false;
  }
  return true;
}

// The indicators of a matching policy the packet selects: those graded as asked, else all.
std::set<std::string> selected_in(const Context& c, const Writer::Filter& f, const model::Policy& p) {
  std::set<std::string> out;
  for (const auto& ind : p.indicators) {
    const auto* r = c.evaluation.find(ind);
    if (f.grades.empty() || (r && any_of_in(f.grades, {r->result.grade}))) out.insert(ind.id);
  }
  return out;
}

std::vector<std::string> filter_lines(const Context& c, const Writer::Filter& f) {
  auto line = [&](const char* key, const std::vector<std::string>& values) {
    std::string joined;
    for (const auto& v : values) joined += (joined.empty() ? "" : ", ") + v;
    if (joined.empty()) joined = c.label("all");
    return c.label(key) + c.colon() + joined;
  };
  std::vector<std::string> areas, divisions;
  for (const auto& a : f.areas) areas.push_back(area_name(c, a));
  for (const auto& id : f.divisions) {
    const model::Division* d = c.plan.find_division(id);
    divisions.push_back(d ? t(d->name, c.lang) : id);
  }
  return {c.label("filter"), line("grades", f.grades), line("areas", areas), line("policies", f.policies),
          line("divisions", divisions)};
}

}  // namespace

Writer::Writer(Options options) : state_(std::make_unique<WriterState>(std::move(options))) {}
Writer::~Writer() = default;
Writer::Writer(Writer&&) noexcept = default;
Writer& Writer::operator=(Writer&&) noexcept = default;

void Writer::write_sheet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation,
                         const std::string& policy_id, Lang lang, const std::filesystem::path& file) {
  Context c(*state_, plan, evaluation, lang, state_->layout_for(plan));
  const model::Policy& policy = find_policy(plan, policy_id);
  Document d = new_document(c, policy_title(policy, lang) + " — " + t(c.layout.title, lang));
  d.pages = compose_sheet(c.sheet(), policy).pages;
  add_footers(c, d, 0, {{0, d.pages.size(), c.web_page(policy)}});
  write_atomically(file, render_pdf(d, c.fonts));
}

void Writer::write_booklet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, Lang lang,
                           const std::filesystem::path& file) {
  Context c(*state_, plan, evaluation, lang, state_->layout_for(plan));
  std::vector<const model::Policy*> policies;
  for (const auto& p : plan.policies) policies.push_back(&p);
  std::string count = c.label("sheets") + c.colon() + std::to_string(policies.size());
  Document d = collection(c, c.label("booklet"), {count}, compose_all(c, policies, {}), false);
  write_atomically(file, render_pdf(d, c.fonts));
}

int Writer::write_packet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, const Filter& filter,
                         Lang lang, const std::filesystem::path& file) {
  Context c(*state_, plan, evaluation, lang, state_->layout_for(plan));
  std::vector<const model::Policy*> policies;
  std::vector<std::set<std::string>> selected;
  for (const auto& p : plan.policies)
    if (matches(c, filter, p)) {
      policies.push_back(&p);
      selected.push_back(selected_in(c, filter, p));
    }
  std::vector<std::string> lines = filter_lines(c, filter);
  lines.push_back(c.label("sheets") + c.colon() + std::to_string(policies.size()));
  if (policies.empty()) lines.push_back(c.label("none_matched"));
  else lines.push_back(c.label("selected_note"));
  Document d = collection(c, c.label("packet"), lines, compose_all(c, policies, std::move(selected)), true);
  write_atomically(file, render_pdf(d, c.fonts));
  return static_cast<int>(policies.size());
}

}  // namespace hyoka::pdf
