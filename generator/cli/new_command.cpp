// `hyoka new site DIR`, `hyoka new plan ID`, `hyoka new policy PLAN ID`:
// starting files that pass `hyoka check` and build at once. Nothing existing
// is ever overwritten, and nothing is left half-written.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/site_lookup.hpp"
#include "model/loader.hpp"
#include "model/reader.hpp"
#include "site/i18n.hpp"

namespace hyoka::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

struct NewArgs {
  SiteArgs site;
  std::string dir;        // new site
  std::string title, publisher;
  std::string plan, id;   // new plan / policy
  std::string period;     // "2024-2027"
  int year = 0;
  std::string area;
};

// A failure the user can act on: what is wrong and the fix.
struct NewError {
  std::string what, fix;
};

json text(const std::string& ja, const std::string& en) { return json{{"ja", ja}, {"en", en}}; }

// Written through a temporary file and a rename: whole or not at all.
void write_file(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  fs::path temporary = file;
  temporary += ".new-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(temporary);
      throw NewError{"cannot write " + file.string(), "check that the folder is writable and the disk not full"};
    }
  }
  fs::rename(temporary, file);
}

void write_json(const fs::path& file, const json& document) { write_file(file, document.dump(2) + "\n"); }

void refuse_existing(const fs::path& path) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec)))
    throw NewError{path.string() + " already exists", "choose another name, or edit the existing file"};
}

void check_id(const std::string& id, const char* what) {
  if (const auto problem = model::id_problem(id))
    throw NewError{std::string(what) + " \"" + id + "\": " + *problem, "use ASCII letters, digits, '-', '_' or '.'"};
}

// --- new site --------------------------------------------------------------

json site_config(const NewArgs& args, const site::Catalogues& ui) {
  auto ui_text = [&](const char* key) { return text(ui.get(model::Lang::ja, key), ui.get(model::Lang::en, key)); };
  json title = args.title.empty() ? ui_text("site.name") : json{{"ja", args.title}};
  json publisher = args.publisher.empty() ? text("（発行する自治体の名前）", "(the city publishing this site)")
                                          : json{{"ja", args.publisher}};
  return json{{"$schema", "content/schema/site.schema.json"},
              {"title", std::move(title)},
              {"languages", {"ja", "en"}},
              {"content", "content"},
              {"output", "output"},
              {"publisher", {{"name", std::move(publisher)}}},
              {"licence",
               {{"name", text("クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）",
                              "Creative Commons Attribution 4.0 International (CC BY 4.0)")},
                {"url", "https://creativecommons.org/licenses/by/4.0/deed.ja"}}}};
}

// Regular files only: the example and the schemas are hyoka's own.
void copy_folder(const fs::path& from, const fs::path& to) {
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    const fs::path target = to / fs::relative(entry.path(), from);
    fs::create_directories(target.parent_path());
    fs::copy_file(entry.path(), target);
  }
}

