// Atomic replacement of the output folder.
#include <doctest/doctest.h>

#include <fstream>
#include <unistd.h>

#include "site/output.hpp"

namespace fs = std::filesystem;
using hyoka::site::OutputError;
using hyoka::site::Staging;

namespace {
fs::path scratch() {
  const fs::path dir = fs::temp_directory_path() / ("hyoka-site-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
std::string read(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}
std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}
}  // namespace

TEST_CASE("output: a committed build replaces the previous one, leaving no temporary folder") {
  const fs::path root = scratch(), out = root / "output";
  {
    Staging s(out);
    s.write("ja/index.html", "old");
    s.write("stale.html", "x");
    s.commit();
  }
  {
    Staging s(out);
    s.write("ja/index.html", "new");
    s.commit();
  }
  CHECK(read(out / "ja/index.html") == "new");
  CHECK_FALSE(fs::exists(out / "stale.html"));
  CHECK(entries(root) == 1);
  fs::remove_all(root);
}

TEST_CASE("output: a failed build leaves the previous output intact and no stray files") {
  const fs::path root = scratch(), out = root / "output";
  {
    Staging s(out);
    s.write("index.html", "good");
    s.commit();
  }
  try {
    Staging s(out);
    s.write("index.html", "half");
    throw std::runtime_error("template error");
  } catch (const std::runtime_error&) {
  }
  CHECK(read(out / "index.html") == "good");
  CHECK(entries(root) == 1);
  fs::remove_all(root);
}

TEST_CASE("output: refuses to replace a folder hyoka did not write") {
  const fs::path root = scratch(), out = root / "mine";
  fs::create_directories(out);
  std::ofstream(out / "notes.txt") << "keep me";
  CHECK_THROWS_AS(Staging{out}, OutputError);
  CHECK(read(out / "notes.txt") == "keep me");
  fs::create_directories(root / "fresh");
  std::ofstream(root / "fresh/.gitkeep");
  CHECK_NOTHROW(Staging{root / "fresh"});
  fs::remove_all(root);
}

TEST_CASE("output: a path that would leave the output folder is refused") {
  const fs::path root = scratch(), out = root / "output";
  {
    Staging s(out);
    CHECK_THROWS_AS(s.write("../escaped.html", "x"), OutputError);
    CHECK_THROWS_AS(s.write("/tmp/escaped.html", "x"), OutputError);
    CHECK_THROWS_AS(s.write("ja/../../escaped.html", "x"), OutputError);
    CHECK_THROWS_AS(s.write("", "x"), OutputError);
  }
  CHECK_FALSE(fs::exists(root / "escaped.html"));
  fs::remove_all(root);
}
