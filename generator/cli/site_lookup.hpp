#pragma once
// What the commands that read a site share: finding its hyoka.json (--config,
// else the current folder's) and the lookup of templates, UI strings, layouts
// and assets (the site's own first, then hyoka's defaults found next to the
// program, or --templates / --assets in their place).
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "pdf/pdf.hpp"
#include "site/config.hpp"
#include "site/resources.hpp"

namespace hyoka::cli {

struct SiteArgs {
  std::string config;     // --config FILE
  std::string templates;  // --templates DIR: replaces hyoka's default templates (with i18n/, layouts/)
  std::string assets;     // --assets DIR: replaces hyoka's default assets
};

struct Site {
  std::optional<site::SiteConfig> config;  // none: no hyoka.json (a content folder named on the command line)
  site::Resources resources;               // with the site's own folders in front
};

enum class ConfigNeed {
  required,     // the command works on a site: --config, else ./hyoka.json must exist
  if_present,   // --config, else ./hyoka.json when there is one
};

// --config (and, unless `templates_options` is false, --templates and --assets).
void add_site_options(CLI::App& command, SiteArgs& args, bool templates_options = true);

// Reads the config and finds the resources; prints what went wrong (with
// file, line, fix) to `err` and returns nullopt.
std::optional<Site> open_site(const SiteArgs& args, ConfigNeed need, std::ostream& err);

// PDF options for a site: its font, its layouts over hyoka's.
pdf::Options pdf_options(const Site& site, const std::string& font_override, const std::string& base_url);

}  // namespace hyoka::cli
