#pragma once
// The output folder is replaced atomically: everything is written into a
// temporary sibling folder, which is swapped in only when the whole build
// succeeded. A failed or interrupted build leaves the previous site intact
// and removes its temporary folder.
#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hyoka::site {

struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Staging {
 public:
  // Throws OutputError when `out` exists and is not a previous hyoka output
  // (so `--out .` cannot wipe a work tree).
  explicit Staging(std::filesystem::path out);
  ~Staging();  // removes the temporary folder unless committed
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const std::filesystem::path& dir() const { return temp_; }
  // Writes a file below the temporary folder (thread-safe).
  void write(const std::string& relative, std::string_view bytes);
  // Copies a folder's regular files below `relative` (sorted, deterministic).
  void copy_tree(const std::filesystem::path& from, const std::string& relative);
  // Counts a file another library wrote below dir() (the PDFs).
  void count_external(const std::filesystem::path& file);
  // Swaps the temporary folder in place of `out`.
  void commit();

  std::size_t files() const { return files_; }
  std::size_t bytes() const { return bytes_; }

  // Name of the marker file that identifies a hyoka output folder.
  static constexpr const char* marker = ".hyoka-site";

 private:
  std::filesystem::path out_, temp_;
  bool committed_ = false;
  std::atomic<std::size_t> files_{0}, bytes_{0};
};

}  // namespace hyoka::site
