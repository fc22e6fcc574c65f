#pragma once
// The UI string catalogues templates/i18n/<lang>.json: nested objects whose
// dotted paths are the keys templates use ({{ 'nav.home'|t }}).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace hyoka::site {

struct I18nError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Catalogues {
 public:
  // Reads both catalogues; throws I18nError on a syntax error, a missing
  // file, or a key present in one language and not the other (all listed).
  static Catalogues load(const std::filesystem::path& i18n_dir);
  static Catalogues from_json(nlohmann::ordered_json ja, nlohmann::ordered_json en);

  const nlohmann::ordered_json& of(model::Lang lang) const { return lang == model::Lang::ja ? ja_ : en_; }
  // The string at a dotted key, with {name} placeholders filled; throws I18nError when missing.
  std::string get(model::Lang lang, const std::string& key, const nlohmann::ordered_json& args = {}) const;

 private:
  nlohmann::ordered_json ja_, en_;
};

// Dotted paths of every string leaf, sorted.
std::vector<std::string> leaf_keys(const nlohmann::ordered_json& catalogue);

}  // namespace hyoka::site
