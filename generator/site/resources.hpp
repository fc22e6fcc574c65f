#pragma once
// Where hyoka finds its templates, UI strings, PDF layouts, assets and
// schemas: a site's own folders first, then hyoka's defaults, file by file
// (the way Hugo looks a file up in a site before its theme). The defaults are
// found relative to the program itself, never to the current folder:
// PREFIX/share/hyoka next to PREFIX/bin/hyoka when installed, the source tree
// when the program runs from its build tree.
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hyoka::site {

struct ResourceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Folders searched in order; the first that has a file wins.
class SearchPath {
 public:
  SearchPath() = default;
  explicit SearchPath(std::vector<std::filesystem::path> dirs) : dirs_(std::move(dirs)) {}

  const std::vector<std::filesystem::path>& dirs() const { return dirs_; }
  // The file that wins for a relative path, if any folder has it.
  std::optional<std::filesystem::path> find(const std::filesystem::path& relative) const;
  // Every regular file below the folders: relative path ("css/site.css") →
  // the file that wins. Throws ResourceError for a symbolic link (it could
  // publish a file from anywhere on the machine).
  std::map<std::string, std::filesystem::path> files() const;
  // The same folders with `dir` searched first (a folder that does not exist is left out).
  SearchPath with_first(const std::filesystem::path& dir) const;

 private:
  std::vector<std::filesystem::path> dirs_;
};

struct Resources {
  SearchPath templates;  // page templates (base.html, policy.html …)
  SearchPath i18n;       // UI catalogues ja.json, en.json, merged key by key
  SearchPath layouts;    // PDF sheet layouts <name>.json
  SearchPath assets;     // copied to <out>/assets
  std::filesystem::path schema;   // JSON Schemas of the content and of hyoka.json
  std::filesystem::path example;  // the sample plan `hyoka new site` starts from

  // hyoka's own, found from the running program (/proc/self/exe); throws
  // ResourceError naming where it looked.
  static Resources defaults();
  // The same for a program at `program`: PREFIX/share/hyoka for
  // PREFIX/bin/hyoka, or the source tree for the program in its build tree.
  static Resources defaults_for(const std::filesystem::path& program);
  // From a templates folder (with i18n/ and layouts/) and an assets folder:
  // --templates and --assets replace the defaults.
  static Resources from(const std::filesystem::path& templates, const std::filesystem::path& assets,
                        std::filesystem::path schema = {}, std::filesystem::path example = {});
  // A site's templates/, templates/i18n/, templates/layouts/ and assets/ in front.
  Resources for_site(const std::filesystem::path& site_root) const;
};

}  // namespace hyoka::site
