#include "site/output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

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

std::string temp_prefix(const fs::path& out) { return "." + out.filename().string() + ".building-"; }

// A build killed with -9 cannot clean up after itself: the next one removes
// the temporary folders whose process is gone.
void remove_abandoned(const fs::path& out) {
  const std::string prefix = temp_prefix(out);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) fs::remove_all(entry.path(), ec);
  }
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

bool same_bytes(const fs::path& file, std::string_view bytes) {
  std::ifstream in(file, std::ios::binary);
  std::string buffer(bytes.size(), '\0');
  in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  return in.gcount() == static_cast<std::streamsize>(bytes.size()) && in.peek() == EOF && buffer == bytes;
}

}  // namespace

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Staging::Staging(fs::path out, long fail_after_writes)
    : out_(fs::absolute(std::move(out)).lexically_normal()), fail_after_writes_(fail_after_writes) {
  if (out_.filename().empty()) out_ = out_.parent_path();  // "output/" → "output"
  check_replaceable(out_);
  fs::create_directories(out_.parent_path());
  remove_abandoned(out_);
  temp_ = out_.parent_path() / (temp_prefix(out_) + std::to_string(::getpid()));
  if (fs::is_directory(out_))
    for (const auto& entry : fs::recursive_directory_iterator(out_))
      if (entry.is_regular_file()) previous_.emplace(fs::relative(entry.path(), out_).generic_string(), entry.file_size());
  keep_previous(".gitkeep");  // the placeholder that keeps output/ in git
  write(marker, "hyoka build output: this folder is replaced by every build\n");
}

Staging::~Staging() {
  std::error_code ignored;
  fs::remove_all(temp_, ignored);  // an unused or failed build, or the old site after the swap
}

const fs::path& Staging::temp() {
  std::call_once(temp_created_, [this] {
    fs::remove_all(temp_);
    fs::create_directory(temp_);
  });
  return temp_;
}

void Staging::keep(const std::string& relative, std::uintmax_t size) {
  {
    std::lock_guard lock(kept_mutex_);
    kept_.push_back(relative);
  }
  ++files_;
  bytes_ += size;
}

void Staging::count_written(const std::string& relative, std::uintmax_t size) {
  ++written_;
  if (previous_.count(relative)) ++replaced_;
  ++files_;
  bytes_ += size;
}

fs::path Staging::external_path(const std::string& relative) {
  // The loader already refuses ids that could do this; a second line of defence.
  const fs::path path_in_site(relative);
  if (relative.empty() || path_in_site.is_absolute() ||
      std::any_of(path_in_site.begin(), path_in_site.end(), [](const fs::path& part) { return part == ".."; }))
    throw OutputError("refusing to write outside the output folder: \"" + relative + "\"");
  if (fail_after_writes_ >= 0 && written_ >= static_cast<std::size_t>(fail_after_writes_))
    throw OutputError("cannot write " + relative + ": simulated write failure (fail_after_writes)");
  const fs::path path = temp() / relative;
  fs::create_directories(path.parent_path());
  return path;
}

void Staging::write(const std::string& relative, std::string_view bytes) {
  const auto it = previous_.find(relative);
  if (it != previous_.end() && it->second == bytes.size() && same_bytes(out_ / relative, bytes)) {
    keep(relative, bytes.size());
    return;
  }
  const fs::path path = external_path(relative);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) throw OutputError("cannot write " + path.string() + ": " + std::strerror(errno));
  count_written(relative, bytes.size());
}

void Staging::adopt(const std::string& relative) {
  const fs::path path = temp_ / relative;
  const std::uintmax_t size = fs::file_size(path);
  const auto it = previous_.find(relative);
  if (it != previous_.end() && it->second == size && same_bytes(out_ / relative, read_file(path))) {
    fs::remove(path);
    keep(relative, size);
    return;
  }
  count_written(relative, size);
}

bool Staging::keep_previous(const std::string& relative) {
  const auto it = previous_.find(relative);
  if (it == previous_.end()) return false;
  keep(relative, it->second);
  return true;
}

void Staging::keep_previous_where(const std::function<bool(const std::string&)>& wanted) {
  for (const auto& [relative, size] : previous_)
    if (relative != marker && relative != ".gitkeep" && wanted(relative)) keep(relative, size);
}

std::optional<std::string> Staging::previous(const std::string& relative) const {
  if (!previous_.count(relative)) return std::nullopt;
  return read_file(out_ / relative);
}

bool Staging::changed() const { return written_ > 0 || kept_.size() != previous_.size(); }

void Staging::commit() {
  removed_ = previous_.size() - kept_.size() - replaced_;
  if (!changed()) return;  // the output already is this site: touch nothing
  const fs::path& dir = temp();
  for (const auto& relative : kept_) {
    const fs::path target = dir / relative;
    fs::create_directories(target.parent_path());
    std::error_code ec;
    fs::create_hard_link(out_ / relative, target, ec);
    if (ec) fs::copy_file(out_ / relative, target);  // a file system without hard links
  }
  swap_in(temp_, out_);
}

}  // namespace hyoka::site
