// hyoka export: one workbook (or CSV file) per division for the year's actuals.
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/plan_loading.hpp"
#include "exchange/csv_file.hpp"
#include "exchange/error.hpp"
#include "exchange/xlsx_writer.hpp"

namespace hyoka::cli {
namespace {
namespace fs = std::filesystem;

struct ExportOptions {
  std::string plan;
  int year = 0;
  std::string by = "division";
  std::string out = "export";
  std::string format = "xlsx";
};

// Written beside its final name and renamed: a reader never sees half a file.
void write_atomically(const fs::path& file, const std::function<void(const fs::path&)>& write) {
  fs::path tmp = file;
  tmp += ".tmp";
  try {
    write(tmp);
    fs::rename(tmp, file);
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

int run_export(const ExportOptions& options) {
  auto plan = load_and_report(options.plan, {false, options.year, true});
  if (!plan) return 1;
  const int year = options.year ? options.year : plan->evaluation_year;
  const auto evaluation = evaluate::evaluate_plan(*plan, year);
  const auto rows = exchange::plan_rows(*plan, year);
  const auto by = options.by == "policy" ? exchange::Grouping::policy : exchange::Grouping::division;
  const auto books = exchange::make_books(*plan, rows, by, year);
  const bool csv = options.format == "csv";
  const auto layout = exchange::layout_for(*plan, year, csv);
  const fs::path out = options.out;
  try {
    fs::create_directories(out);
    auto file_of = [&](const exchange::Book& book) { return out / (book.file_stem + (csv ? ".csv" : ".xlsx")); };
    // Books are independent: written side by side.
    for_each_on_cores(books.size(), [&](std::size_t i) {
      write_atomically(file_of(books[i]), [&](const fs::path& tmp) {
        if (csv) std::ofstream(tmp, std::ios::binary) << exchange::write_csv(books[i], layout, exchange::metadata_of(*plan, books[i], year));
        else exchange::write_xlsx(*plan, evaluation, books[i], layout, tmp);
      });
    });
    for (const auto& book : books)
      std::cout << "  " << file_of(book).string() << "  " << book.row_count() << " rows, " << book.sheets.size() << " polic"
                << (book.sheets.size() == 1 ? "y" : "ies") << "\n";
  } catch (const exchange::ExchangeError& e) {
    std::cerr << "hyoka export: error: " << e.what() << " (fix: " << e.fix() << ")\n";
    return 1;
  } catch (const fs::filesystem_error& e) {
    std::cerr << "hyoka export: error: " << e.what() << " (fix: check that " << out.string() << " is a writable folder)\n";
    return 1;
  }
  std::cout << "hyoka export: " << plan->id << " FY" << year << ", " << books.size() << " file(s) by " << options.by << " in "
            << out.string() << "\n";
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* command = app.add_subcommand("export", "Write the year's workbooks for the divisions to fill in (one per division), "
                                               "to be read back with hyoka import");
  add_plan_dir(*command, options->plan);
  command->add_option("--year", options->year, "Fiscal year to report (default: the plan's evaluation_year)");
  command->add_option("--by", options->by, "One file per division or per policy")
      ->check(CLI::IsMember({"division", "policy"}))
      ->capture_default_str();
  command->add_option("--out", options->out, "Folder to write the files into (created when missing)")->capture_default_str();
  command->add_option("--format", options->format, "xlsx (Excel workbook) or csv (UTF-8 with BOM)")
      ->check(CLI::IsMember({"xlsx", "csv"}))
      ->capture_default_str();
  command->callback([options] { exit_with(run_export(*options)); });
}

}  // namespace hyoka::cli
