// One voice: a figure reads the same on the policy page, on the PDF sheet and
// in the CSV download. The sample plans are rendered through the real
// templates, layouts and downloads; for every indicator row of the evaluated
// year, the texts hyoka_present gives its figures must be what each output shows.
#include <doctest/doctest.h>

#include <map>
#include <cstring>
#include <regex>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"
#include "pdf/layout_spec.hpp"
#include "pdf/pdf.hpp"
#include "pdf/sheet.hpp"
#include "pdf/text.hpp"
#include "present/figures.hpp"
#include "present/grades.hpp"
#include "present/numbers.hpp"
#include "site/downloads.hpp"
#include "site/filters.hpp"
#include "site/pages.hpp"
#include "template/environment.hpp"

using namespace hyoka;
using model::Lang;

namespace {

const std::filesystem::path root = HYOKA_SOURCE_DIR;

struct Sample {
  model::Plan plan;
  evaluate::PlanEvaluation evaluation;
  explicit Sample(const std::string& id) {
    auto loaded = model::load_plan(root / "content" / id);
    REQUIRE_MESSAGE(loaded.plan, "the sample plan content/" << id << " must load");
    plan = std::move(*loaded.plan);
    evaluation = evaluate::evaluate_plan(plan);
  }
};

// What a reader sees of an HTML fragment: text without tags and without the
// words only screen readers get, entities decoded, white space collapsed.
std::string visible(std::string html) {
  html = std::regex_replace(html, std::regex(R"(<span class="visually-hidden">[^<]*</span>)"), "");
  html = std::regex_replace(html, std::regex(R"(<span class="explain">)"), " ");  // shown as a block of its own
  html = std::regex_replace(html, std::regex("</?(span|a|abbr)( [^>]*)?>"), "");  // inline: part of the words
  html = std::regex_replace(html, std::regex("<[^>]*>"), " ");
  for (auto [entity, text] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#34;", "\""}, {"&#39;", "'"}})
    for (std::size_t at; (at = html.find(entity)) != std::string::npos;) html.replace(at, std::strlen(entity), text);
  html = std::regex_replace(html, std::regex(R"(\s+)"), " ");
  return html;
}

std::string rendered_page(const site::SiteContent& content, const std::string& path) {
  static const auto environment = [] {
    auto env = std::make_unique<tmpl::Environment>(root / "templates", tmpl::Options{.strict_undefined = true});
    site::add_template_filters(*env);
    return env;
  }();
  for (const auto& page : content.pages)
    if (page.path == path) return visible(environment->render_file(page.template_name, page.context));
  FAIL("no page " << path);
  return {};
}

// Every cell of the sheet as printed: its wrapped lines joined again (a line
// ending in a hyphen may have been hyphenated there: both joins are kept).
std::vector<std::string> sheet_cells(const Sample& sample, const model::Policy& policy, Lang lang) {
  static const pdf::FontFace japanese(pdf::Options{}.font_path);  // the faces and patterns hyoka writes with
  static const pdf::FontFace latin(pdf::Options{}.latin_font_path);
  static const pdf::Hyphenator hyphenator(pdf::Options{}.hyphenation_path);
  const auto layout = pdf::load_layout(root / "templates" / "layouts" / (sample.plan.layout + ".json"));
  const pdf::Fonts fonts(japanese, lang == Lang::en ? &latin : nullptr);
  const pdf::Typesetter type{fonts, lang == Lang::en ? &hyphenator : nullptr};
  std::vector<std::string> cells;
  for (const auto& page : pdf::compose_sheet({sample.plan, sample.evaluation, lang, layout, type}, policy).pages) {
    std::map<std::tuple<double, double, double, double>, std::vector<std::string>> by_cell;
    for (const auto& text : page.texts) by_cell[std::make_tuple(text.cell.x, text.cell.y, text.cell.w, text.cell.h)].push_back(text.text);
    for (auto& [box, lines] : by_cell) {
      std::string kept, joined;
      for (const auto& line : lines) {
        kept += line;
        joined += line.size() > 1 && line.back() == '-' ? line.substr(0, line.size() - 1) : line;
      }
      cells.push_back(kept);
      if (joined != kept) cells.push_back(joined);
    }
  }
  return cells;
}

// A wrapped English cell lost the space it broke at, so spaces do not count.
std::string unspaced(std::string text) {
  std::erase(text, ' ');
  return text;
}

bool has_cell(const std::vector<std::string>& cells, const std::string& text) {
  return std::any_of(cells.begin(), cells.end(), [&](const std::string& cell) { return unspaced(cell) == unspaced(text); });
}

// The sheet shows a figure as present writes it, or, where the layout gives
// the unit a column of its own (Suginami's 単位), present's figure without it.
bool has_figure(const std::vector<std::string>& cells, const present::Figure& figure) {
  return has_cell(cells, figure.text) || has_cell(cells, figure.without_unit());
}

std::string csv_of(const site::SiteContent& content, const std::string& path) {
  for (const auto& file : content.files)
    if (file.path == path) return file.bytes;
  FAIL("no file " << path);
  return {};
}

// The figures of one row a reader compares across the outputs.
struct RowTexts {
  std::vector<present::Figure> figures;  // target, actual
  std::string rate, grade;
};

RowTexts row_texts(const Sample& s, const evaluate::IndicatorResult& row, Lang lang) {
  const auto it = row.indicator->years.find(s.evaluation.year);
  RowTexts out;
  if (it != row.indicator->years.end())
    for (const auto* value : {&it->second.effective_target(), &it->second.actual})
      if (value->present()) out.figures.push_back(present::figure(s.plan, *value, row.indicator->unit, lang));
  out.rate = present::percent_or_dash(row.result.rate, lang);
  out.grade = present::grade_or_dash(row.result.grade, lang);
  return out;
}

void check_plan(const std::string& id) {
  Sample s(id);
  const auto i18n = site::Catalogues::load(root / "templates" / "i18n");
  const auto content = site::build_site_content({{&s.plan, &s.evaluation}}, i18n, {false, ""});
  int compared = 0;
  for (Lang lang : model::all_langs) {
    const std::string folder = std::string(model::code(lang)) + "/" + id + "/";
    const std::string csv = csv_of(content, folder + "downloads/indicators.csv");
    for (const auto& policy_result : s.evaluation.policies) {
      const model::Policy& policy = *policy_result.policy;
      const std::string page = rendered_page(content, folder + "policies/" + policy.id + ".html");
      const auto cells = sheet_cells(s, policy, lang);
      for (const auto& row : policy_result.indicators) {
        const RowTexts texts = row_texts(s, row, lang);
        const std::string where = id + " " + model::code(lang) + " " + policy.id + " " + row.indicator->id;
        INFO(where);
        for (const auto& figure : texts.figures) {
          CHECK_MESSAGE(page.find(" " + figure.text + " ") != std::string::npos, "page lacks ", figure.text);
          CHECK_MESSAGE(has_figure(cells, figure), "sheet lacks ", figure.text);
          CHECK_MESSAGE(csv.find(figure.plain) != std::string::npos, "CSV lacks ", figure.plain);
          ++compared;
        }
        if (row.result.status == evaluate::Status::graded) {
          CHECK_MESSAGE(page.find(" " + texts.rate + " ") != std::string::npos, "page lacks ", texts.rate);
          CHECK_MESSAGE(page.find(" " + texts.grade + " ") != std::string::npos, "page lacks ", texts.grade);
          CHECK_MESSAGE(has_cell(cells, texts.grade), "sheet lacks ", texts.grade);
          if (row.result.rate) CHECK_MESSAGE(has_cell(cells, texts.rate), "sheet lacks ", texts.rate);
          ++compared;
        }
      }
    }
  }
  MESSAGE(id << ": " << compared << " figures compared across page, sheet and CSV");
  CHECK(compared > 0);
}

}  // namespace

TEST_CASE("one voice: Setagaya's figures, rates and grades read the same on page, sheet and CSV") { check_plan("setagaya"); }

TEST_CASE("one voice: Suginami's bounded targets (95.0％以上, at least 95.0%) read the same everywhere") {
  check_plan("suginami");
}
