#pragma once
// The output folder is replaced atomically and incrementally. Every file of
// the new site goes through a Staging: a file whose bytes equal the previous
// build's copy is only remembered; a new or changed file is written into a
// temporary sibling folder. commit() hard-links the unchanged files into that
// folder and swaps it in place of the output in one rename. A build that
// changed nothing commits nothing and leaves the output folder as it was.
// A failed or interrupted build leaves the previous site intact; the
// temporary folder is removed, or by the next build after a kill -9.
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hyoka::site {

struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A whole file's bytes; "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);

class Staging {
 public:
  // Throws OutputError when `out` exists and is not a previous hyoka output
  // (so `--out .` cannot wipe a work tree). `fail_after_writes` >= 0 makes
  // the write after that many fail, as a full disk would (tests only).
  explicit Staging(std::filesystem::path out, long fail_after_writes = -1);
  ~Staging();  // removes the temporary folder unless committed
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  // A file of the new site (thread-safe).
  void write(const std::string& relative, std::string_view bytes);

  // Files another library writes (the PDFs): write to external_path(), then
  // adopt(). keep_previous() reuses the previous build's copy as it is;
  // false when there is none.
  std::filesystem::path external_path(const std::string& relative);
  void adopt(const std::string& relative);
  bool keep_previous(const std::string& relative);
  bool has_previous(const std::string& relative) const { return previous_.count(relative) > 0; }
  // Keeps every previous file for which `wanted` is true (but the marker and .gitkeep, kept anyway).
  void keep_previous_where(const std::function<bool(const std::string& relative)>& wanted);
  // The previous build's copy of a file, if any (small files only).
  std::optional<std::string> previous(const std::string& relative) const;

  // Swaps the new site in place of `out`, unless nothing changed.
  void commit();

  std::size_t files() const { return files_; }
  std::size_t bytes() const { return bytes_; }
  std::size_t written() const { return written_; }  // new or changed files
  std::size_t removed() const { return removed_; }  // previous files the new site no longer has
  bool changed() const;

  // Name of the marker file that identifies a hyoka output folder.
  static constexpr const char* marker = ".hyoka-site";

 private:
  void keep(const std::string& relative, std::uintmax_t size);
  void count_written(const std::string& relative, std::uintmax_t size);
  const std::filesystem::path& temp();

  std::filesystem::path out_, temp_;
  long fail_after_writes_;
  bool committed_ = false;
  std::once_flag temp_created_;
  std::unordered_map<std::string, std::uintmax_t> previous_;  // relative path → size
  std::mutex kept_mutex_;
  std::vector<std::string> kept_;
  std::atomic<std::size_t> files_{0}, bytes_{0}, written_{0}, replaced_{0}, removed_{0};
};

}  // namespace hyoka::site
