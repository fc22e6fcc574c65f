#include "cli/site_lookup.hpp"

namespace hyoka::cli {
namespace fs = std::filesystem;

void add_site_options(CLI::App& command, SiteArgs& args, bool templates_options) {
  command.add_option("--config", args.config, "The site's hyoka.json (default: the one in the current folder)");
  if (!templates_options) return;
  command.add_option("--templates", args.templates,
                     "Use this folder (with i18n/ and layouts/) instead of hyoka's default templates; a site's own "
                     "templates/ still come first");
  command.add_option("--assets", args.assets, "Use this folder instead of hyoka's default assets");
}

namespace {

site::Resources default_resources(const SiteArgs& args) {
  if (!args.templates.empty() && !args.assets.empty()) return site::Resources::from(args.templates, args.assets);
  site::Resources resources = site::Resources::defaults();
  if (!args.templates.empty())
    resources = site::Resources::from(args.templates, resources.assets.dirs().back(), resources.schema, resources.example);
  if (!args.assets.empty()) resources.assets = site::SearchPath({args.assets});
  return resources;
}

}  // namespace

std::optional<Site> open_site(const SiteArgs& args, ConfigNeed need, std::ostream& err) {
  Site site;
  const fs::path file = args.config.empty() ? fs::path(site::config_file_name) : fs::path(args.config);
  std::error_code ec;
  if (!args.config.empty() || need == ConfigNeed::required || fs::exists(file, ec)) {
    model::Diagnostics diagnostics;
    site.config = site::read_site_config(file, diagnostics);
    for (const auto& diagnostic : diagnostics.items()) err << model::format(diagnostic) << "\n";
    if (!site.config) return std::nullopt;
  }
  try {
    site.resources = default_resources(args);
  } catch (const site::ResourceError& e) {
    err << "hyoka: error: " << e.what() << "\n";
    return std::nullopt;
  }
  if (site.config) site.resources = site.resources.for_site(site.config->root);
  return site;
}

pdf::Options pdf_options(const Site& site, const std::string& font_override, const std::string& base_url) {
  pdf::Options options;
  options.base_url = base_url;
  if (!options.base_url.empty() && options.base_url.back() != '/') options.base_url += '/';
  const auto& layouts = site.resources.layouts.dirs();
  options.layouts_dir = layouts.back();
  options.layout_overrides.assign(layouts.begin(), layouts.end() - 1);
  if (!font_override.empty()) options.font_path = font_override;
  else if (site.config && !site.config->font.empty()) options.font_path = site.config->font;
  return options;
}

}  // namespace hyoka::cli
