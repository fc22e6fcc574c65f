#pragma once
// How far the year's reporting is, per division, for the planning section to
// chase: the rows that still lack an actual (none, or 集計中), and graded rows
// that fell short without the reason the sheet must give. The rows are the
// ones the export gives each division, so the two agree.
#include <string>
#include <vector>

#include "exchange/rows.hpp"

namespace hyoka::exchange {

enum class Gap { no_actual, pending, no_reason };
const char* code(Gap gap);  // "no_actual", "pending", "no_reason"

struct OpenRow {
  std::size_t row = 0;  // in YearStatus::rows
  Gap gap = Gap::no_actual;
  std::string grade;  // for no_reason
};

struct DivisionStatus {
  std::string division;  // id; empty: rows with no division
  std::string name;
  std::size_t rows = 0;  // indicator and project rows it answers for
  std::vector<OpenRow> open;
};

struct YearStatus {
  int year = 0;
  std::vector<Row> rows;  // every row of the year
  std::vector<DivisionStatus> divisions;  // with rows, in the plan's order
  std::size_t no_actual = 0, pending = 0, no_reason = 0;  // distinct rows
  bool complete() const { return no_actual + pending + no_reason == 0; }
};

YearStatus year_status(const model::Plan& plan, int year);
std::string status_text(const YearStatus& status, const model::Plan& plan);
std::string status_csv(const YearStatus& status);

}  // namespace hyoka::exchange
