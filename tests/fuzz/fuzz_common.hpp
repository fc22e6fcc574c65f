#pragma once
// Helpers shared by the fuzz targets.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

namespace hyoka::fuzz {

// HYOKA_FUZZ_VERBOSE=1: print what each input did (errors, diagnostics), to
// check that seeds get as far as they should.
inline bool verbose() {
  static const bool on = [] {
    const char* env = std::getenv("HYOKA_FUZZ_VERBOSE");
    return env && *env && *env != '0';
  }();
  return on;
}

// Keeps the optimiser from dropping work whose result is unused.
inline void consume(std::string_view text) {
  static volatile std::size_t sink;
  sink = sink + text.size() + (text.empty() ? 0 : static_cast<unsigned char>(text.back()));
}

// An exception the API promises not to throw: report it as a crash.
[[noreturn]] inline void unexpected_exception(const char* where, const std::exception& e) {
  std::fprintf(stderr, "fuzz: %s threw an unexpected exception: %s\n", where, e.what());
  std::abort();
}

}  // namespace hyoka::fuzz
