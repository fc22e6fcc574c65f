// hyoka import: filled workbooks and CSV files back into the plan's files.
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/plan_loading.hpp"
#include "exchange/import.hpp"

namespace hyoka::cli {
namespace {
namespace fs = std::filesystem;

struct ImportOptions {
  std::string plan;
  std::vector<std::string> files;
  int year = 0;
  bool dry_run = false;
};

// Files larger than any export are refused before they are read into memory.
constexpr std::uintmax_t max_file_bytes = 64u << 20;

std::string read_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    throw exchange::ExchangeError("not a file", "name the filled workbook or CSV file");
  if (fs::file_size(file, ec) > max_file_bytes)
    throw exchange::ExchangeError("the file is larger than an exported workbook can be", "import the workbook hyoka exported, filled in");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw exchange::ExchangeError("cannot read the file", "check that it exists and is readable");
  return bytes.str();
}

void print_changes(const exchange::ImportReport& report, const fs::path& root) {
  std::map<fs::path, std::vector<const exchange::Change*>> by_file;
  for (const auto& change : report.changes) by_file[change.file].push_back(&change);
  for (const auto& [file, changes] : by_file) {
    std::cout << fs::relative(file, root).generic_string() << "\n";
    for (const auto* change : changes) std::cout << "  " << exchange::describe(*change) << "\n";
  }
  for (const auto& kept : report.kept) std::cout << "kept: " << kept << "\n";
}

int run_import(const ImportOptions& options) {
  auto plan = load_and_report(options.plan, {false, options.year, true});
  if (!plan) return 1;
  // Files are read side by side, then judged one by one in the order given.
  struct Read {
    std::optional<exchange::Submission> submission;
    std::optional<exchange::ExchangeError> error;
  };
  std::vector<Read> read(options.files.size());
  for_each_on_cores(read.size(), [&](std::size_t i) {
    try {
      read[i].submission = exchange::read_submission(options.files[i], read_file(options.files[i]));
    } catch (const exchange::ExchangeError& e) {
      read[i].error = e;
    }
  });
  exchange::Importer importer(*plan, {options.year, options.dry_run, for_each_on_cores});
  for (std::size_t i = 0; i < read.size(); ++i) {
    if (read[i].error) {
      importer.add_failure(options.files[i], *read[i].error);
      continue;
    }
    const auto& submission = *read[i].submission;
    std::cout << "read " << options.files[i] << " (" << submission.format << "; " << submission.meta.plan << " FY" << submission.meta.year
              << ", " << exchange::code(submission.meta.by) << " " << (submission.meta.owner.empty() ? "(none)" : submission.meta.owner)
              << ", " << submission.rows.size() << " rows)\n";
    importer.add(submission);
  }
  const auto report = importer.finish();
  if (report.diagnostics.has_errors()) {
    for (const auto& diagnostic : report.diagnostics.items()) std::cerr << model::format(diagnostic) << "\n";
    std::cerr << "hyoka import: " << report.diagnostics.error_count() << " error(s); nothing was written\n";
    return 1;
  }
  print_changes(report, plan->root);
  std::size_t files = 0;
  {
    std::map<fs::path, int> distinct;
    for (const auto& change : report.changes) distinct[change.file];
    files = distinct.size();
  }
  if (report.changes.empty()) std::cout << "hyoka import: no changes\n";
  else std::cout << "hyoka import: " << report.changes.size() << " value(s) changed in " << files << " file(s)"
                 << (options.dry_run ? " (dry run: nothing written)" : "") << "\n";
  return 0;
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  auto* command = app.add_subcommand("import", "Read filled workbooks (.xlsx) and CSV files back into the plan's JSON and "
                                               "Markdown files, writing only the values that changed");
  add_plan_dir(*command, options->plan);
  command->add_option("FILE", options->files, "Filled .xlsx or .csv files made by hyoka export")->required();
  command->add_option("--year", options->year, "Fiscal year the files report (default: the plan's evaluation_year)");
  command->add_flag("--dry-run", options->dry_run, "Check the files and print what would change; write nothing");
  command->callback([options] { exit_with(run_import(*options)); });
}

}  // namespace hyoka::cli
