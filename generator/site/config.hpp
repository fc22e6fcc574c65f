#pragma once
// A site of its own: the folder holding hyoka.json (schema:
// content/schema/site.schema.json), its content and, optionally, its own
// templates/ and assets/ that override hyoka's defaults file by file.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.hpp"
#include "model/plan.hpp"

namespace hyoka::site {

inline constexpr const char* config_file_name = "hyoka.json";

// Who publishes the site, or under which terms its data may be reused: a
// name and, optionally, where to read more.
struct Credit {
  model::Text name;
  std::string url;  // empty: none
};

// What the pages say about the site as a whole (the `site` template object).
struct SiteInfo {
  std::optional<model::Text> title, description;  // override the UI strings site.name / site.title, site.description
  std::optional<Credit> publisher, licence;
  std::vector<model::Lang> languages{model::all_langs[0], model::all_langs[1]};

  bool has(model::Lang lang) const;
};

struct SiteConfig {
  std::filesystem::path file;  // hyoka.json
  std::filesystem::path root;  // the site folder (the file's folder)
  SiteInfo info;
  std::string base_url;            // https://…/ (ends with /), or empty
  std::filesystem::path content;   // resolved against root
  std::filesystem::path output;    // resolved against root
  std::filesystem::path font;      // resolved against root; empty: hyoka's default
};

// Reads and checks hyoka.json; every problem goes to `diagnostics` with its
// line:column, and nullopt is returned when there was an error.
std::optional<SiteConfig> read_site_config(const std::filesystem::path& file, model::Diagnostics& diagnostics);

// The site's title and description in place of the UI strings site.name,
// site.title and site.description of a catalogue.
void apply_site_strings(const SiteInfo& info, model::Lang lang, nlohmann::ordered_json& catalogue);

// The `site` object of every page's context in one language (see README.md).
// `title` is the site's title as the pages show it (the UI string site.name).
nlohmann::ordered_json site_object(const SiteInfo& info, model::Lang lang, const std::string& title,
                                   const std::string& base_url);

}  // namespace hyoka::site
