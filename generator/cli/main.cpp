// hyoka: plan data + commentary → evaluated bilingual site and PDF sheets.
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"hyoka: generates a city's annual plan evaluation report (bilingual site and PDF sheets)", "hyoka"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "hyoka 0.1.0");
  hyoka::cli::add_check_command(app);
  hyoka::cli::add_evaluate_command(app);
  hyoka::cli::add_build_command(app);
  hyoka::cli::add_render_command(app);
  hyoka::cli::add_packet_command(app);
  hyoka::cli::add_new_command(app);
  hyoka::cli::add_serve_command(app);
  hyoka::cli::add_export_command(app);
  hyoka::cli::add_import_command(app);
  hyoka::cli::add_status_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}
