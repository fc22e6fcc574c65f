#include "site/output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

namespace hyoka::site {
namespace fs = std::filesystem;
namespace {

// Safe to replace: missing, empty, holding only a .gitkeep, or marked as ours.
void check_replaceable(const fs::path& out) {
  if (!fs::exists(out)) return;
  if (!fs::is_directory(out)) throw OutputError(out.string() + " exists and is not a folder");
  if (fs::exists(out / Staging::marker)) return;
  for (const auto& entry : fs::directory_iterator(out))
    if (entry.path().filename() != ".gitkeep")
      throw OutputError(out.string() + " is not empty and was not written by hyoka build; "
                        "choose another --out or remove it first");
}

fs::path temp_sibling(const fs::path& out) {
  return out.parent_path() / ("." + out.filename().string() + ".building-" + std::to_string(::getpid()));
}

// renameat2(RENAME_EXCHANGE) swaps two folders in one step; on file systems
// without it, fall back to two renames (a short window without `out`).
void swap_in(const fs::path& temp, const fs::path& out) {
  if (!fs::exists(out)) {
    fs::rename(temp, out);
    return;
  }
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) return;
  const fs::path old = out.parent_path() / (temp.filename().string() + ".old");
  fs::rename(out, old);
  try {
    fs::rename(temp, out);
  } catch (...) {
    fs::rename(old, out);
    throw;
  }
  fs::rename(old, temp);  // removed by the destructor with the rest
}

}  // namespace

Staging::Staging(fs::path out) : out_(fs::absolute(std::move(out)).lexically_normal()) {
  if (out_.filename().empty()) out_ = out_.parent_path();  // "output/" → "output"
  check_replaceable(out_);
  fs::create_directories(out_.parent_path());
  temp_ = temp_sibling(out_);
  fs::remove_all(temp_);
  fs::create_directory(temp_);
  write(marker, "hyoka build output: this folder is replaced by every build\n");
}

Staging::~Staging() {
  std::error_code ignored;
  fs::remove_all(temp_, ignored);
}

void Staging::write(const std::string& relative, std::string_view bytes) {
  const fs::path path = temp_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) throw OutputError("cannot write " + path.string());
  ++files_;
  bytes_ += bytes.size();
}

void Staging::copy_tree(const fs::path& from, const std::string& relative) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(from))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const fs::path target = temp_ / relative / fs::relative(file, from);
    fs::create_directories(target.parent_path());
    fs::copy_file(file, target, fs::copy_options::overwrite_existing);
    ++files_;
    bytes_ += fs::file_size(file);
  }
}

void Staging::count_external(const fs::path& file) {
  ++files_;
  bytes_ += fs::file_size(file);
}

void Staging::commit() {
  swap_in(temp_, out_);
  committed_ = true;
}

}  // namespace hyoka::site
