#include "site/resources.hpp"

namespace hyoka::site {
namespace fs = std::filesystem;

// Set by CMake for this file only: where the program is built and the source
// tree it is built from. An installed program does not use them.
#ifndef HYOKA_BUILD_PROGRAM_DIR
#define HYOKA_BUILD_PROGRAM_DIR ""
#endif
#ifndef HYOKA_SOURCE_TREE
#define HYOKA_SOURCE_TREE ""
#endif

namespace {

// The installed layout (see the install rules in CMakeLists.txt).
constexpr const char* share_suffix = "share/hyoka";
// The sample plan a new site starts from.
constexpr const char* example_plan = "setagaya";

bool same_dir(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return !b.empty() && fs::equivalent(a, b, ec);
}

}  // namespace

std::optional<fs::path> SearchPath::find(const fs::path& relative) const {
  for (const auto& dir : dirs_) {
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(dir / relative, ec))) return dir / relative;
  }
  return std::nullopt;
}

std::map<std::string, fs::path> SearchPath::files() const {
  std::map<std::string, fs::path> out;
  for (const auto& dir : dirs_) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_symlink())
        throw ResourceError(entry.path().string() + ": a symbolic link; hyoka copies only regular files "
                                                    "(fix: replace the link by the file itself)");
      if (entry.is_regular_file()) out.emplace(fs::relative(entry.path(), dir).generic_string(), entry.path());
    }
  }
  return out;
}

SearchPath SearchPath::with_first(const fs::path& dir) const {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return *this;
  std::vector<fs::path> dirs{dir};
  dirs.insert(dirs.end(), dirs_.begin(), dirs_.end());
  return SearchPath(std::move(dirs));
}

Resources Resources::from(const fs::path& templates, const fs::path& assets, fs::path schema, fs::path example) {
  return {SearchPath({templates}), SearchPath({templates / "i18n"}), SearchPath({templates / "layouts"}),
          SearchPath({assets}),    std::move(schema),               std::move(example)};
}

Resources Resources::for_site(const fs::path& site_root) const {
  const fs::path templates = site_root / "templates";
  return {this->templates.with_first(templates), i18n.with_first(templates / "i18n"),
          layouts.with_first(templates / "layouts"), assets.with_first(site_root / "assets"), schema, example};
}

Resources Resources::defaults_for(const fs::path& program) {
  const fs::path bin = program.parent_path();
  const fs::path share = bin.parent_path() / share_suffix;
  std::error_code ec;
  if (fs::is_directory(share / "templates", ec))
    return from(share / "templates", share / "assets", share / "schema", share / "example" / example_plan);
  const fs::path source = HYOKA_SOURCE_TREE;
  if (same_dir(bin, HYOKA_BUILD_PROGRAM_DIR) && fs::is_directory(source / "templates", ec))
    return from(source / "templates", source / "assets", source / "content" / "schema",
                source / "content" / example_plan);
  throw ResourceError("cannot find hyoka's templates: looked in " + (share / "templates").string() +
                      " (fix: install hyoka with `cmake --install` or the Debian package, or run it from its build tree)");
}

Resources Resources::defaults() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw ResourceError("cannot tell where the hyoka program is (/proc/self/exe: " + ec.message() + ")");
  return defaults_for(self);
}

}  // namespace hyoka::site
