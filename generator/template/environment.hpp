#pragma once
// Public API of the template engine: a Jinja2-compatible Environment.
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "template/error.hpp"
#include "template/filters.hpp"

namespace hyoka::tmpl {

struct Template;

struct Options {
  bool strict_undefined = false;  // any undefined variable is an error naming template, line, name
};

class Environment {
 public:
  explicit Environment(std::filesystem::path template_root, Options options = {});
  // Looks a template name up in each folder in turn; the first that has the
  // file wins (a site's own templates over the defaults, file by file).
  explicit Environment(std::vector<std::filesystem::path> template_roots, Options options = {});

  // name is relative to the template root(s); autoescape is on for .html/.htm/.xml/.svg
  // and off otherwise (Jinja2's select_autoescape defaults).
  std::string render_file(const std::string& name, const nlohmann::ordered_json& context) const;
  // Looks names up in `context`, then in `shared`: many pages can borrow one
  // large shared object (a plan summary, the UI strings) instead of copying it.
  std::string render_file(const std::string& name, const nlohmann::ordered_json& context,
                          const nlohmann::ordered_json& shared) const;
  std::string render_string(std::string_view source, const nlohmann::ordered_json& context,
                            const std::string& name = "<string>") const;
  // Visible in every template, below the render context. Call before rendering
  // starts: it is not synchronised with concurrent renders.
  void set_globals(nlohmann::ordered_json globals);
  // The host's own filters and tests (Jinja2's environment.filters / .tests);
  // add them before the first template is parsed, which resolves names.
  void add_filter(std::string name, FilterFn fn) { extensions_.add_filter(std::move(name), fn); }
  void add_test(std::string name, TestFn fn) { extensions_.add_test(std::move(name), fn); }

  // --- used by the renderer ---
  // Parsed template by name, from the cache; throws TemplateNotFound.
  std::shared_ptr<const Template> get_template(const std::string& name) const;
  const Options& options() const { return options_; }
  const nlohmann::ordered_json& globals() const { return globals_; }
  const Extensions& extensions() const { return extensions_; }
  static bool autoescape_for(std::string_view name);

 private:
  std::optional<std::filesystem::path> find_file(const std::string& key) const;

  std::vector<std::filesystem::path> roots_;
  Options options_;
  nlohmann::ordered_json globals_ = nlohmann::ordered_json::object();
  Extensions extensions_;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const Template>> cache_;
};

}  // namespace hyoka::tmpl
