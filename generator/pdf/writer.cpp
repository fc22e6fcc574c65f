#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "pdf/flow.hpp"
#include "pdf/font.hpp"
#include "present/years.hpp"
#include "pdf/layout_spec.hpp"
#include "pdf/pdf.hpp"
#include "pdf/render.hpp"
#include "pdf/sheet.hpp"

namespace hyoka::pdf {

using model::Lang;

class WriterState {
 public:
  explicit WriterState(Options options) : options_(std::move(options)), font_(options_.font_path) {}

  const FontFace& font() const { return font_; }

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
  FontFace font_;
  std::map<std::filesystem::path, LayoutSpec> layouts_;
};

namespace {

std::string t(const model::Text& text, Lang lang) { return text.in(lang); }

const model::Policy& find_policy(const model::Plan& plan, const std::string& id) {
  for (const auto& p : plan.policies)
    if (p.id == id) return p;
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

struct Context {
  const model::Plan& plan;
  const evaluate::PlanEvaluation& evaluation;
  Lang lang;
  const LayoutSpec& layout;
  const FontFace& font;

  int year() const { return evaluation.year ? evaluation.year : plan.evaluation_year; }
  SheetContext sheet() const { return {plan, evaluation, lang, layout, font}; }
  Style style(double size) const {
    Style s;
    s.size = size;
    s.ascent = font.ascender() / 1000.0;
    s.descent = font.descender() / 1000.0;
    return s;
  }
  double left() const { return layout.margin; }
  double width() const { return layout.page_width - 2 * layout.margin; }
  double bottom() const { return layout.page_height - layout.margin - footer_height; }
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
  std::string printable = c.font.printable(text);
  double w = c.font.width(printable, size);
  if (align == Align::right) x -= w;
  if (align == Align::center) x -= w / 2;
  return {x, top + size * c.font.ascender() / 1000.0, size, w, printable, cell};
}

// The footer date: the plan's report date, else the fiscal year evaluated.
std::string date_label(const Context& c) {
  std::string date = present::date(c.plan.report_date, c.lang);
  return date.empty() ? present::fiscal_year(c.year(), c.lang) : date;
}

// Plan name, page N / total and the date on every page from `first` on.
void add_footers(const Context& c, Document& d, std::size_t first) {
  double size = 7;
  double top = c.layout.page_height - c.layout.margin - size * 1.3;
  Box band{c.left(), top - 2, c.width(), size * 1.3 + 4};
  std::string plan = t(c.plan.name, c.lang);
  if (plan.find(t(c.plan.city, c.lang)) == std::string::npos)  // 世田谷区地域保健… already names the city
    plan = t(c.plan.city, c.lang) + (c.lang == Lang::ja ? "　" : " ") + plan;
  std::string date = date_label(c);
  double third = c.width() / 3;
  for (std::size_t i = first; i < d.pages.size(); ++i) {
    Page& page = d.pages[i];
    std::string number = fmt::format("{} / {}", i + 1, d.pages.size());
    page.texts.push_back(text_at(c, number, c.left() + c.width() / 2, top, size, band, Align::center));
    // The plan name gives way to the page number when the page is narrow.
    Cell name = make_cell(c.font, plan, third * 1.2, c.style(size), Align::left);
    if (!name.lines.empty())
      page.texts.push_back(text_at(c, name.lines[0], c.left(), top, size, band));
    page.texts.push_back(text_at(c, date, c.left() + c.width(), top, size, band, Align::right));
  }
}

Document sheet_document(const Context& c, const model::Policy& policy) {
  Document d = new_document(c, policy_title(policy, c.lang) + " — " + t(c.layout.title, c.lang));
  d.pages = compose_sheet(c.sheet(), policy);
  add_footers(c, d, 0);
  return d;
}

// A page with large centred lines: title, plan, year, and whatever else the caller adds.
Page cover_page(const Context& c, const std::string& title, const std::vector<std::string>& lines) {
  Page page;
  double center = c.layout.page_width / 2;
  double y = c.layout.page_height * 0.28;
  Box box{c.left(), c.layout.margin, c.width(), c.layout.page_height - 2 * c.layout.margin};
  auto centred = [&](const std::string& text, double size) {
    Cell wrapped = make_cell(c.font, text, c.width() * 0.8, c.style(size), Align::center);
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
  std::string colon = c.lang == Lang::ja ? "：" : ": ";
  centred(t(c.layout.label("fiscal_year"), c.lang) + colon + present::fiscal_year(c.year(), c.lang), 12);
  if (!c.plan.report_date.empty()) centred(t(c.layout.label("date"), c.lang) + colon + date_label(c), 12);
  y += 16;
  for (const auto& line : lines) centred(line, 11);
  return page;
}

struct Entry {  // one line of the contents
  std::string title;
  int page = 0;  // 1-based; 0 for an area heading
};

// Lays out the contents table onto pages.
std::vector<Page> contents_pages(const Context& c, const std::vector<Entry>& entries) {
  std::vector<Page> pages;
  Style style = c.style(9);
  Flow flow(pages, c.font, c.bottom(), [&](Page&, std::size_t) { return c.layout.margin; });
  Cursor cursor = flow.first_page();
  TableModel table;
  table.style = style;
  table.title = t(c.layout.label("contents"), c.lang);
  table.widths = {c.width() - 60, 60};
  table.spanning = {false, false};
  for (const auto& e : entries) {
    double gray = e.page == 0 ? style.header_gray : 1.0;
    Record r;
    r.span.resize(2);
    r.subrows.push_back({make_cell(c.font, e.title, table.widths[0], style, Align::left, gray),
                         make_cell(c.font, e.page ? std::to_string(e.page) : "", 60, style, Align::right, gray)});
    table.records.push_back(std::move(r));
  }
  flow.place_table(cursor, c.left(), table, t(c.layout.label("continued"), c.lang));
  return pages;
}

std::string area_name(const Context& c, const std::string& id) {
  for (const auto& a : c.plan.areas)
    if (a.id == id) return area_title(a, c.lang);
  return id;
}

// Contents lines: an area heading whenever the area changes, then each policy with its first page.
std::vector<Entry> contents_entries(const Context& c, const std::vector<const model::Policy*>& policies,
                                    const std::vector<std::vector<Page>>& sheets, int first_sheet_page) {
  std::vector<Entry> out;
  std::string area;
  int page = first_sheet_page;
  for (std::size_t i = 0; i < policies.size(); ++i) {
    if (i == 0 || policies[i]->area != area) {
      area = policies[i]->area;
      out.push_back({area_name(c, area), 0});
    }
    out.push_back({policy_title(*policies[i], c.lang), page});
    page += static_cast<int>(sheets[i].size());
  }
  return out;
}

// Cover, contents and sheets in one document, with bookmarks area → policy.
Document collection(const Context& c, const std::string& title, const std::vector<std::string>& cover_lines,
                    const std::vector<const model::Policy*>& policies) {
  Document d = new_document(c, t(c.plan.name, c.lang) + " — " + title);
  d.pages.push_back(cover_page(c, title, cover_lines));
  if (policies.empty()) return d;
  std::vector<std::vector<Page>> sheets;
  for (const auto* p : policies) sheets.push_back(compose_sheet(c.sheet(), *p));
  // The contents' length decides where the sheets start; page numbers do not change that length.
  std::size_t contents_count = contents_pages(c, contents_entries(c, policies, sheets, 0)).size();
  std::vector<Entry> entries = contents_entries(c, policies, sheets, 2 + static_cast<int>(contents_count));
  for (auto& page : contents_pages(c, entries)) d.pages.push_back(std::move(page));
  d.outline.push_back({0, t(c.layout.label("contents"), c.lang), 1});
  std::size_t sheet = 0;
  for (const auto& e : entries) {
    // An area's bookmark opens its first sheet, which is the next page to be appended.
    d.outline.push_back({e.page ? 1 : 0, e.title, e.page ? e.page - 1 : static_cast<int>(d.pages.size())});
    if (e.page)
      for (auto& page : sheets[sheet++]) d.pages.push_back(std::move(page));
  }
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

std::vector<std::string> filter_lines(const Context& c, const Writer::Filter& f) {
  auto line = [&](const char* key, const std::vector<std::string>& values) {
    std::string joined;
    for (const auto& v : values) joined += (joined.empty() ? "" : ", ") + v;
    if (joined.empty()) joined = t(c.layout.label("all"), c.lang);
    return t(c.layout.label(key), c.lang) + (c.lang == Lang::ja ? "：" : ": ") + joined;
  };
  std::vector<std::string> areas, divisions;
  for (const auto& a : f.areas) areas.push_back(area_name(c, a));
  for (const auto& id : f.divisions) {
    std::string name = id;
    for (const auto& d : c.plan.divisions)
      if (d.id == id) name = t(d.name, c.lang);
    divisions.push_back(name);
  }
  return {t(c.layout.label("filter"), c.lang), line("grades", f.grades), line("areas", areas),
          line("policies", f.policies), line("divisions", divisions)};
}

}  // namespace

Writer::Writer(Options options) : state_(std::make_unique<WriterState>(std::move(options))) {}
Writer::~Writer() = default;
Writer::Writer(Writer&&) noexcept = default;
Writer& Writer::operator=(Writer&&) noexcept = default;

void Writer::write_sheet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation,
                         const std::string& policy_id, Lang lang, const std::filesystem::path& file) {
  Context c{plan, evaluation, lang, state_->layout_for(plan), state_->font()};
  Document d = sheet_document(c, find_policy(plan, policy_id));
  write_atomically(file, render_pdf(d, state_->font()));
}

void Writer::write_booklet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, Lang lang,
                           const std::filesystem::path& file) {
  Context c{plan, evaluation, lang, state_->layout_for(plan), state_->font()};
  std::vector<const model::Policy*> policies;
  for (const auto& p : plan.policies) policies.push_back(&p);
  std::string count = t(c.layout.label("sheets"), lang) + (lang == Lang::ja ? "：" : ": ") +
                      std::to_string(policies.size());
  Document d = collection(c, t(c.layout.label("booklet"), lang), {count}, policies);
  add_footers(c, d, 1);
  write_atomically(file, render_pdf(d, state_->font()));
}

int Writer::write_packet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, const Filter& filter,
                         Lang lang, const std::filesystem::path& file) {
  Context c{plan, evaluation, lang, state_->layout_for(plan), state_->font()};
  std::vector<const model::Policy*> policies;
  for (const auto& p : plan.policies)
    if (matches(c, filter, p)) policies.push_back(&p);
  std::vector<std::string> lines = filter_lines(c, filter);
  lines.push_back(t(c.layout.label("sheets"), lang) + (lang == Lang::ja ? "：" : ": ") +
                  std::to_string(policies.size()));
  if (policies.empty()) lines.push_back(t(c.layout.label("none_matched"), lang));
  Document d = collection(c, t(c.layout.label("packet"), lang), lines, policies);
  add_footers(c, d, 1);
  write_atomically(file, render_pdf(d, state_->font()));
  return static_cast<int>(policies.size());
}

}  // namespace hyoka::pdf
