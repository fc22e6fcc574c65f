#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/plan_loading.hpp"
#include "model/checks.hpp"
#include "cli/site_lookup.hpp"

namespace hyoka::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> plans;
  SiteArgs site;
  bool strict = false;
};

// A content folder stands for every plan in it.
std::vector<std::filesystem::path> plan_dirs(const std::vector<std::string>& arguments) {
  std::vector<std::filesystem::path> dirs;
  for (const auto& argument : arguments) {
    auto plans = std::filesystem::exists(std::filesystem::path(argument) / "plan.json") ? std::vector<std::filesystem::path>{}
                                                                                         : model::find_plans(argument);
    if (plans.empty()) dirs.emplace_back(argument);
    dirs.insert(dirs.end(), plans.begin(), plans.end());
  }
  return dirs;
}

int run_check(const CheckOptions& options) {
  std::vector<std::string> arguments = options.plans;
  if (arguments.empty()) {  // the site in the current folder (or --config)
    const auto site = open_site(options.site, ConfigNeed::required, std::cerr);
    if (!site) return 1;
    std::cout << site->config->file.string() << ": ok\n";
    arguments.push_back(site->config->content.string());
  }
  int failed = 0;
  for (const auto& dir : plan_dirs(arguments)) {
    auto result = model::load_plan(dir);
    if (result.plan) model::check_translations(*result.plan, result.diagnostics);
    for (const auto& diagnostic : result.diagnostics.items()) std::cerr << model::format(diagnostic) << "\n";
    bool ok = result.plan && (!options.strict || result.diagnostics.warning_count() == 0);
    std::cout << dir.string() << ": " << (ok ? "ok" : "FAILED") << " (" << result.diagnostics.error_count() << " errors, "
              << result.diagnostics.warning_count() << " warnings)\n";
    failed += !ok;
  }
  return failed ? 1 : 0;
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  auto* command = app.add_subcommand("check", "Validate plan folders without writing anything; reports every error "
                                              "with file, line:column or JSON pointer, and the fix");
  command->add_option("PLAN_DIR", options->plans,
                      "Plan folders (each holds plan.json), or a content folder holding several (default: the site's "
                      "hyoka.json and content folder)")
      ->check(CLI::ExistingDirectory);
  add_site_options(*command, options->site, false);
  command->add_flag("--strict", options->strict, "Treat warnings (e.g. missing English) as failures");
  command->callback([options] { exit_with(run_check(*options)); });
}

}  // namespace hyoka::cli
