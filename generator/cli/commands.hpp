#pragma once
// Each subcommand lives in its own file and registers itself on the app.
#include <CLI/CLI.hpp>

namespace hyoka::cli {

void add_check_command(CLI::App& app);
void add_evaluate_command(CLI::App& app);
void add_build_command(CLI::App& app);
void add_render_command(CLI::App& app);
void add_packet_command(CLI::App& app);
void add_new_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_import_command(CLI::App& app);
void add_status_command(CLI::App& app);

}  // namespace hyoka::cli

namespace hyoka::cli {
// Ends a subcommand's callback with an exit code (CLI11 prints nothing for it).
inline void exit_with(int code) {
  if (code != 0) throw CLI::RuntimeError(code);
}

// The PLAN_DIR argument of a command that works on one plan.
inline CLI::Option* add_plan_dir(CLI::App& command, std::string& plan) {
  return command.add_option("PLAN_DIR", plan, "Plan folder (holds plan.json)")->required()->check(CLI::ExistingDirectory);
}
}  // namespace hyoka::cli
