#pragma once
// A per-input budget for the template fuzz target. Jinja2 templates can ask
// for as much work as they like ('x' * 999999999, nested loops over
// range(999999)); that is the template's doing, not a bug in the engine, and
// must not stop the fuzzer as an out-of-memory or a timeout. While a Budget is
// armed, this file's replacement of the global operator new throws
// BudgetExceeded (a std::bad_alloc) for one allocation above `max_alloc`, once
// the live bytes exceed `max_live`, and for every allocation after the time is
// up. The engine unwinds as for any exception. A genuine hang that does not
// allocate still hits libFuzzer's -timeout.
#include <chrono>
#include <cstddef>
#include <new>

namespace hyoka::fuzz {

struct BudgetExceeded : std::bad_alloc {
  const char* what() const noexcept override { return "fuzz budget exceeded (time or memory)"; }
};

class Budget {
 public:
  Budget(std::chrono::milliseconds time, std::size_t max_alloc, std::size_t max_live);
  ~Budget();
  Budget(const Budget&) = delete;
  Budget& operator=(const Budget&) = delete;
  // Whether this input ran out of its budget (for statistics).
  static bool exceeded();
};

}  // namespace hyoka::fuzz
