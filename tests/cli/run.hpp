#pragma once
// Runs the hyoka binary as a user would, for the CLI tests.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
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

// A shell command line run in `dir`, its stderr merged into the output.
inline Run run_in(const std::filesystem::path& dir, const std::string& command) {
  FILE* pipe = popen(("cd '" + dir.string() + "' && " + command + " 2>&1").c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WEXITSTATUS(status), out};
}

// hyoka run in `dir`, as a user standing there (stderr merged).
inline Run hyoka_in(const std::filesystem::path& dir, const std::string& arguments) {
  return hyoka(arguments, true, "cd '" + dir.string() + "' && ");
}

inline std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Every regular file below `dir`, relative path → bytes.
inline std::map<std::string, std::string> tree(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files[std::filesystem::relative(entry.path(), dir).string()] = read(entry.path());
  return files;
}

// A scratch folder of this test process, removed at the end.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("hyoka-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};
