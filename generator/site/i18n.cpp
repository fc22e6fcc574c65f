#include "site/i18n.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace hyoka::site {
namespace {

using json = nlohmann::ordered_json;

void collect(const json& node, const std::string& prefix, std::vector<std::string>& out) {
  for (const auto& [key, value] : node.items()) {
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object()) collect(value, path, out);
    else out.push_back(path);
  }
}

json read_catalogue(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw I18nError(file.string() + ": cannot read the UI string catalogue");
  json catalogue;
  try {
    catalogue = json::parse(in);
  } catch (const json::parse_error& e) {
    throw I18nError(file.string() + ": " + e.what());
  }
  if (!catalogue.is_object())
    throw I18nError(file.string() + ": expected an object of UI strings ({\"nav\": {\"home\": \"…\"}})");
  return catalogue;
}

std::vector<std::string> missing_from(const std::vector<std::string>& have, const std::vector<std::string>& need) {
  std::vector<std::string> missing;
  std::set_difference(need.begin(), need.end(), have.begin(), have.end(), std::back_inserter(missing));
  return missing;
}

// The member `name` of a catalogue object, or null.
const json* member(const json& node, std::string_view name) {
  if (!node.is_object()) return nullptr;
  for (const auto& [key, value] : node.get_ref<const json::object_t&>())
    if (key == name) return &value;
  return nullptr;
}

}  // namespace

std::vector<std::string> leaf_keys(const json& catalogue) {
  std::vector<std::string> keys;
  collect(catalogue, "", keys);
  std::sort(keys.begin(), keys.end());
  return keys;
}

void merge_over(json& base, const json& over) {
  for (const auto& [key, value] : over.items()) {
    if (value.is_object() && base.contains(key) && base[key].is_object()) merge_over(base[key], value);
    else base[key] = value;
  }
}

Catalogues Catalogues::load(const std::filesystem::path& i18n_dir) {
  return load(std::vector<std::filesystem::path>{i18n_dir});
}

Catalogues Catalogues::load(const std::vector<std::filesystem::path>& i18n_dirs) {
  auto merged = [&](const char* name) {
    if (i18n_dirs.empty()) throw I18nError(std::string(name) + ": no folder to read the UI string catalogue from");
    json catalogue = read_catalogue(i18n_dirs.back() / name);
    for (auto dir = i18n_dirs.rbegin() + 1; dir != i18n_dirs.rend(); ++dir) {
      std::error_code ec;
      if (std::filesystem::exists(*dir / name, ec)) merge_over(catalogue, read_catalogue(*dir / name));
    }
    return catalogue;
  };
  return from_json(merged("ja.json"), merged("en.json"));
}

Catalogues Catalogues::from_json(json ja, json en) {
  const auto ja_keys = leaf_keys(ja), en_keys = leaf_keys(en);
  std::string problems;
  for (const auto& key : missing_from(en_keys, ja_keys)) problems += "\n  en.json lacks \"" + key + "\"";
  for (const auto& key : missing_from(ja_keys, en_keys)) problems += "\n  ja.json lacks \"" + key + "\"";
  if (!problems.empty()) throw I18nError("the UI string catalogues differ (every key must exist in both):" + problems);
  Catalogues c;
  c.ja_ = std::move(ja);
  c.en_ = std::move(en);
  return c;
}

std::string Catalogues::get(model::Lang lang, std::string_view key, UiArgs args) const {
  const json* node = &of(lang);
  for (std::size_t start = 0; start <= key.size();) {
    const std::size_t dot = std::min(key.find('.', start), key.size());
    node = member(*node, key.substr(start, dot - start));
    if (!node) throw I18nError("missing UI string \"" + std::string(key) + "\" in " + model::code(lang) + ".json");
    start = dot + 1;
  }
  if (!node->is_string()) throw I18nError("UI string \"" + std::string(key) + "\" is not a string");
  return present::fill(node->get_ref<const std::string&>(), args);
}

}  // namespace hyoka::site
