#include "template/environment.hpp"

#include <fstream>
#include <optional>
#include <sstream>

#include "template/node.hpp"
#include "template/parser.hpp"
#include "template/renderer.hpp"

namespace hyoka::tmpl {

namespace {

// Jinja2's split_template_path: "/"-separated, no "..", "." and empty parts ignored.
std::string normalize_name(const std::string& name) {
  std::string out, part;
  std::istringstream in(name);
  while (std::getline(in, part, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == ".." || part.find('\\') != std::string::npos || part.find('\0') != std::string::npos)
      throw TemplateNotFound("template not found: " + name);
    out += (out.empty() ? "" : "/") + part;
  }
  if (out.empty()) throw TemplateNotFound("template not found: " + name);
  return out;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

}  // namespace

Environment::Environment(std::filesystem::path template_root, Options options)
    : roots_{std::move(template_root)}, options_(options) {}

Environment::Environment(std::vector<std::filesystem::path> template_roots, Options options)
    : roots_(std::move(template_roots)), options_(options) {}

bool Environment::autoescape_for(std::string_view name) {
  return ends_with_ci(name, ".html") || ends_with_ci(name, ".htm") || ends_with_ci(name, ".xml") ||
         ends_with_ci(name, ".svg");
}

void Environment::set_globals(nlohmann::ordered_json globals) {
  globals_ = globals.is_object() ? std::move(globals) : nlohmann::ordered_json::object();
}

std::optional<std::filesystem::path> Environment::find_file(const std::string& key) const {
  for (const auto& root : roots_) {
    std::filesystem::path path = root / std::filesystem::path(key);
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return std::nullopt;
}

std::shared_ptr<const Template> Environment::get_template(const std::string& name) const {
  std::string key = normalize_name(name);
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
  }
  const auto path = find_file(key);
  if (!path) throw TemplateNotFound("template not found: " + name);
  std::ifstream in(*path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  // Parse outside the lock; if two threads race, the first insert wins.
  auto tmpl = parse_template(buf.str(), key, autoescape_for(key), extensions_);
  std::lock_guard lock(cache_mutex_);
  return cache_.emplace(key, std::move(tmpl)).first->second;
}

std::string Environment::render_file(const std::string& name, const nlohmann::ordered_json& context) const {
  return render_file(name, context, nlohmann::ordered_json::object());
}

std::string Environment::render_file(const std::string& name, const nlohmann::ordered_json& context,
                                     const nlohmann::ordered_json& shared) const {
  std::shared_ptr<const Template> t;
  try {
    t = get_template(name);
  } catch (const TemplateNotFound& e) {
    throw TemplateError(name, 0, 0, e.what());
  }
  Renderer r(*this, context, &shared);
  return r.render(*t);
}

std::string Environment::render_string(std::string_view source, const nlohmann::ordered_json& context,
                                       const std::string& name) const {
  auto t = parse_template(source, name, autoescape_for(name), extensions_);
  Renderer r(*this, context);
  return r.render(*t);
}

}  // namespace hyoka::tmpl
