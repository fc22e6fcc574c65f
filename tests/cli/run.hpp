#pragma once
// Runs the hyoka binary as a user would, for the CLI tests.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

struct Run {
  int status;
  std::string out;
};

// Runs hyoka with arguments; stderr is merged into the output when asked.
// `environment` ("NAME=value ") goes before the command.
inline Run hyoka(const std::string& arguments, bool with_stderr = false, const std::string& environment = "") {
  std::string command =
      environment + std::string(HYOKA_BINARY) + " " + arguments + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  int status = pclose(pipe);
  return {WEXITSTATUS(status), out};
}

inline const std::string content = std::string(HYOKA_SOURCE_DIR) + "/content";
