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
#include "template/environment.hpp"

namespace hyoka::cli {

namespace {

struct RenderOptions {
  std::string template_path;
  std::string data_path;
  std::string templates_dir;
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
// that points inside it is accepted too); otherwise its own folder is the root.
std::pair<std::filesystem::path, std::string> locate(const RenderOptions& o) {
  namespace fs = std::filesystem;
  fs::path tpl(o.template_path);
  if (o.templates_dir.empty()) return {tpl.parent_path().empty() ? fs::path(".") : tpl.parent_path(), tpl.filename().string()};
  fs::path root(o.templates_dir);
  std::error_code ec;
  if (fs::exists(tpl, ec)) {
    fs::path rel = fs::relative(fs::absolute(tpl), fs::absolute(root), ec);
    if (!ec && !rel.empty() && *rel.begin() != "..") return {root, rel.generic_string()};
  }
  return {root, tpl.generic_string()};
}

int run_render(const RenderOptions& o) {
  try {
    auto [root, name] = locate(o);
    hyoka::tmpl::Environment env(root, hyoka::tmpl::Options{o.strict});
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
  sub->add_option("TEMPLATE", opts->template_path, "Template file (or name under --templates)")->required();
  sub->add_option("--data", opts->data_path, "JSON file with the render context (default: {})");
  sub->add_option("--templates", opts->templates_dir, "Template root folder (default: the template's folder)");
  sub->add_flag("--strict", opts->strict, "Undefined variables are errors");
  sub->callback([opts] {
    if (int rc = run_render(*opts); rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace hyoka::cli
