// Layout invariants checked on the laid-out pages themselves: every text stays
// inside its cell, every cell inside the page margins, and a table continued on
// a new page repeats its header marked (続き).
#include <doctest/doctest.h>

#include <fstream>

#include "evaluate/evaluate.hpp"
#include "pdf/layout_spec.hpp"
#include "pdf/pdf.hpp"
#include "pdf/sheet.hpp"
#include "synthetic.hpp"

using namespace hyoka;
using namespace hyoka::pdf;

namespace {

const char* font_path = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

std::filesystem::path layouts() { return std::filesystem::path(HYOKA_SOURCE_DIR) / "templates" / "layouts"; }

const FontFace& font() {
  static const FontFace face(font_path);  // parsed once for all test cases
  return face;
}

void check_invariants(const std::vector<Page>& pages, const LayoutSpec& layout) {
  constexpr double eps = 0.01;
  const FontFace& f = font();
  double ascent = f.ascender() / 1000.0, descent = f.descender() / 1000.0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto& r : pages[p].rects) {
      CHECK(r.box.x >= layout.margin - eps);
      CHECK(r.box.right() <= layout.page_width - layout.margin + eps);
      CHECK(r.box.y >= layout.margin - eps);
      CHECK(r.box.bottom() <= layout.page_height - layout.margin - footer_height + eps);
    }
    for (const auto& t : pages[p].texts) {
      INFO("page ", p + 1, ": ", t.text);
      CHECK(t.x >= t.cell.x - eps);
      CHECK(t.x + t.width <= t.cell.right() + eps);
      CHECK(t.baseline - ascent * t.size >= t.cell.y - eps);
      CHECK(t.baseline - descent * t.size <= t.cell.bottom() + eps);
      CHECK(std::abs(t.width - f.width(t.text, t.size)) < eps);
    }
  }
}

bool page_has(const Page& page, const std::string& text) {
  for (const auto& t : page.texts)
    if (t.text.find(text) != std::string::npos) return true;
  return false;
}

struct Fixture {
  model::Plan plan;
  evaluate::PlanEvaluation evaluation;
  LayoutSpec layout;
  Fixture(model::Plan p, const std::string& layout_name)
      : plan(std::move(p)), evaluation(evaluate::evaluate_plan(plan)),
        layout(load_layout(layouts() / (layout_name + ".json"))) {}
  std::vector<Page> sheet(std::size_t policy, model::Lang lang) const {
    return compose_sheet({plan, evaluation, lang, layout, font()}, plan.policies[policy]);
  }
};

}  // namespace

TEST_CASE("an ordinary sheet is one page and keeps every text in its cell") {
  Fixture f(testing::synthetic_plan(4), "setagaya");
  for (auto lang : model::all_langs) {
    for (std::size_t i = 0; i < f.plan.policies.size(); ++i) {
      auto pages = f.sheet(i, lang);
      CHECK(pages.size() == 1);
      check_invariants(pages, f.layout);
    }
  }
}

TEST_CASE("a long sheet continues with the table header repeated and (続き)") {
  Fixture f(testing::synthetic_plan(1, 9, 6, 4), "setagaya");
  auto pages = f.sheet(0, model::Lang::ja);
  REQUIRE(pages.size() >= 2);
  check_invariants(pages, f.layout);
  for (std::size_t p = 1; p < pages.size(); ++p) {
    INFO("page ", p + 1);
    CHECK(page_has(pages[p], "（続き）"));
  }
  // Some table broke across pages 1 → 2: its title comes back marked (続き) with its header cells.
  bool repeated = false;
  for (std::size_t p = 1; p < pages.size(); ++p)
    repeated = repeated || (page_has(pages[p], "取組みの成果指標（続き）") && page_has(pages[p], "成果指標")) ||
               (page_has(pages[p], "取組みの行動量（続き）") && page_has(pages[p], "行動量"));
  CHECK(repeated);
  auto english = f.sheet(0, model::Lang::en);
  check_invariants(english, f.layout);
  CHECK(page_has(english[1], "(continued)"));
}

TEST_CASE("a cell taller than a page is split between lines, never clipped") {
  Fixture f(testing::synthetic_plan(1, 1, 1, 60), "setagaya");
  auto pages = f.sheet(0, model::Lang::ja);
  CHECK(pages.size() >= 3);
  check_invariants(pages, f.layout);
}

TEST_CASE("every shipped layout loads and lays out within its cells") {
  for (const char* name : {"setagaya", "suginami", "nerima"}) {
    INFO(name);
    if (!std::filesystem::exists(layouts() / (std::string(name) + ".json"))) continue;
    Fixture f(testing::synthetic_plan(2, 3, 2, 3), name);
    for (auto lang : model::all_langs) check_invariants(f.sheet(0, lang), f.layout);
  }
}

TEST_CASE("a broken layout file is reported with its file and key") {
  auto dir = std::filesystem::temp_directory_path() / "hyoka-pdf-layout-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "bad.json") << R"({"body": [{"type": "table", "rows": "nothing", "columns": []}]})";
  }
  CHECK_THROWS_WITH_AS(load_layout(dir / "bad.json"), doctest::Contains("/body/0/rows"), PdfError);
  std::filesystem::remove_all(dir);
}
