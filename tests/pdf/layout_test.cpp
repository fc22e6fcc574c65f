// Layout invariants checked on the laid-out pages themselves: every text stays
// inside its cell, every cell inside the page margins, continuation pages
// repeat the header band, bands keep a 取組み's rows side by side; and layout
// files are checked when they are loaded, each mistake reported with its
// file, line and what would fix it.
#include <doctest/doctest.h>

#include <fstream>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"
#include "pdf/layout_spec.hpp"
#include "pdf/pdf.hpp"
#include "pdf/sheet.hpp"
#include "synthetic.hpp"

using namespace hyoka;
using namespace hyoka::pdf;

namespace {

std::filesystem::path layouts() { return std::filesystem::path(HYOKA_SOURCE_DIR) / "templates" / "layouts"; }
std::filesystem::path bad_layouts() { return std::filesystem::path(HYOKA_SOURCE_DIR) / "tests" / "pdf" / "layouts"; }

const FontFace& japanese() {
  static const FontFace face(Options{}.font_path);  // parsed once for all cases
  return face;
}
const FontFace& latin() {
  static const FontFace face(Options{}.latin_font_path);
  return face;
}
const Hyphenator& hyphenator() {
  static const Hyphenator h(Options{}.hyphenation_path);
  return h;
}

// The faces and hyphenation a document in the language is set with, as the writer chooses them.
struct Type {
  Fonts fonts;
  Typesetter type;
  explicit Type(model::Lang lang)
      : fonts(japanese(), lang == model::Lang::en ? &latin() : nullptr),
        type{fonts, lang == model::Lang::en ? &hyphenator() : nullptr} {}
};

constexpr double footer = 16;

void check_invariants(const std::vector<Page>& pages, const LayoutSpec& layout, const Fonts& fonts) {
  constexpr double eps = 0.01;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto& r : pages[p].rects) {
      CHECK(r.box.x >= layout.margin - eps);
      CHECK(r.box.right() <= layout.page_width - layout.margin + eps);
      CHECK(r.box.y >= layout.margin - eps);
      CHECK(r.box.bottom() <= layout.page_height - layout.margin - footer + eps);
    }
    for (const auto& t : pages[p].texts) {
      INFO("page ", p + 1, ": ", t.text);
      CHECK(t.x >= t.cell.x - eps);
      CHECK(t.x + t.width <= t.cell.right() + eps);
      CHECK(t.baseline - fonts.ascent() * t.size >= t.cell.y - eps);
      CHECK(t.baseline - fonts.descent() * t.size <= t.cell.bottom() + eps);
      CHECK(std::abs(t.width - fonts.width(t.text, t.size)) < eps);
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
  Sheet sheet(std::size_t policy, model::Lang lang) const {
    Type type(lang);
    return compose_sheet({plan, evaluation, lang, layout, type.type}, plan.policies[policy]);
  }
  void check(std::size_t policy, model::Lang lang) const {
    Type type(lang);
    check_invariants(compose_sheet({plan, evaluation, lang, layout, type.type}, plan.policies[policy]).pages, layout, type.fonts);
  }
};

std::string load_error(const std::filesystem::path& file) {
  try {
    load_layout(file);
  } catch (const PdfError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("an ordinary sheet is one page and keeps every text in its cell") {
  Fixture f(testing::synthetic_plan(4), "setagaya");
  for (auto lang : model::all_langs)
    for (std::size_t i = 0; i < f.plan.policies.size(); ++i) {
      CHECK(f.sheet(i, lang).pages.size() == 1);
      f.check(i, lang);
    }
}

TEST_CASE("a long sheet continues with the header band repeated, marked (続き)") {
  Fixture f(testing::synthetic_plan(1, 9, 6, 4), "setagaya");
  auto sheet = f.sheet(0, model::Lang::ja);
  REQUIRE(sheet.pages.size() >= 2);
  f.check(0, model::Lang::ja);
  CHECK(sheet.font_size == f.layout.font_size);  // too long for one page in any size: not shrunk
  for (std::size_t p = 1; p < sheet.pages.size(); ++p) {
    INFO("page ", p + 1);
    CHECK(page_has(sheet.pages[p], f.plan.name.ja));     // plan and year: the repeated header rows
    CHECK(page_has(sheet.pages[p], "令和6年度（2024年度）"));
    CHECK(page_has(sheet.pages[p], "（続き）"));
    CHECK(page_has(sheet.pages[p], "取組みの成果指標"));  // the column headings come back too
  }
  CHECK_FALSE(page_has(sheet.pages[1], f.plan.policies[0].target_state->ja.substr(0, 30)));  // not marked repeat
  auto english = f.sheet(0, model::Lang::en);
  f.check(0, model::Lang::en);
  CHECK(page_has(english.pages[1], "(continued)"));
}

TEST_CASE("a band taller than a page is split between lines, never clipped") {
  Fixture f(testing::synthetic_plan(1, 1, 1, 60), "setagaya");
  CHECK(f.sheet(0, model::Lang::ja).pages.size() >= 3);
  f.check(0, model::Lang::ja);
  f.check(0, model::Lang::en);
}

TEST_CASE("bands: an activity row and the outcome row of its 取組み start at the same height") {
  Fixture f(testing::synthetic_plan(3, 4, 2, 2), "setagaya");
  for (auto lang : model::all_langs)
    for (std::size_t i = 0; i < f.plan.policies.size(); ++i) {
      const auto& policy = f.plan.policies[i];
      auto sheet = f.sheet(i, lang);
      int pairs = 0;
      for (const auto& a : policy.indicators) {
        if (a.kind != model::IndicatorKind::activity) continue;
        for (const auto& o : policy.indicators) {
          if (o.kind != model::IndicatorKind::outcome || o.project != a.project) continue;
          // The k-th activity and the k-th outcome of a project share a line.
          auto at_a = sheet.anchors.at(anchor_of(a)), at_o = sheet.anchors.at(anchor_of(o));
          if (a.number != o.number) continue;
          INFO(policy.id, " ", a.id, " ", o.id);
          CHECK(at_a.page == at_o.page);
          CHECK(at_a.y == doctest::Approx(at_o.y));
          ++pairs;
        }
      }
      CHECK(pairs > 0);
    }
}

TEST_CASE("a sheet that fits one page in a smaller size is set in it; never below the layout's minimum") {
  Fixture f(testing::synthetic_plan(1, 3, 3, 1), "setagaya");
  const auto ordinary = f.sheet(0, model::Lang::ja);
  CHECK(ordinary.font_size == f.layout.font_size);
  bool shrunk = false;
  for (int repeat = 1; repeat <= 4 && !shrunk; ++repeat) {
    Fixture longer(testing::synthetic_plan(1, 4, 4, repeat), "setagaya");
    auto sheet = longer.sheet(0, model::Lang::ja);
    CHECK(sheet.font_size >= longer.layout.min_font_size);
    if (sheet.font_size < longer.layout.font_size) {
      CHECK(sheet.pages.size() == 1);
      longer.check(0, model::Lang::ja);
      shrunk = true;
    }
  }
  CHECK(shrunk);
}

TEST_CASE("every shipped layout loads and lays out within its cells") {
  for (const char* name : {"setagaya", "suginami", "nerima", "itabashi"}) {
    INFO(name);
    REQUIRE(std::filesystem::exists(layouts() / (std::string(name) + ".json")));  // a missing layout fails
    Fixture f(testing::synthetic_plan(2, 3, 2, 3), name);
    for (auto lang : model::all_langs) f.check(0, lang);
  }
}

TEST_CASE("a broken layout file is reported with its file, line, the name and the known names") {
  struct Case {
    const char* file;
    std::vector<std::string> says;
  };
  const std::vector<Case> cases{
      {"unknown_key.json", {"unknown_key.json:7:", "/body/0/colums", "unknown key \"colums\"", "known: ", "columns", "fix: "}},
      {"unknown_indicator_field.json",
       {"unknown_indicator_field.json:8:", "/body/0/columns/1/field", "unknown indicator field \"nmae\"",
        "known: number, name, description", "generator/pdf/README.md"}},
      {"unknown_project_field.json", {":6:", "unknown project field \"budjet\"", "budget, contacts"}},
      {"unknown_header_field.json", {":3:", "unknown sheet field \"plan_name\"", "known: document_title, plan, city"}},
      {"unknown_rows.json", {":2:", "unknown rows \"nothing\"", "activity, outcome, indicators, reasons, projects, budget_items"}},
      {"unknown_type.json", {":2:", "unknown type \"tabel\"", "table, bands, columns"}},
      {"unknown_label.json", {":2:", "unknown key \"contnued\" in the labels", "continued"}},
      {"band_spans.json", {":5:", "span 2 grid columns but the band has 4"}},
      {"lane_field.json", {"unknown indicator field \"status\""}},
      {"not_json.json", {"not_json.json:4:", "syntax error"}},
      {"no_such_layout.json", {"no_such_layout.json: layout file not found"}},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const std::string message = load_error(bad_layouts() / c.file);
    INFO(message);
    for (const auto& part : c.says) CHECK(message.find(part) != std::string::npos);
  }
}

TEST_CASE("every mistake in a layout is reported in one run") {
  auto dir = std::filesystem::temp_directory_path() / "hyoka-pdf-layout-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "two.json") << "{\n  \"font_sise\": 9,\n  \"body\": [{\"type\": \"legend\", \"mrk\": \"※1\"}]\n}\n";
  const std::string message = load_error(dir / "two.json");
  CHECK(message.find("two.json:2:") != std::string::npos);
  CHECK(message.find("\"font_sise\"") != std::string::npos);
  CHECK(message.find("two.json:3:") != std::string::npos);
  CHECK(message.find("\"mrk\"") != std::string::npos);
  std::filesystem::remove_all(dir);
}

namespace {

// Everything a plan and its layout write in English, as the files hold it.
std::string english_sources(const std::filesystem::path& plan_dir, const std::filesystem::path& layout) {
  std::string all;
  auto add = [&](const std::filesystem::path& file) {
    std::ifstream in(file);
    all += std::string(std::istreambuf_iterator<char>(in), {}) + "\n";
  };
  add(layout);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(plan_dir))
    if (entry.is_regular_file()) add(entry.path());
  // JSON writes a line break as \n: a word before it and one after are apart.
  for (std::size_t at; (at = all.find("\\n")) != std::string::npos;) all.replace(at, 2, " ");
  for (char& c : all)
    if (c == '\n') c = ' ';
  return all;
}

}  // namespace

TEST_CASE("English sheets of every sample plan: no line ends inside a word without a hyphen") {
  auto latin_letter = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); };
  for (const char* city : {"setagaya", "suginami", "nerima", "itabashi"}) {
    auto loaded = model::load_plan(std::filesystem::path(HYOKA_SOURCE_DIR) / "content" / city);
    REQUIRE_MESSAGE(loaded.plan, "the sample plan content/" << city << " must load");
    const std::string layout = loaded.plan->layout;
    Fixture f(std::move(*loaded.plan), layout);
    const std::string sources =
        english_sources(std::filesystem::path(HYOKA_SOURCE_DIR) / "content" / city, layouts() / (layout + ".json"));
    int lines = 0;
    for (std::size_t i = 0; i < f.plan.policies.size(); ++i) {
      for (const auto& page : f.sheet(i, model::Lang::en).pages) {
        // Consecutive lines of one cell: the first may end in a letter only if the next does not start with one.
        for (std::size_t k = 0; k + 1 < page.texts.size(); ++k) {
          const auto& a = page.texts[k];
          const auto& b = page.texts[k + 1];
          if (!a.wrapped || a.cell.x != b.cell.x || a.cell.y != b.cell.y || a.cell.w != b.cell.w) continue;
          auto end = decode_utf8(a.text), start = decode_utf8(b.text);
          ++lines;
          if (!latin_letter(end.back()) || !latin_letter(start.front())) continue;
          // Two letters meet at the break: the text must have had a space there.
          // The letters on either side of the break (marks such as *1 and quotes are not part of the word).
          std::string last, first;
          for (auto i = end.size(); i-- > 0 && latin_letter(end[i]);) last.insert(last.begin(), static_cast<char>(end[i]));
          for (std::size_t i = 0; i < start.size() && latin_letter(start[i]); ++i) first += static_cast<char>(start[i]);
          CHECK_MESSAGE(sources.find(last + " " + first) != std::string::npos, city, " ", f.plan.policies[i].id,
                        ": cut inside a word: ", a.text, " | ", b.text);
        }
      }
    }
    CHECK(lines > 0);
  }
}