// The site is made in a sibling folder and renamed into place at the end.
void new_site(const NewArgs& args, const site::Resources& resources) {
  const fs::path dir = fs::path(args.dir).lexically_normal();
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    throw NewError{dir.string() + " already exists and is not empty", "name a new folder: hyoka new site my-city"};
  const fs::path staging = fs::absolute(dir).parent_path() / ("." + fs::absolute(dir).filename().string() + ".new-" +
                                                              std::to_string(::getpid()));
  fs::remove_all(staging);
  try {
    const site::Catalogues ui = site::Catalogues::load(resources.i18n.dirs());
    write_json(staging / site::config_file_name, site_config(args, ui));
    const auto readme = resources.templates.find("new-site/README.md");
    if (!readme) throw NewError{"hyoka's new-site/README.md is missing", "reinstall hyoka"};
    fs::copy_file(*readme, staging / "README.md");
    write_file(staging / ".gitignore", "# written by hyoka build and hyoka serve\n/output/\n");
    copy_folder(resources.schema, staging / "content" / "schema");
    copy_folder(resources.example, staging / "content" / resources.example.filename());
    if (fs::exists(dir, ec)) fs::remove(dir);  // the empty folder it replaces
    fs::rename(staging, dir);
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  std::cout << "hyoka new site: wrote " << dir.string() << " (hyoka.json, README.md, content/"
            << resources.example.filename().string() << " as an example)\n"
            << "next:\n  cd " << dir.string() << "\n  hyoka serve     # preview at http://127.0.0.1:1313/\n"
            << "  hyoka build     # the site for publishing, in output/\n";
}

// --- new plan, new policy --------------------------------------------------

// The fiscal year (April to March) of today: a starting point the city edits.
int current_fiscal_year() {
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return static_cast<int>(today.year()) - (static_cast<unsigned>(today.month()) < 4 ? 1 : 0);
}

std::pair<int, int> parse_period(const std::string& period) {
  int start = 0, end = 0;
  char dash = 0, extra = 0;
  if (std::sscanf(period.c_str(), "%d%c%d%c", &start, &dash, &end, &extra) != 3 || dash != '-' || start < 1900 ||
      end > 2200 || end < start)
    throw NewError{"--period \"" + period + "\" is not START-END", "write the plan's fiscal years, e.g. --period 2024-2027"};
  return {start, end};
}

fs::path content_dir(const NewArgs& args) {
  const auto site = open_site(args.site, ConfigNeed::required, std::cerr);
  if (!site) throw NewError{"no site here", "run this in a site folder (see hyoka new site), or pass --config"};
  return site->config->content;
}

// policies/ID.json with one initiative and one outcome indicator to fill
// in, and its commentary in both languages.
fs::path write_policy(const fs::path& plan_dir, const std::string& id, const std::string& area, const std::string& division) {
  const fs::path dir = plan_dir / "policies";
  for (const char* suffix : {".json", ".ja.md", ".en.md"}) refuse_existing(dir / (id + suffix));
  const json policy{
      {"$schema", "../../schema/policy.schema.json"},
      {"id", id},
      {"area", area},
      {"number", id},
      {"name", text("（施策の名称）", "(name of the policy)")},
      {"target_state", text("（めざす姿）", "(target state)")},
      {"divisions", division.empty() ? json::array() : json::array({division})},
      {"projects", json::array({{{"id", id + "-1"}, {"number", "1"}, {"name", text("（取組みの名称）", "(initiative)")}}})},
      {"indicators", json::array({{{"id", "o1"},
                                   {"kind", "outcome"},
                                   {"number", "1"},
                                   {"project", id + "-1"},
                                   {"name", text("（成果指標の名称）", "(outcome indicator)")},
                                   {"unit", "%"},
                                   {"years", json::object()}}})}};
  write_file(dir / (id + ".ja.md"), "## 施策の現状と課題\n\n（現状と課題を書きます。）\n\n## 主な取組み\n\n（主な取組みを書きます。）\n");
  write_file(dir / (id + ".en.md"),
             "## Current state and issues\n\n(Write the current state and issues.)\n\n## Main initiatives\n\n(Write the main initiatives.)\n");
  write_json(dir / (id + ".json"), policy);
  return dir / (id + ".json");
}

void new_plan(const NewArgs& args) {
  check_id(args.id, "plan id");
  const fs::path dir = content_dir(args) / args.id;
  refuse_existing(dir);
  const auto [start, end] = args.period.empty() ? std::pair{current_fiscal_year(), current_fiscal_year() + 3}
                                                : parse_period(args.period);
  const int year = args.year ? args.year : start;
  if (year < start || year > end)
    throw NewError{"--year " + std::to_string(year) + " is outside the period", "choose a year inside --period"};
  const json plan{{"$schema", "../schema/plan.schema.json"},
                  {"id", args.id},
                  {"city", text("（自治体名）", "(city)")},
                  {"name", text("（計画の名称）", "(name of the plan)")},
                  {"period", {{"start", start}, {"end", end}}},
                  {"evaluation_year", year},
                  {"areas", json::array({{{"id", "1"}, {"number", "1"}, {"name", text("（分野の名称）", "(area)")}}})}};
  const json divisions{{"$schema", "../schema/divisions.schema.json"},
                       {"divisions", json::array({{{"id", "kikaku"}, {"name", text("（担当所管課）", "(responsible division)")}}})}};
  const fs::path staging = dir.parent_path() / ("." + args.id + ".new-" + std::to_string(::getpid()));
  const std::string first_policy = "1-1";
  try {
    write_json(staging / "plan.json", plan);
    write_json(staging / "divisions.json", divisions);
    write_policy(staging, first_policy, "1", "kikaku");  // a plan needs one policy
    fs::rename(staging, dir);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw;
  }
  std::cout << "hyoka new plan: wrote " << dir.string() << " (plan.json, divisions.json, policies/" << first_policy
            << ".json), FY" << start << "–FY" << end << ", evaluated FY" << year
            << "\nnext: fill in plan.json and policies/" << first_policy << ".json; more policies: hyoka new policy "
            << args.id << " ID\n";
}

void new_policy(const NewArgs& args) {
  check_id(args.plan, "plan id");
  check_id(args.id, "policy id");
  const fs::path plan_dir = content_dir(args) / args.plan;
  auto loaded = model::load_plan(plan_dir);
  for (const auto& diagnostic : loaded.diagnostics.items()) std::cerr << model::format(diagnostic) << "\n";
  if (!loaded.plan || loaded.plan->areas.empty())
    throw NewError{"cannot read the plan " + plan_dir.string(), "fix the errors above, or start one with hyoka new plan"};
  const model::Plan& plan = *loaded.plan;
  const std::string area = args.area.empty() ? plan.areas.front().id : args.area;
  if (!plan.find_area(area)) throw NewError{"the plan has no area \"" + area + "\"", "name one of plan.json's areas with --area"};
  const fs::path file = write_policy(plan_dir, args.id, area, plan.divisions.empty() ? "" : plan.divisions.front().id);
  std::cout << "hyoka new policy: wrote " << file.string() << " (area " << area << ") and its commentary "
            << args.id << ".ja.md, " << args.id << ".en.md\nnext: add targets and actuals under \"years\", then: hyoka check\n";
}

int run(const std::function<void()>& command) {
  try {
    command();
    return 0;
  } catch (const NewError& e) {
    std::cerr << "hyoka new: error: " << e.what << " (fix: " << e.fix << ")\n";
  } catch (const site::ResourceError& e) {
    std::cerr << "hyoka new: error: " << e.what() << "\n";
  } catch (const site::I18nError& e) {
    std::cerr << "hyoka new: error: " << e.what() << "\n";
  } catch (const fs::filesystem_error& e) {
    std::cerr << "hyoka new: error: " << e.what() << "\n";
  }
  return 1;
}

}  // namespace

