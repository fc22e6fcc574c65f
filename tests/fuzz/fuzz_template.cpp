// libFuzzer target: the input is a template. It is lexed, parsed and rendered
// with a small fixed context, once lenient with autoescape (as an .html page)
// and once with strict undefined without autoescape (as a .txt file).
// TemplateError is the documented way to fail; any other exception, a crash,
// a hang or a sanitizer report is a finding. The templates in
// tests/fuzz/templates/ are there for include, import and extends.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string_view>

#include "budget.hpp"
#include "fuzz_common.hpp"
#include "site/filters.hpp"
#include "template/environment.hpp"

namespace {

const nlohmann::ordered_json& context() {
  static const auto json = nlohmann::ordered_json::parse(R"json({
    "s": "<script>alert('x') & \"y\"</script>",
    "t": "日本語のテキスト、全角　スペース",
    "n": null, "b": true, "i": 42, "neg": -7, "f": 96.666, "z": 0, "big": 9007199254740993,
    "l": [3, 1, 2], "e": [], "m": {},
    "d": {"b": 2, "a": 3, "C": 1, "items": [1, 2]},
    "items": [{"n": 1, "dept": "企画", "k": "x"}, {"n": 2, "dept": "総務"}, {"n": 3, "dept": "企画", "k": null}],
    "tree": [{"name": "a", "children": [{"name": "b", "children": []}]}],
    "policy": {"title": "子育て支援の充実", "year": 2024, "score": 96.666, "budget": 123456789, "grade": "A",
               "tags": ["子育て", "教育"],
               "kpis": [{"name": "待機児童数", "target": 0, "actual": 3, "unit": "人", "rate": 85.5},
                        {"name": "満足度", "target": 80.0, "actual": 76.4, "unit": "%", "rate": null}]},
    "layout": "base.html",
    "i18n": {"nav": {"home": "ホーム"}, "pages": {"count": "{n}件"}, "x": 1}
  })json");
  return json;
}

// The engine as the site uses it: with its report filters.
struct SiteEnvironment : hyoka::tmpl::Environment {
  explicit SiteEnvironment(bool strict) : Environment(HYOKA_FUZZ_TEMPLATES_DIR, {.strict_undefined = strict}) {
    hyoka::site::add_template_filters(*this);
  }
};

const hyoka::tmpl::Environment& environment(bool strict) {
  static const SiteEnvironment lenient(false);
  static const SiteEnvironment strict_env(true);
  return strict ? strict_env : lenient;
}

void render(std::string_view source, bool strict, const char* name) {
  try {
    std::string out = environment(strict).render_string(source, context(), name);
    if (hyoka::fuzz::verbose()) std::fprintf(stderr, "fuzz: %s rendered %zu bytes\n", name, out.size());
    hyoka::fuzz::consume(out);
  } catch (const hyoka::tmpl::TemplateError& e) {  // the documented failure
    if (hyoka::fuzz::verbose()) std::fprintf(stderr, "fuzz: %s: %s\n", name, e.what());
  } catch (const hyoka::fuzz::BudgetExceeded&) {  // the template asked for too much time or memory
    if (hyoka::fuzz::verbose()) std::fprintf(stderr, "fuzz: %s: over the time or memory budget\n", name);
  } catch (const std::exception& e) {
    hyoka::fuzz::unexpected_exception("render_string", e);
  }
}

// HYOKA_FUZZ_BUDGET_DIR: keep (up to 200) inputs that ran over the budget,
// for a person to check that they are expensive templates and not engine bugs.
void keep_over_budget(std::string_view source) {
  static const char* dir = std::getenv("HYOKA_FUZZ_BUDGET_DIR");
  static int kept = 0;
  if (!dir || !*dir || kept >= 200) return;
  ++kept;
  std::size_t hash = std::hash<std::string_view>()(source);
  std::filesystem::path file = std::filesystem::path(dir) / ("over-budget-" + std::to_string(hash));
  std::ofstream(file, std::ios::binary).write(source.data(), static_cast<std::streamsize>(source.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  {
    // Included templates are parsed once and cached; the cache holds no state
    // that depends on earlier inputs.
    hyoka::fuzz::Budget budget(std::chrono::milliseconds(2000), 64u << 20, 512u << 20);
    render(source, false, "fuzz.html");
    render(source, true, "fuzz.txt");
  }
  if (hyoka::fuzz::Budget::exceeded()) keep_over_budget(source);
  return 0;
}
