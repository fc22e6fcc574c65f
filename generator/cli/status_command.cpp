// hyoka status: which divisions still owe actuals or reasons for the year.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/plan_loading.hpp"
#include "exchange/status.hpp"

namespace hyoka::cli {
namespace {

struct StatusOptions {
  std::string plan;
  int year = 0;
  std::string format = "text";
};

// 0: the year is complete; 1: rows are still open; 2: the plan has errors.
int run_status(const StatusOptions& options) {
  auto plan = load_and_report(options.plan, {false, options.year, true});
  if (!plan) return 2;
  const auto status = exchange::year_status(*plan, options.year ? options.year : plan->evaluation_year);
  std::cout << (options.format == "csv" ? exchange::status_csv(status) : exchange::status_text(status, *plan));
  return status.complete() ? 0 : 1;
}

}  // namespace

void add_status_command(CLI::App& app) {
  auto options = std::make_shared<StatusOptions>();
  auto* command = app.add_subcommand("status", "Per division, the rows that still lack an actual or a required reason; "
                                               "exit status 0 when the year is complete, 1 when rows are open, 2 on errors");
  add_plan_dir(*command, options->plan);
  command->add_option("--year", options->year, "Fiscal year (default: the plan's evaluation_year)");
  command->add_option("--format", options->format, "text or csv")->check(CLI::IsMember({"text", "csv"}))->capture_default_str();
  command->callback([options] { exit_with(run_status(*options)); });
}

}  // namespace hyoka::cli
