// The written files, checked with the tools a reader would use: pdftotext
// finds the names, pdffonts shows embedded subsets, qpdf --check passes,
// poppler prints no warning, the same input gives the same bytes, links go
// where they say; and the sample plans' sheets show every label of their
// layout and none of the notes about how the data was transcribed.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"
#include "pdf/layout_spec.hpp"
#include "pdf/pdf.hpp"
#include "present/marks.hpp"
#include "synthetic.hpp"

using namespace hyoka;

namespace {

std::filesystem::path source_dir() { return HYOKA_SOURCE_DIR; }

struct TempDir {
  std::filesystem::path path;
  TempDir() : path(std::filesystem::temp_directory_path() / fmt::format("hyoka-pdf-test-{}", getpid())) {
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

struct Run {
  int status = 0;
  std::string out, err;
};

std::string bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a command; its standard error is kept apart (poppler writes its warnings there).
Run run(const std::string& command) {
  static int count = 0;
  const auto err_file = std::filesystem::temp_directory_path() / fmt::format("hyoka-pdf-test-{}-{}.err", getpid(), ++count);
  Run r;
  FILE* pipe = popen((command + " 2>'" + err_file.string() + "'").c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  r.status = pclose(pipe);
  r.err = bytes(err_file);
  std::filesystem::remove(err_file);
  return r;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// pdftotext puts each wrapped line of a cell on its own line: compare without whitespace.
std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\f' && c != '\t') out += c;
  return out;
}

// The default mode, as a reader would run it; poppler must not complain.
std::string extracted(const std::filesystem::path& pdf) {
  Run r = run("pdftotext " + quoted(pdf) + " -");
  CHECK_MESSAGE(r.err.empty(), "pdftotext warns: ", r.err);
  return r.out;
}

pdf::Options options() {
  pdf::Options o;
  o.layouts_dir = source_dir() / "templates" / "layouts";
  return o;
}

int pages(const std::filesystem::path& pdf) { return std::atoi(run("qpdf --show-npages " + quoted(pdf)).out.c_str()); }

// qpdf, pdffonts and pdfinfo accept the file without a word of warning; the fonts are embedded subsets.
void check_valid(const std::filesystem::path& file, model::Lang lang) {
  INFO(file.string());
  REQUIRE(std::filesystem::exists(file));
  Run check = run("qpdf --check " + quoted(file));
  CHECK(check.status == 0);
  CHECK(check.out.find("WARNING") == std::string::npos);
  Run fonts = run("pdffonts " + quoted(file));
  CHECK_MESSAGE(fonts.err.empty(), "pdffonts warns: ", fonts.err);
  // Japanese in the Japanese face; English in the Latin face (and the Japanese one for what it lacks).
  if (lang == model::Lang::ja) CHECK(fonts.out.find("IPAexGothic") != std::string::npos);
  CHECK(fonts.out.find("CID TrueType      Identity-H       yes yes yes") != std::string::npos);
  CHECK((fonts.out.find("NotoSans") != std::string::npos) == (lang == model::Lang::en));
  Run info = run("pdfinfo -meta " + quoted(file));
  CHECK_MESSAGE(info.err.empty(), "pdfinfo warns: ", info.err);
  CHECK(info.out.find("<dc:title>") != std::string::npos);  // XMP metadata
  CHECK(info.out.find("<xmp:CreatorTool>hyoka</xmp:CreatorTool>") != std::string::npos);
}

void check_sheet_file(const std::filesystem::path& file, const model::Policy& policy, model::Lang lang) {
  check_valid(file, lang);
  INFO(file.string());
  if (pages(file) == 1) CHECK(std::filesystem::file_size(file) < 80 * 1024);
  std::string text = squeezed(extracted(file));
  CHECK(text.find(squeezed(policy.name.in(lang)).substr(0, 24)) != std::string::npos);
  for (const auto& ind : policy.indicators) {
    INFO(ind.id);
    // A wrapped English word may carry a hyphen at its break: compare up to the first one.
    std::string name = squeezed(ind.name.in(lang));
    CHECK(text.find(name.substr(0, std::min<std::size_t>(name.size(), 12))) != std::string::npos);
  }
}

// The file's objects as text (streams uncompressed): what its link annotations say.
std::string objects(const std::filesystem::path& file) {
  const std::filesystem::path plain = file.string() + ".qdf";
  REQUIRE(run("qpdf --qdf --object-streams=disable " + quoted(file) + " " + quoted(plain)).status == 0);
  std::string out = bytes(plain);
  std::filesystem::remove(plain);
  return out;
}

int count(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("a sheet in both languages: text, fonts, size, qpdf, determinism, metadata") {
  TempDir dir;
  auto plan = pdf::testing::synthetic_plan(2);
  auto evaluation = evaluate::evaluate_plan(plan);
  pdf::Writer writer(options());
  for (auto lang : model::all_langs) {
    auto file = dir.path / fmt::format("sheet.{}.pdf", model::code(lang));
    writer.write_sheet(plan, evaluation, plan.policies[0].id, lang, file);
    check_sheet_file(file, plan.policies[0], lang);
    CHECK(!std::filesystem::exists(file.string() + ".tmp"));
    auto again = dir.path / "again.pdf";
    pdf::Writer(options()).write_sheet(plan, evaluation, plan.policies[0].id, lang, again);
    CHECK(bytes(file) == bytes(again));
  }
  auto info = run("pdfinfo " + quoted(dir.path / "sheet.ja.pdf")).out;
  CHECK(info.find("世田谷区") != std::string::npos);  // author = city
  CHECK(info.find("CreationDate") == std::string::npos);
  // Text extraction reads the ToUnicode map: every character comes back as it was set.
  auto text = squeezed(extracted(dir.path / "sheet.en.pdf"));
  CHECK(text.find(squeezed("Share of residents who know the local welfare")) != std::string::npos);
  CHECK(text.find("Evaluationsheet") != std::string::npos);
}

TEST_CASE("a continued sheet passes the same checks and repeats its header band") {
  TempDir dir;
  auto plan = pdf::testing::synthetic_plan(1, 9, 6, 4);
  auto evaluation = evaluate::evaluate_plan(plan);
  pdf::Writer writer(options());
  auto file = dir.path / "long.pdf";
  writer.write_sheet(plan, evaluation, plan.policies[0].id, model::Lang::ja, file);
  check_sheet_file(file, plan.policies[0], model::Lang::ja);
  CHECK(pages(file) >= 2);
  auto second = squeezed(run("pdftotext -f 2 -l 2 " + quoted(file) + " -").out);
  CHECK(second.find("（続き）") != std::string::npos);
  CHECK(second.find(squeezed(plan.name.ja)) != std::string::npos);
}

TEST_CASE("booklet: cover, clickable contents with page numbers, bookmarks, every sheet") {
  TempDir dir;
  auto plan = pdf::testing::synthetic_plan(6);
  auto evaluation = evaluate::evaluate_plan(plan);
  pdf::Writer writer(options());
  auto file = dir.path / "booklet.pdf";
  writer.write_booklet(plan, evaluation, model::Lang::ja, file);
  check_valid(file, model::Lang::ja);
  CHECK(pages(file) == 1 + 1 + 6);  // cover, one contents page, six one-page sheets
  std::string text = squeezed(extracted(file));
  CHECK(text.find("目次") != std::string::npos);
  for (const auto& p : plan.policies) CHECK(text.find(squeezed(p.name.ja)) != std::string::npos);
  auto outline = run("qpdf --json --json-key=outlines " + quoted(file)).out;
  CHECK(outline.find(squeezed(plan.areas[0].name.ja)) != std::string::npos);
  // Every contents line (2 area headings and 6 policies) is a link to a page of the document.
  auto links = objects(file);
  CHECK(count(links, "/Subtype /Link") == 8);
  CHECK(count(links, "/URI") == 0);
}

TEST_CASE("packet: a summary of the selected indicators with page numbers, marked rows, links") {
  TempDir dir;
  auto plan = pdf::testing::synthetic_plan(8);
  auto evaluation = evaluate::evaluate_plan(plan);
  int expected = 0, selected = 0;
  for (const auto& p : evaluation.policies) {
    bool low = false;
    for (const auto& r : p.indicators) {
      bool cd = r.result.grade == "C" || r.result.grade == "D";
      low = low || cd;
      selected += cd;
    }
    expected += low ? 1 : 0;
  }
  pdf::Writer writer(options());
  auto file = dir.path / "packet.pdf";
  CHECK(writer.write_packet(plan, evaluation, {.grades = {"C", "D"}}, model::Lang::ja, file) == expected);
  check_valid(file, model::Lang::ja);
  const std::string all = extracted(dir.path / "packet.pdf");
  CHECK(all.find("抽出した指標の一覧") != std::string::npos);
  // The ▶ mark: once per selected row on its sheet (and in the cover's note, which explains it).
  const std::string cover = run("pdftotext -l 1 " + quoted(file) + " -").out;
  CHECK(count(cover, "▶") > 0);
  CHECK(count(all, "▶") - count(cover, "▶") == selected);
  auto links = objects(file);
  CHECK(count(links, "/Subtype /Link") == selected + expected + 2);  // summary rows, contents lines (2 area headings)
  CHECK(writer.write_packet(plan, evaluation, {.areas = {"1"}}, model::Lang::en, file) == 4);
  auto none = dir.path / "none.pdf";
  CHECK(writer.write_packet(plan, evaluation, {.grades = {"Z"}}, model::Lang::ja, none) == 0);
  CHECK(pages(none) == 1);
  CHECK(extracted(none).find("条件に該当する施策はありません") != std::string::npos);
}

namespace {

model::Plan sample(const std::string& city) {
  auto plan_dir = source_dir() / "content" / city;
  auto loaded = model::load_plan(plan_dir);
  REQUIRE_MESSAGE(loaded.plan, "the sample plan content/" << city << " must load");  // missing or broken: a failure
  REQUIRE(!loaded.diagnostics.has_errors());
  return std::move(*loaded.plan);
}

void add_label(std::vector<std::string>& out, const model::Text& label, model::Lang lang) {
  const std::string text = label.in(lang);
  if (!text.empty() && text.find('{') == std::string::npos) out.push_back(text);
}

void add_table_labels(std::vector<std::string>& out, const pdf::TableSpec& table, model::Lang lang) {
  add_label(out, table.title, lang);
  for (const auto& c : table.columns)
    if (!c.omit_empty) add_label(out, c.label, lang);
  for (const auto& s : table.subrows)
    if (!s.omit_empty) add_label(out, s.label, lang);
}

// Every label a layout prints whatever the data (parts shown only when there is
// something in them, omit_empty, are left out: the plan may have none).
void add_block_labels(std::vector<std::string>& out, const pdf::BlockSpec& b, model::Lang lang) {
  if (b.when == pdf::Condition::graded) return;  // a grade legend: only where the plan grades
  add_label(out, b.title, lang);
  if (b.type == pdf::BlockType::table) add_table_labels(out, b.table, lang);
  for (const auto& lane : b.bands.lanes) add_table_labels(out, lane.table, lang);
  for (const auto& c : b.bands.head) add_label(out, c.label, lang);
  for (const auto& c : b.bands.after) add_label(out, c.label, lang);
  for (const auto& row : b.rows) add_label(out, row.label, lang);
  for (const auto& column : b.columns)
    for (const auto& inner : column.blocks) add_block_labels(out, inner, lang);
  for (const auto& inner : b.blocks) add_block_labels(out, inner, lang);
}

std::vector<std::string> layout_labels(const pdf::LayoutSpec& layout, model::Lang lang) {
  std::vector<std::string> out;
  add_label(out, layout.title, lang);
  for (const auto& row : layout.header)
    for (const auto& cell : row.cells) add_label(out, cell.label, lang);
  for (const auto& block : layout.body) add_block_labels(out, block, lang);
  return out;
}

// Words pdftotext -bbox found, with their page and top.
struct Word {
  int page;
  double top;
  std::string text;
};

std::vector<Word> words(const std::filesystem::path& file) {
  Run r = run("pdftotext -bbox " + quoted(file) + " -");
  CHECK(r.err.empty());
  std::vector<Word> out;
  int page = 0;
  std::istringstream lines(r.out);
  static const std::regex word(R"re(<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)</word>)re");
  for (std::string line; std::getline(lines, line);) {
    if (line.find("<page ") != std::string::npos) ++page;
    std::smatch m;
    if (std::regex_search(line, m, word)) out.push_back({page, std::stod(m[1]), m[2]});
  }
  return out;
}

// How many lines of the sheet hold an activity row and an outcome row side by side.
int paired_lines(const model::Policy& policy) {
  int n = 0;
  for (const auto& project : policy.projects) {
    int activities = 0, outcomes = 0;
    for (const auto& ind : policy.indicators)
      if (ind.project == project.id) (ind.kind == model::IndicatorKind::activity ? activities : outcomes)++;
    n += std::min(activities, outcomes);
  }
  return n;
}

// Every sheet of a sample plan in both languages: valid, the layout's labels all
// shown somewhere, no transcription note anywhere.
void check_sample(const std::string& city) {
  TempDir dir;
  pdf::Writer writer(options());
  const model::Plan plan = sample(city);
  const auto evaluation = evaluate::evaluate_plan(plan);
  const auto layout = pdf::load_layout(source_dir() / "templates" / "layouts" / (plan.layout + ".json"));
  std::vector<std::string> notes;  // what staff were told about the transcription: never on a sheet
  auto note = [&](const std::optional<model::Text>& t) {
    if (t) notes.push_back(squeezed(t->ja).substr(0, 30));
  };
  note(plan.transcription_note);
  for (const auto& p : plan.policies) {
    note(p.transcription_note);
    for (const auto& i : p.indicators) note(i.transcription_note);
    for (const auto& j : p.projects) note(j.transcription_note);
  }
  for (auto lang : model::all_langs) {
    std::string all;
    for (const auto& policy : plan.policies) {
      auto file = dir.path / fmt::format("{}-{}.{}.pdf", city, policy.id, model::code(lang));
      writer.write_sheet(plan, evaluation, policy.id, lang, file);
      check_sheet_file(file, policy, lang);
      const std::string text = extracted(file);
      all += squeezed(text) + squeezed(std::regex_replace(text, std::regex("-\n"), ""));
      for (const auto& n : notes) CHECK_MESSAGE(text.find(n) == std::string::npos, file.string(), " shows a transcription note: ", n);
      CHECK(text.find(lang == model::Lang::ja ? "抽出テキスト" : "extracted text") == std::string::npos);
      CHECK(text.find("rev15") == std::string::npos);  // ids are not printed, numbers are
      // Each footnote of a sheet has its own number: a project's ※1 that
      // another footnote already has is renumbered (Suginami's 実行計画 15).
      std::set<int> numbers;
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) {
        const bool mark = line.rfind("※", 0) == 0 || (line.size() > 1 && line[0] == '*' && std::isdigit(static_cast<unsigned char>(line[1])));
        // A footnote reads "※3 term：definition"; a note that starts with a
        // mark (Nerima's ※１ 工事は…, repeated per row as printed) has no colon.
        if (!mark || (line.find("：") == std::string::npos && line.find(": ") == std::string::npos)) continue;
        const std::size_t end = line.find_first_of(" \xE3");  // the gap: a space, or the ideographic space 　
        if (end == std::string::npos || (line[end] != ' ' && line.compare(end, 3, "\xE3\x80\x80") != 0)) continue;
        const int number = present::mark_number(line.substr(0, end));
        if (number > 0) CHECK_MESSAGE(numbers.insert(number).second, file.string(), " prints footnote ", number, " twice");
      }
      if (city == "suginami" && policy.id == "rev15") CHECK(numbers.size() == 8);
      if (city == "setagaya" && lang == model::Lang::ja) {
        // Each activity row starts at the height of the outcome row beside it:
        // their first 区分 labels (当初計画, 目標) share a top.
        auto found = words(file);
        int level = 0;
        for (const auto& a : found) {
          if (a.text != "当初計画") continue;
          level += std::any_of(found.begin(), found.end(), [&](const Word& o) {
            return o.text == "目標" && o.page == a.page && std::abs(o.top - a.top) < 0.5;
          });
        }
        CHECK_MESSAGE(level == paired_lines(policy), policy.id);
      }
    }
    // The booklet of every sheet: valid too, and its contents lines all links.
    auto booklet = dir.path / fmt::format("{}-booklet.{}.pdf", city, model::code(lang));
    writer.write_booklet(plan, evaluation, lang, booklet);
    check_valid(booklet, lang);
    CHECK(count(objects(booklet), "/Subtype /Link") >= static_cast<int>(plan.policies.size()));
    for (const auto& label : layout_labels(layout, lang)) {
      INFO(city, " ", model::code(lang));
      CHECK_MESSAGE(all.find(squeezed(label)) != std::string::npos, "no sheet shows the label ", label);
    }
  }
}

}  // namespace

TEST_CASE("Setagaya's sheets: valid, every label, no transcription note, activity beside outcome") { check_sample("setagaya"); }
TEST_CASE("Suginami's sheets: valid, every label, no transcription note, no internal id") { check_sample("suginami"); }
TEST_CASE("Nerima's sheets: valid, every label, no transcription note") { check_sample("nerima"); }
TEST_CASE("Itabashi's overview: valid, every label, no transcription note") { check_sample("itabashi"); }

TEST_CASE("hyoka packet: the chosen sheets with a footer link to each web page; exit 1 on a plan with errors") {
  const std::filesystem::path binary = HYOKA_BINARY;
  REQUIRE(std::filesystem::exists(binary));
  auto plan_dir = source_dir() / "content" / "setagaya";
  REQUIRE(std::filesystem::exists(plan_dir / "plan.json"));
  TempDir dir;
  auto out = dir.path / "packet.pdf";
  auto ok = run(quoted(binary) + " packet " + quoted(plan_dir) + " --grades C,D --lang en --base-url https://hyoka.example.jp" +
                " --out " + quoted(out));
  CHECK(ok.status == 0);
  CHECK(ok.out.find("wrote") != std::string::npos);
  check_valid(out, model::Lang::en);
  const std::string text = extracted(out);
  CHECK(squeezed(text).find("Councilbriefingpacket") != std::string::npos);
  CHECK(text.find("https://hyoka.example.jp/en/setagaya/policies/1-1-3.html") != std::string::npos);
  CHECK(objects(out).find("/URI (https://hyoka.example.jp/en/setagaya/policies/1-1-3.html)") != std::string::npos);
  auto bad = run(quoted(binary) + " packet " + quoted(dir.path) + " --out " + quoted(dir.path / "x.pdf"));
  CHECK(bad.status != 0);
  CHECK(!std::filesystem::exists(dir.path / "x.pdf"));
}
