#pragma once
// The UI string catalogues templates/i18n/<lang>.json: nested objects whose
// dotted paths are the keys templates use ({{ 'nav.home'|t }}).
#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "present/placeholders.hpp"

namespace hyoka::site {

struct I18nError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The values of {name} placeholders (present/placeholders.hpp: one rule for
// every string hyoka fills).
using UiArg = present::Arg;
using UiArgs = std::initializer_list<UiArg>;

class Catalogues {
 public:
  // Reads both catalogues; throws I18nError on a syntax error, a missing
  // file, or a key present in one language and not the other (all listed).
  static Catalogues load(const std::filesystem::path& i18n_dir);
  // The same from folders searched in order (a site's own templates/i18n,
  // then hyoka's): each language's last file with the earlier ones merged
  // over it key by key, so a site overrides one label without copying the rest.
  static Catalogues load(const std::vector<std::filesystem::path>& i18n_dirs);
  static Catalogues from_json(nlohmann::ordered_json ja, nlohmann::ordered_json en);

  const nlohmann::ordered_json& of(model::Lang lang) const { return lang == model::Lang::ja ? ja_ : en_; }
  // The string at a dotted key, with {name} placeholders filled; throws I18nError when missing.
  std::string get(model::Lang lang, std::string_view key, UiArgs args = {}) const;

 private:
  nlohmann::ordered_json ja_, en_;
};

// `over` merged into `base` key by key (nested objects too).
void merge_over(nlohmann::ordered_json& base, const nlohmann::ordered_json& over);

// Dotted paths of every string leaf, sorted.
std::vector<std::string> leaf_keys(const nlohmann::ordered_json& catalogue);

}  // namespace hyoka::site
