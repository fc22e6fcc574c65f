#include "site/config.hpp"

#include <algorithm>

#include "model/json_file.hpp"
#include "model/reader.hpp"

namespace hyoka::site {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using model::Lang;

namespace {

bool is_web_url(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  return scheme && url.find_first_of(" \t\r\n\"<>") == std::string::npos && url.size() > url.find("//") + 2;
}

// A URL of a page to read more (optional): an absolute http(s) URL.
std::string read_url(model::ObjectReader& r, const char* key) {
  std::string url = r.string(key);
  if (!url.empty() && !is_web_url(url)) {
    r.error(r.pointer_to(key), "\"" + url + "\" is not an absolute web address", "write it as https://…");
    return {};
  }
  return url;
}

std::optional<Credit> read_credit(model::ObjectReader& r, const char* key) {
  std::optional<Credit> credit;
  const auto* value = r.get(key, false);
  if (!value) return credit;
  model::ObjectReader c(r.file(), *value, r.pointer_to(key), r.diagnostics());
  if (!c.ok()) return credit;
  credit.emplace();
  credit->name = c.text("name", true).value_or(model::Text{});
  credit->url = read_url(c, "url");
  return credit;
}

std::vector<Lang> read_languages(model::ObjectReader& r) {
  std::vector<Lang> languages;
  if (!r.has("languages")) return {Lang::ja, Lang::en};
  for (const auto& code : r.strings("languages")) {
    const auto lang = code == "ja" ? std::optional(Lang::ja) : code == "en" ? std::optional(Lang::en) : std::nullopt;
    if (!lang) r.error(r.pointer_to("languages"), "unknown language \"" + code + "\"", "hyoka writes \"ja\" and \"en\"");
    else if (std::find(languages.begin(), languages.end(), *lang) != languages.end())
      r.error(r.pointer_to("languages"), "\"" + code + "\" is listed twice", "list each language once");
    else languages.push_back(*lang);
  }
  if (std::find(languages.begin(), languages.end(), Lang::ja) == languages.end())
    r.error(r.pointer_to("languages"), "the languages do not include \"ja\"",
            "list \"ja\" (the plans are written in Japanese; English is optional)");
  return languages;
}

// A folder or file named in the config, relative to the site folder.
fs::path read_path(model::ObjectReader& r, const char* key, const fs::path& root, const char* otherwise) {
  const std::string written = r.has(key) ? r.string(key) : std::string(otherwise);
  if (r.has(key) && written.empty()) r.error(r.pointer_to(key), "the path is empty", "name a folder, e.g. \"" + std::string(otherwise) + "\"");
  return written.empty() ? fs::path() : (root / written).lexically_normal();
}

json text_object(const model::Text& text, Lang lang) {
  return json{{"text", text.in(lang)}, {"fallback", !text.translated(lang)}};
}

json credit_object(const std::optional<Credit>& credit, Lang lang) {
  if (!credit) return nullptr;
  return json{{"name", text_object(credit->name, lang)}, {"url", credit->url.empty() ? json(nullptr) : json(credit->url)}};
}

}  // namespace

bool SiteInfo::has(Lang lang) const { return std::find(languages.begin(), languages.end(), lang) != languages.end(); }

std::optional<SiteConfig> read_site_config(const fs::path& file, model::Diagnostics& diagnostics) {
  const auto before = diagnostics.error_count();
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    diagnostics.error(file, "", "no site configuration (" + std::string(config_file_name) + ") in " +
                                    fs::absolute(file, ec).parent_path().string(),
                      "run `hyoka new site DIR` to start a site, or name one with --config");
    return std::nullopt;
  }
  const auto parsed = model::JsonFile::read(file, diagnostics);
  if (!parsed) return std::nullopt;
  SiteConfig config;
  config.file = file;
  config.root = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  {
    model::ObjectReader r(*parsed, parsed->document(), "", diagnostics);
    if (!r.ok()) return std::nullopt;
    config.info.title = r.text("title");
    config.info.description = r.text("description");
    config.base_url = read_url(r, "base_url");
    if (!config.base_url.empty() && config.base_url.back() != '/') config.base_url += '/';
    config.info.languages = read_languages(r);
    config.content = read_path(r, "content", config.root, "content");
    config.output = read_path(r, "output", config.root, "output");
    config.font = read_path(r, "font", config.root, "");
    config.info.publisher = read_credit(r, "publisher");
    config.info.licence = read_credit(r, "licence");
    if (!config.font.empty() && !fs::is_regular_file(config.font, ec))
      r.error(r.pointer_to("font"), "font file not found: " + config.font.string(),
              "name a TrueType/OpenType file (relative to the site folder), or remove \"font\" to use IPAexGothic");
    if (!config.output.empty() && !config.content.empty() && config.output == config.content)
      r.error(r.pointer_to("output"), "the output folder is the content folder",
              "name another folder, e.g. \"output\" (it is replaced by every build)");
  }
  if (diagnostics.error_count() > before) return std::nullopt;
  return config;
}

void apply_site_strings(const SiteInfo& info, Lang lang, json& catalogue) {
  json& strings = catalogue["site"];
  if (info.title) strings["name"] = strings["title"] = info.title->in(lang);
  if (info.description) strings["description"] = info.description->in(lang);
}

json site_object(const SiteInfo& info, Lang lang, const std::string& title, const std::string& base_url) {
  json languages = json::array();
  for (Lang l : info.languages) languages.push_back(model::code(l));
  return json{{"title", info.title ? text_object(*info.title, lang) : json{{"text", title}, {"fallback", false}}},
              {"description", info.description ? text_object(*info.description, lang) : json(nullptr)},
              {"base_url", base_url.empty() ? json(nullptr) : json(base_url)},
              {"languages", std::move(languages)},
              {"publisher", credit_object(info.publisher, lang)},
              {"licence", credit_object(info.licence, lang)}};
}

}  // namespace hyoka::site
