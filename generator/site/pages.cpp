#include "site/pages.hpp"

#include <algorithm>

#include "site/context.hpp"
#include "site/downloads.hpp"
#include "site/routes.hpp"

namespace hyoka::site {
namespace {

using model::Lang;

Lang other(Lang lang) { return lang == Lang::ja ? Lang::en : Lang::ja; }

// "世田谷区 世田谷区地域保健…" reads badly: names that already say the city keep it once.
std::string plan_title(const model::Plan& plan, Lang lang) {
  const std::string& name = plan.name.in(lang);
  const std::string& city = plan.city.in(lang);
  return name.find(city) != std::string::npos ? name : city + " " + name;
}

// Adds pages of one language; knows the page chrome (paths, titles, links).
class LanguageSite {
 public:
  LanguageSite(const Catalogues& i18n, const SiteOptions& options, Lang lang, SiteContent& out)
      : i18n_(i18n), options_(options), lang_(lang), out_(out) {}

  void home(const std::vector<PlanInput>& plans);
  void accessibility();
  void plan(const PlanInput& input);

 private:
  json page(const std::string& kind, const std::string& path, const std::string& title, const std::string& description,
            json breadcrumbs = json::array());
  void add(const std::string& kind, const std::string& path, json context);
  void add_downloads(const PlanInput& input, PlanContext& ctx, json& files);
  json crumb(const std::string& title, const std::string& url) const { return {{"title", title}, {"url", url}}; }
  std::string ui(const std::string& key, const json& args = {}) const { return i18n_.get(lang_, key, args); }

