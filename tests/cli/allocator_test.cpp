// hyoka allocates through Debian's mimalloc (generator/cli/allocator.cpp):
// malloc and operator new both, on every thread of a build.
#include "run.hpp"

#include <unistd.h>

#include <filesystem>
#include <regex>

TEST_CASE("a build allocates through mimalloc, on all its threads") {
  const std::string out = "/tmp/hyoka-allocator-" + std::to_string(::getpid());
  const std::string source = std::string(HYOKA_SOURCE_DIR);
  const Run run = hyoka("build " + content + " --out " + out + " --templates " + source + "/templates --assets " + source +
                            "/assets --no-pdf --quiet --jobs 2",
                        true, "MIMALLOC_SHOW_STATS=1 ");
  std::filesystem::remove_all(out);
  REQUIRE(run.status == 0);
  // mimalloc's statistics at exit: they exist only if its malloc served the program.
  std::smatch threads;
  REQUIRE(std::regex_search(run.out, threads, std::regex(R"(threads:\s+\d+\s+(\d+))")));
  CHECK(std::stoi(threads[1]) >= 2);  // the build's worker threads allocated through it too
  CHECK(run.out.find("heap stats") != std::string::npos);
  CHECK(std::regex_search(run.out, std::regex(R"(committed:\s+[\d.]+ [KM]iB)")));
}