void add_new_command(CLI::App& app) {
  auto args = std::make_shared<NewArgs>();
  auto* command = app.add_subcommand("new", "Start a site, a plan or a policy with files that pass `hyoka check`");
  command->require_subcommand(1);

  auto* site = command->add_subcommand("site", "Write a working site in DIR: hyoka.json, a README for the staff, the "
                                               "schemas and one example plan from the sample content");
  site->add_option("DIR", args->dir, "New folder for the site")->required();
  site->add_option("--title", args->title, "The site's title in Japanese (default: hyoka's)");
  site->add_option("--publisher", args->publisher, "Who publishes it, in Japanese (e.g. 〇〇市 政策経営部)");
  site->callback([args] { exit_with(run([&] { new_site(*args, site::Resources::defaults()); })); });

  auto* plan = command->add_subcommand("plan", "Add a plan folder (plan.json, divisions.json, policies/) to the site's content");
  plan->add_option("ID", args->id, "Plan id (its folder and URL name), e.g. kihon-keikaku")->required();
  plan->add_option("--period", args->period, "The plan's fiscal years, e.g. 2024-2027 (default: this fiscal year + 3)");
  plan->add_option("--year", args->year, "The fiscal year evaluated (default: the first of the period)");
  add_site_options(*plan, args->site, false);
  plan->callback([args] { exit_with(run([&] { new_plan(*args); })); });

  auto* policy = command->add_subcommand("policy", "Add a policy file (with its commentary) to a plan of the site");
  policy->add_option("PLAN", args->plan, "Plan id (a folder in the content folder)")->required();
  policy->add_option("ID", args->id, "Policy id, e.g. 1-2-3")->required();
  policy->add_option("--area", args->area, "The area it belongs to (default: the plan's first)");
  add_site_options(*policy, args->site, false);
  policy->callback([args] { exit_with(run([&] { new_policy(*args); })); });
}

}  // namespace hyoka::cli