  const Catalogues& i18n_;
  const SiteOptions& options_;
  Lang lang_;
  SiteContent& out_;
  json plan_json_;  // the current plan's summary, shared by its pages
  json plan_crumbs_;
};

json LanguageSite::page(const std::string& kind, const std::string& path, const std::string& title,
                        const std::string& description, json breadcrumbs) {
  const std::string base = routes::base_of(path);
  const std::string lang = model::code(lang_), other_lang = model::code(other(lang_));
  const std::string canonical_path = lang + "/" + path;
  return {{"lang", lang},
          {"other_lang", other_lang},
          {"i18n", i18n_.of(lang_)},
          {"plan", nullptr},
          {"page", {{"kind", kind},
                    {"path", path},
                    {"base", base},
                    {"root", base + "../"},
                    {"alternate", base + "../" + other_lang + "/" + path},
                    {"canonical", options_.base_url.empty() ? base + "../" + canonical_path : options_.base_url + canonical_path},
                    {"title", title},
                    {"description", description},
                    {"breadcrumbs", std::move(breadcrumbs)}}}};
}

void LanguageSite::add(const std::string& kind, const std::string& path, json context) {
  out_.pages.push_back({std::string(model::code(lang_)) + "/" + path, kind + ".html", std::move(context)});
}

void LanguageSite::home(const std::vector<PlanInput>& plans) {
  json list = json::array();
  for (const auto& input : plans) {
    PlanContext ctx(*input.plan, *input.evaluation, lang_, i18n_, {options_.pdf});
    json summary = ctx.plan_summary();
    summary.erase("areas");  // the home page lists plans, not their policies
    list.push_back(std::move(summary));
  }
  json c = page("home", routes::site_home(), ui("site.title"), ui("site.description"));
  c["plans"] = std::move(list);
  add("home", routes::site_home(), std::move(c));
}

void LanguageSite::accessibility() {
  json c = page("accessibility", routes::accessibility(), ui("accessibility.title"), ui("accessibility.lead"),
                json::array({crumb(ui("nav.home"), routes::site_home())}));
  add("accessibility", routes::accessibility(), std::move(c));
}

void LanguageSite::add_downloads(const PlanInput& input, PlanContext& ctx, json& files) {
  const model::Plan& plan = *input.plan;
  struct Item { const char* file; const char* key; const char* format; std::string bytes; };
  const Item items[] = {
      {"indicators.csv", "downloads.indicators_csv", "CSV", indicators_csv(plan, *input.evaluation, lang_, i18n_)},
      {"projects.csv", "downloads.projects_csv", "CSV", projects_csv(plan, *input.evaluation, lang_, i18n_)},
      {"data.json", "downloads.data_json", "JSON", data_json(plan, *input.evaluation, lang_)},
  };
  for (const auto& item : items) {
    const std::string path = routes::download(plan.id, item.file);
    files.push_back({{"url", path}, {"title", ctx.ui(item.key)}, {"format", item.format}, {"bytes", item.bytes.size()}});
    out_.files.push_back({std::string(model::code(lang_)) + "/" + path, item.bytes});
  }
}

void LanguageSite::plan(const PlanInput& input) {
  const model::Plan& plan = *input.plan;
  PlanContext ctx(plan, *input.evaluation, lang_, i18n_, {options_.pdf});
  plan_json_ = ctx.plan_summary();
  const std::string plan_title = site::plan_title(plan, lang_);
  const std::string plan_desc = plan.description ? plan.description->in(lang_) : plan_title;
  plan_crumbs_ = json::array({crumb(ui("nav.home"), routes::site_home()), crumb(plan.city.in(lang_), routes::plan_home(plan.id))});
  auto with_plan = [&](json c) { c["plan"] = plan_json_; return c; };
  auto simple = [&](const std::string& kind, const std::string& path, const std::string& title_key) {
    json c = with_plan(page(kind, path, ui(title_key) + " | " + plan_title, plan_desc, plan_crumbs_));
    return c;
  };

  add("plan", routes::plan_home(plan.id), with_plan(page("plan", routes::plan_home(plan.id), plan_title, plan_desc,
                                                         json::array({crumb(ui("nav.home"), routes::site_home())}))));
  for (const auto& area : plan.areas) {
    json c = with_plan(page("area", routes::area(plan.id, area.id), area.name.in(lang_) + " | " + plan_title, plan_desc, plan_crumbs_));
    c["area"] = ctx.area(area);
    add("area", routes::area(plan.id, area.id), std::move(c));
  }
  for (const auto& policy : plan.policies) {
    const std::string policy_title = policy.number + " " + policy.name.in(lang_);
    const std::string desc = policy.target_state ? policy.target_state->in(lang_) : plan_desc;
    json crumbs = plan_crumbs_;
    const model::Area* area = plan.find_area(policy.area);
    if (area) crumbs.push_back(crumb(area->name.in(lang_), routes::area(plan.id, area->id)));
    json c = with_plan(page("policy", routes::policy(plan.id, policy.id), policy_title + " | " + plan_title, desc, crumbs));
    c["policy"] = ctx.policy(policy);
    add("policy", routes::policy(plan.id, policy.id), std::move(c));
    crumbs.push_back(crumb(policy_title, routes::policy(plan.id, policy.id)));
    for (const auto& ind : policy.indicators) {
      const std::string path = routes::indicator(plan.id, policy.id, ind.id);
      json ic = with_plan(page("indicator", path, ind.name.in(lang_) + " | " + policy_title, desc, crumbs));
      ic["indicator"] = ctx.indicator(policy, ind);
      add("indicator", path, std::move(ic));
    }
    for (const auto& project : policy.projects) {
      const std::string path = routes::project(plan.id, project.id);
      json pc = with_plan(page("project", path, project.name.in(lang_) + " | " + policy_title, desc, crumbs));
      pc["project"] = ctx.project(policy, project);
      add("project", path, std::move(pc));
    }
  }
  json glossary = simple("glossary", routes::glossary(plan.id), "glossary.title");
  glossary["terms"] = ctx.glossary();
  add("glossary", routes::glossary(plan.id), std::move(glossary));
  json how = simple("how_to_read", routes::how_to_read(plan.id), "howto.title");
  how["rules"] = ctx.how_to_read();
  add("how_to_read", routes::how_to_read(plan.id), std::move(how));
  json search = simple("search", routes::search(plan.id), "search.title");
  search["items"] = ctx.search_items();
  search["divisions"] = ctx.all_divisions();
  out_.files.push_back({std::string(model::code(lang_)) + "/" + routes::download(plan.id, "search-index.json"),
                        search["items"].dump(1) + "\n"});
  add("search", routes::search(plan.id), std::move(search));
  json downloads = simple("downloads", routes::downloads(plan.id), "downloads.title");
  json files = json::array();
  add_downloads(input, ctx, files);
  downloads["files"] = std::move(files);
  add("downloads", routes::downloads(plan.id), std::move(downloads));
  if (lang_ == Lang::en) out_.fallbacks.emplace_back(plan.id, ctx.fallback_count());
}

json root_page(const Catalogues& i18n, const SiteOptions& options, const std::string& kind, const std::vector<PlanInput>& plans) {
  json list = json::array();
  for (const auto& input : plans)
    list.push_back({{"id", input.plan->id},
                    {"ja", plan_title(*input.plan, Lang::ja)},
                    {"en", plan_title(*input.plan, Lang::en)},
                    {"en_fallback", !input.plan->name.translated(Lang::en) || !input.plan->city.translated(Lang::en)}});
  return {{"lang", "ja"},
          {"i18n", i18n.of(Lang::ja)},
          {"i18n_en", i18n.of(Lang::en)},
          {"plans", list},
          {"page", {{"kind", kind}, {"path", kind + ".html"}, {"base", ""}, {"root", ""},
                    {"canonical", options.base_url.empty() ? "index.html" : options.base_url}}}};
}

}  // namespace

std::string sitemap(const std::vector<std::string>& paths, const std::string& base_url) {
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& path : sorted) {
    std::string loc = base_url + path;
    std::string escaped;
    for (char c : loc) escaped += c == '&' ? std::string("&amp;") : c == '<' ? std::string("&lt;") : std::string(1, c);
    out += "  <url><loc>" + escaped + "</loc></url>\n";
  }
  return out + "</urlset>\n";
}

SiteContent build_site_content(const std::vector<PlanInput>& plans, const Catalogues& i18n, const SiteOptions& options) {
  SiteContent out;
  out.pages.push_back({"index.html", "root.html", root_page(i18n, options, "index", plans)});
  out.pages.push_back({"404.html", "404.html", root_page(i18n, options, "404", plans)});
  for (Lang lang : model::all_langs) {
    LanguageSite site(i18n, options, lang, out);
    site.home(plans);
    site.accessibility();
    for (const auto& input : plans) site.plan(input);
  }
  std::vector<std::string> paths;
  for (const auto& page : out.pages)
    if (page.path != "404.html") paths.push_back(page.path);
  out.files.push_back({"sitemap.xml", sitemap(paths, options.base_url)});
  return out;
}

}  // namespace hyoka::site
