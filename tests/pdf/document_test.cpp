// The written files, checked with the tools a reader would use: pdftotext finds
// the names, pdffonts shows an embedded subset, qpdf --check passes, and the
// same input gives the same bytes.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"
#include "pdf/pdf.hpp"
#include "synthetic.hpp"

using namespace hyoka;

namespace {

std::filesystem::path source_dir() { return HYOKA_SOURCE_DIR; }

struct Run {
  int status = 0;
  std::string out;
};

Run run(const std::string& command) {
  Run r;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  r.status = pclose(pipe);
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

// The default mode, as a reader would run it: cells are padded enough that poppler
// keeps neighbouring cells apart instead of merging lines that share a baseline.
std::string extracted(const std::filesystem::path& pdf) { return squeezed(run("pdftotext " + quoted(pdf) + " -").out); }

std::string bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  std::filesystem::path path;
  TempDir() : path(std::filesystem::temp_directory_path() / fmt::format("hyoka-pdf-test-{}", getpid())) {
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

pdf::Options options() { return {.layouts_dir = source_dir() / "templates" / "layouts"}; }

int pages(const std::filesystem::path& pdf) { return std::atoi(run("qpdf --show-npages " + quoted(pdf)).out.c_str()); }

void check_sheet_file(const std::filesystem::path& file, const model::Policy& policy, model::Lang lang) {
  INFO(file.string());
  REQUIRE(std::filesystem::exists(file));
  CHECK(std::filesystem::file_size(file) < 80 * 1024);
  CHECK(run("qpdf --check " + quoted(file)).status == 0);
  auto fonts = run("pdffonts " + quoted(file)).out;
  CHECK(fonts.find("CID TrueType      Identity-H       yes yes yes") != std::string::npos);
  std::string text = extracted(file);
  CHECK(text.find(squeezed(policy.name.in(lang))) != std::string::npos);
  for (const auto& ind : policy.indicators) {
    INFO(ind.id);
    CHECK(text.find(squeezed(ind.name.in(lang))) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("a sheet in both languages: text, fonts, size, qpdf, determinism") {
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
}

TEST_CASE("a continued sheet passes the same checks") {
  TempDir dir;
  auto plan = pdf::testing::synthetic_plan(1, 9, 6, 4);
  auto evaluation = evaluate::evaluate_plan(plan);
  pdf::Writer writer(options());
  auto file = dir.path / "long.pdf";
  writer.write_sheet(plan, evaluation, plan.policies[0].id, model::Lang::ja, file);
  check_sheet_file(file, plan.policies[0], model::Lang::ja);
  CHECK(pages(file) >= 2);
  CHECK(extracted(file).find("（続き）") != std::string::npos);
}

TEST_CASE("booklet: cover, contents with page numbers, bookmarks, every sheet") {
  TempDir dir;
  auto plan = pdf::testing::synthetic_plan(6);
  auto evaluation = evaluate::evaluate_plan(plan);
  pdf::Writer writer(options());
  auto file = dir.path / "booklet.pdf";
  writer.write_booklet(plan, evaluation, model::Lang::ja, file);
  CHECK(run("qpdf --check " + quoted(file)).status == 0);
  CHECK(pages(file) == 1 + 1 + 6);  // cover, one contents page, six one-page sheets
  std::string text = extracted(file);
  CHECK(text.find("目次") != std::string::npos);
  for (const auto& p : plan.policies) CHECK(text.find(squeezed(p.name.ja)) != std::string::npos);
  auto outline = run("qpdf --json --json-key=outlines " + quoted(file)).out;
  CHECK(outline.find("\"title\"") != std::string::npos);
  CHECK(outline.find(squeezed(plan.areas[0].name.ja)) != std::string::npos);
}

TEST_CASE("packet: filters by grade and says so when nothing matches") {
  TempDir dir;
  auto plan = pdf::testing::synthetic_plan(8);
  auto evaluation = evaluate::evaluate_plan(plan);
  int expected = 0;
  for (const auto& p : evaluation.policies) {
    bool low = false;
    for (const auto& r : p.indicators) low = low || r.result.grade == "C" || r.result.grade == "D";
    expected += low ? 1 : 0;
  }
  pdf::Writer writer(options());
  auto file = dir.path / "packet.pdf";
  CHECK(writer.write_packet(plan, evaluation, {.grades = {"C", "D"}}, model::Lang::ja, file) == expected);
  CHECK(run("qpdf --check " + quoted(file)).status == 0);
  CHECK(writer.write_packet(plan, evaluation, {.areas = {"1"}}, model::Lang::en, file) == 4);
  auto none = dir.path / "none.pdf";
  CHECK(writer.write_packet(plan, evaluation, {.grades = {"Z"}}, model::Lang::ja, none) == 0);
  CHECK(pages(none) == 1);
  CHECK(extracted(none).find("条件に該当する施策はありません") != std::string::npos);
}

TEST_CASE("every sample policy: both languages pass the checks") {
  TempDir dir;
  pdf::Writer writer(options());
  for (const char* city : {"setagaya", "suginami", "nerima", "itabashi"}) {
    auto plan_dir = source_dir() / "content" / city;
    if (!std::filesystem::exists(plan_dir / "plan.json")) continue;
    auto loaded = model::load_plan(plan_dir);
    if (!loaded.plan) continue;  // content still being transcribed: model tests report it
    const auto& plan = *loaded.plan;
    auto evaluation = evaluate::evaluate_plan(plan);
    for (const auto& policy : plan.policies)
      for (auto lang : model::all_langs) {
        auto file = dir.path / fmt::format("{}-{}.{}.pdf", city, policy.id, model::code(lang));
        writer.write_sheet(plan, evaluation, policy.id, lang, file);
        check_sheet_file(file, policy, lang);
      }
  }
}

TEST_CASE("hyoka packet: writes the chosen sheets, exits 1 on a plan with errors") {
  std::filesystem::path binary = HYOKA_BINARY;
  if (binary.empty() || !std::filesystem::exists(binary)) {
    MESSAGE("hyoka binary not built here; skipped");
    return;
  }
  auto plan_dir = source_dir() / "content" / "setagaya";
  if (!std::filesystem::exists(plan_dir / "plan.json")) return;
  TempDir dir;
  auto out = dir.path / "packet.pdf";
  auto ok = run(quoted(binary) + " packet " + quoted(plan_dir) + " --grades C,D --lang en --out " + quoted(out));
  CHECK(ok.status == 0);
  CHECK(ok.out.find("wrote") != std::string::npos);
  CHECK(run("qpdf --check " + quoted(out)).status == 0);
  CHECK(extracted(out).find("Councilbriefingpacket") != std::string::npos);
  auto bad = run(quoted(binary) + " packet " + quoted(dir.path) + " --out " + quoted(dir.path / "x.pdf"));
  CHECK(bad.status != 0);
  CHECK(!std::filesystem::exists(dir.path / "x.pdf"));
}
