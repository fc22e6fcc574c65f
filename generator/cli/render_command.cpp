// `hyoka render TEMPLATE --data CONTEXT.json [--templates DIR] [--strict]`
// Renders one template to stdout, byte for byte (no newline added), so the
// output can be compared with Jinja2's. Errors go to stderr with exit code 1.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "site/filters.hpp"
#include "cli/site_lookup.hpp"
#include "template/environment.hpp"

namespace hyoka::cli {

namespace {

struct RenderOptions {
  std::string template_path;
  std::string data_path;
  std::string templates_dir;
  SiteArgs site;
  bool strict = false;
};

nlohmann::ordered_json read_context(const std::string& path) {
  if (path.empty()) return nlohmann::ordered_json::object();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open data file");
  try {
    return nlohmann::ordered_json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(path + ": invalid JSON: " + e.what());
  }
}

// With --templates the template is named relative to that folder (a path
// that points inside it is accepted too). A template file's own folder is
// its root. A name that is no file (policy.html) is looked up as a build
// does: the site's templates/, then hyoka's.
std::optional<std::pair<std::vector<std::filesystem::path>, std::string>> locate(const RenderOptions& o) {
  namespace fs = std::filesystem;
  fs::path tpl(o.template_path);
  std::error_code ec;
  if (o.templates_dir.empty()) {
    if (fs::is_regular_file(tpl, ec))
      return {{{tpl.parent_path().empty() ? fs::path(".") : tpl.parent_path()}, tpl.filename().string()}};
    const auto site = open_site(o.site, ConfigNeed::if_present, std::cerr);
    if (!site) return std::nullopt;
    return {{site->resources.templates.dirs(), tpl.generic_string()}};
  }
  fs::path root(o.templates_dir);
  if (fs::exists(tpl, ec)) {
    fs::path rel = fs::relative(fs::absolute(tpl), fs::absolute(root), ec);
    if (!ec && !rel.empty() && *rel.begin() != "..") return {{{root}, rel.generic_string()}};
  }
  return {{{root}, tpl.generic_string()}};
}

int run_render(const RenderOptions& o) {
  try {
    const auto located = locate(o);
    if (!located) return 1;
    const auto& [roots, name] = *located;
    hyoka::tmpl::Environment env(roots, hyoka::tmpl::Options{o.strict});
    hyoka::site::add_template_filters(env);  // the site's filters, so a page template renders as in a build
    std::string out = env.render_file(name, read_context(o.data_path));
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
    std::cout.flush();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void add_render_command(CLI::App& app) {
  auto opts = std::make_shared<RenderOptions>();
  CLI::App* sub = app.add_subcommand("render", "Render one template with a JSON context to stdout");
  sub->add_option("TEMPLATE", opts->template_path,
                  "Template file, or a name (policy.html) looked up in the site's templates/ and then hyoka's")
      ->required();
  sub->add_option("--data", opts->data_path, "JSON file with the render context (default: {})");
  sub->add_option("--templates", opts->templates_dir, "Template root folder (default: the template's folder)");
  add_site_options(*sub, opts->site, false);
  sub->add_flag("--strict", opts->strict, "Undefined variables are errors");
  sub->callback([opts] {
    if (int rc = run_render(*opts); rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace hyoka::cli
