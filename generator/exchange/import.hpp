#pragma once
// Takes filled workbooks and CSV files back into a plan's files. Every file
// is judged before anything is written: the plan and year it was exported
// for, the rows its owner answers for, each cell (as `hyoka check` judges
// figures), and each value against the plan now and at export, so that a
// value changed in the plan since the export and again in the file is a
// conflict, not an overwrite. Any error writes nothing. Otherwise only the
// changed values are written, in place, into the policy JSON and the
// commentary Markdown files that hold them; importing the same files again
// changes nothing.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "exchange/error.hpp"
#include "exchange/submission.hpp"
#include "model/diagnostics.hpp"
#include "model/loader.hpp"

namespace hyoka::exchange {

struct ImportOptions {
  int year = 0;          // 0: the plan's evaluation_year
  bool dry_run = false;  // judge and report, write nothing
  model::ForEach for_each;  // runs the files' edits and writes side by side (empty: one by one)
};

struct Change {
  std::filesystem::path file;  // the plan file that holds the value
  const Row* row = nullptr;    // valid while the Importer lives
  std::string what;            // the row, for messages: describe(row)
  Field field = Field::actual;
  FieldValue from, to;
  std::filesystem::path source;  // the filled file
  std::string where;             // its cell: "施策1-1-1!K12"
};

struct ImportReport {
  model::Diagnostics diagnostics;  // errors mean nothing was written
  std::vector<Change> changes;     // in plan order
  std::vector<std::string> kept;   // values the plan changed since the export and the file left as exported
  std::vector<std::filesystem::path> files_written;
};

class Importer {
 public:
  Importer(const model::Plan& plan, ImportOptions options);
  ~Importer();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;
  // Judges one file's rows (read_submission gives them); errors and changes accumulate.
  void add(const Submission& submission);
  // An error in reading a file as a whole (ExchangeError from read_submission).
  void add_failure(const std::filesystem::path& file, const ExchangeError& error);
  // Writes the changes when there were no errors (and not a dry run).
  ImportReport finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "施策1-1-1 3「専門職等における…」 実績: (empty) → 89.9"
std::string describe(const Change& change);

}  // namespace hyoka::exchange
