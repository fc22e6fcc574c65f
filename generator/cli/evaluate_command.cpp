#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/plan_loading.hpp"
#include "evaluate/report.hpp"

namespace hyoka::cli {
namespace {

struct EvaluateOptions {
  std::string plan;
  std::string format = "json";
  int year = 0;
  bool all_years = false;
};

int run_evaluate(const EvaluateOptions& options) {
  auto plan = load_and_report(options.plan, {false, options.year});
  if (!plan) return 1;
  auto evaluation = evaluate::evaluate_plan(*plan, options.year);
  auto years = options.all_years ? evaluation.years : std::vector<int>{};
  if (options.format == "csv") std::cout << evaluate::evaluation_csv(evaluation, years);
  else std::cout << evaluate::evaluation_json(evaluation, years).dump(2) << "\n";
  return 0;
}

}  // namespace

void add_evaluate_command(CLI::App& app) {
  auto options = std::make_shared<EvaluateOptions>();
  auto* command = app.add_subcommand("evaluate", "Print every indicator with its inputs, computed rate, grade and explanation, "
                                                 "for staff to check before publishing");
  add_plan_dir(*command, options->plan);
  command->add_option("--format", options->format, "Output format: json (stable interface) or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  command->add_option("--year", options->year, "Fiscal year to evaluate (default: the plan's evaluation_year)");
  command->add_flag("--all-years", options->all_years, "One item per indicator and every year that has figures");
  command->callback([options] { exit_with(run_evaluate(*options)); });
}

}  // namespace hyoka::cli
