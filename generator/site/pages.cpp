#include "site/pages.hpp"

#include <algorithm>

#include "present/escape.hpp"
#include "present/numbers.hpp"
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
  LanguageSite(const Catalogues& i18n, const SiteOptions& options, Lang lang, PageSink& sink)
      : i18n_(i18n), options_(options), lang_(lang), sink_(sink),
        shared_(Object()("lang", model::code(lang))("other_lang", model::code(other(lang)))("i18n", i18n.of(lang))(
            "marks", Object()("dash", present::dash(lang)))(
            "site", site_object(options.info, lang, i18n.get(lang, "site.name"), options.base_url))("plan", nullptr)) {}

  void home(const std::vector<PlanInput>& plans);
  void accessibility();
  void site_search(const std::vector<PlanInput>& plans);
  void plan(const PlanInput& input);
  int fallbacks() const { return fallbacks_; }
  std::vector<std::string> take_paths() { return std::move(paths_); }

 private:
  json page(const std::string& kind, const std::string& path, const std::string& title, const std::string& description,
            json breadcrumbs = json::array());
  void add(const std::string& kind, const std::string& path, const json& context);
  void add_file(const std::string& path, std::string bytes);
  void add_downloads(const PlanInput& input, PlanContext& ctx, json& files);
  void add_lists(const model::Plan& plan, PlanContext& ctx, const json& items, const json& crumbs);
  json crumb(const std::string& title, const std::string& url) const { return Object()("title", title)("url", url); }
  std::string ui(std::string_view key, UiArgs args = {}) const { return i18n_.get(lang_, key, args); }

  const Catalogues& i18n_;
  const SiteOptions& options_;
  Lang lang_;
  PageSink& sink_;
  json shared_;  // lang, other_lang, i18n, marks and the current plan's summary: the same for every page
  std::vector<std::string> paths_;
  int fallbacks_ = 0;
};

json LanguageSite::page(const std::string& kind, const std::string& path, const std::string& title,
                        const std::string& description, json breadcrumbs) {
  const std::string base = routes::base_of(path);
  const std::string lang = model::code(lang_), other_lang = model::code(other(lang_));
  const std::string canonical_path = lang + "/" + path;
  return Object()("page", Object()("kind", kind)("path", path)("base", base)("root", base + "../")(
                               "alternate", options_.info.has(other(lang_)) ? json(base + "../" + other_lang + "/" + path) : json(nullptr))(
                               "canonical", options_.base_url.empty() ? base + "../" + canonical_path
                                                                      : options_.base_url + canonical_path)(
                               "print_url", options_.base_url.empty() ? canonical_path : options_.base_url + canonical_path)(
                               "title", title)("description", description)("breadcrumbs", std::move(breadcrumbs)));
}

void LanguageSite::add(const std::string& kind, const std::string& path, const json& context) {
  paths_.push_back(std::string(model::code(lang_)) + "/" + path);
  sink_.page(paths_.back(), kind + ".html", context, shared_);
}

void LanguageSite::add_file(const std::string& path, std::string bytes) {
  sink_.file(std::string(model::code(lang_)) + "/" + path, std::move(bytes));
}

void LanguageSite::home(const std::vector<PlanInput>& plans) {
  json list = json::array();
  for (const auto& input : plans) {
    PlanContext ctx(*input.plan, *input.evaluation, lang_, i18n_, {options_.pdf, input.editions});
    json summary = ctx.plan_summary();
    summary.erase("areas");  // the home page lists plans, not their policies
    list.push_back(std::move(summary));
  }
  json c = page("home", routes::site_home(), ui("site.title"), ui("site.description"));
  c["plans"] = std::move(list);
  add("home", routes::site_home(), c);
}

void LanguageSite::accessibility() {
  json c = page("accessibility", routes::accessibility(), ui("accessibility.title"), ui("accessibility.lead"),
                json::array({crumb(ui("nav.home"), routes::site_home())}));
  add("accessibility", routes::accessibility(), c);
}

void LanguageSite::site_search(const std::vector<PlanInput>& plans) {
  json list = json::array();
  for (const auto& input : plans) {
    std::size_t items = 0;  // rows of its index: what searching it costs a reader (README: the budget)
    for (const auto& policy : input.plan->policies) items += 1 + policy.indicators.size() + policy.projects.size();
    list.push_back(Object()("id", input.plan->id)("title", plan_title(*input.plan, lang_))(
        "shard", routes::search_shard(input.plan->id))("items", items)("url", routes::plan_home(input.plan->id)));
  }
  json c = page("site_search", routes::site_search(), ui("sitesearch.title"), ui("sitesearch.lead"),
                json::array({crumb(ui("nav.home"), routes::site_home())}));
  c["plans"] = std::move(list);
  add("site_search", routes::site_search(), c);
}

// The filter's lists as static pages, for readers without JavaScript: the
// indicators of each grade and everything in each area, the same rows the
// filter shows for ?grade= and ?area=.
void LanguageSite::add_lists(const model::Plan& plan, PlanContext& ctx, const json& items, const json& crumbs) {
  auto list_page = [&](const std::string& path, const std::string& title, const json& filter, auto keep) {
    json rows = json::array();
    for (const auto& item : items)
      if (keep(item)) rows.push_back(item);
    json c = page("list", path, title + " | " + site::plan_title(plan, lang_), title, crumbs);
    c["list"] = Object()("title", title)("filter", filter)("items", std::move(rows));
    add("list", path, c);
  };
  for (const auto& g : ctx.plan_summary()["counts"]["by_grade"]) {
    if (g["url"].is_null()) continue;
    const std::string label = g["label"], words = g["meaning"];
    list_page(g["url"], ui("lists.grade_title", {{"grade", words.empty() ? label : label + " " + words}}),
              Object()("grade", label), [&](const json& item) { return item["grade"] == label; });
  }
  for (const auto& area : plan.areas)
    list_page(routes::area_list(plan.id, area.id), ui("lists.area_title", {{"area", area.name.in(lang_)}}),
              Object()("area", area.id), [&](const json& item) { return item["area"] == area.id; });
}

void LanguageSite::add_downloads(const PlanInput& input, PlanContext& ctx, json& files) {
  const model::Plan& plan = *input.plan;
  struct Item { const char* file; const char* key; const char* format; std::string bytes; };
  Item items[] = {
      {"indicators.csv", "downloads.indicators_csv", "CSV", indicators_csv(plan, *input.evaluation, lang_, i18n_)},
      {"projects.csv", "downloads.projects_csv", "CSV", projects_csv(plan, *input.evaluation, lang_, i18n_)},
      {"data.json", "downloads.data_json", "JSON", data_json(plan, *input.evaluation, lang_)},
  };
  for (auto& item : items) {
    const std::string path = routes::download(plan.id, item.file);
    files.push_back({{"url", path}, {"title", ctx.ui(item.key)}, {"format", item.format}, {"bytes", item.bytes.size()}});
    add_file(path, std::move(item.bytes));
  }
}

void LanguageSite::plan(const PlanInput& input) {
  const model::Plan& plan = *input.plan;
  PlanContext ctx(plan, *input.evaluation, lang_, i18n_, {options_.pdf, input.editions});
  shared_["plan"] = ctx.plan_summary();
  const std::string plan_title = site::plan_title(plan, lang_);
  const std::string plan_desc = plan.description ? plan.description->in(lang_) : plan_title;
  const json plan_crumbs =
      json::array({crumb(ui("nav.home"), routes::site_home()), crumb(plan.city.in(lang_), routes::plan_home(plan.id))});
  auto simple = [&](const std::string& kind, const std::string& path, const std::string& title_key) {
    return page(kind, path, ui(title_key) + " | " + plan_title, plan_desc, plan_crumbs);
  };

  json home = page("plan", routes::plan_home(plan.id), plan_title, plan_desc, json::array({crumb(ui("nav.home"), routes::site_home())}));
  home["about"] = ctx.about();
  add("plan", routes::plan_home(plan.id), home);
  for (const auto& area : plan.areas) {
    json c = page("area", routes::area(plan.id, area.id), area.name.in(lang_) + " | " + plan_title, plan_desc, plan_crumbs);
    c["area"] = ctx.area(area);
    add("area", routes::area(plan.id, area.id), c);
  }
  for (const auto& policy : plan.policies) {
    const std::string policy_title = policy.number + " " + policy.name.in(lang_);
    const std::string desc = policy.target_state ? policy.target_state->in(lang_) : plan_desc;
    json crumbs = plan_crumbs;
    const model::Area* area = plan.find_area(policy.area);
    if (area) crumbs.push_back(crumb(area->name.in(lang_), routes::area(plan.id, area->id)));
    json c = page("policy", routes::policy(plan.id, policy.id), policy_title + " | " + plan_title, desc, crumbs);
    c["policy"] = ctx.policy(policy);
    add("policy", routes::policy(plan.id, policy.id), c);
    crumbs.push_back(crumb(policy_title, routes::policy(plan.id, policy.id)));
    for (const auto& ind : policy.indicators) {
      const std::string path = routes::indicator(plan.id, policy.id, ind.id);
      json ic = page("indicator", path, ind.name.in(lang_) + " | " + policy_title, desc, crumbs);
      ic["indicator"] = ctx.indicator(policy, ind);
      add("indicator", path, ic);
    }
    for (const auto& project : policy.projects) {
      const std::string path = routes::project(plan.id, project.id);
      json pc = page("project", path, project.name.in(lang_) + " | " + policy_title, desc, crumbs);
      pc["project"] = ctx.project(policy, project);
      add("project", path, pc);
    }
  }
  json glossary = simple("glossary", routes::glossary(plan.id), "glossary.title");
  glossary["terms"] = ctx.glossary();
  add("glossary", routes::glossary(plan.id), glossary);
  json how = simple("how_to_read", routes::how_to_read(plan.id), "howto.title");
  how["rules"] = ctx.how_to_read();
  add("how_to_read", routes::how_to_read(plan.id), how);
  json search = simple("search", routes::search(plan.id), "search.title");
  search["items"] = ctx.search_items();
  search["divisions"] = ctx.all_divisions();
  add_lists(plan, ctx, search["items"], plan_crumbs);
  add("search", routes::search(plan.id), search);
  add_file(routes::search_shard(plan.id), ctx.search_shard().dump() + "\n");
  json council = simple("council", routes::council(plan.id), "council.title");
  council["council"] = ctx.council();
  add("council", routes::council(plan.id), council);
  json downloads = simple("downloads", routes::downloads(plan.id), "downloads.title");
  json files = json::array();
  add_downloads(input, ctx, files);
  downloads["files"] = std::move(files);
  add("downloads", routes::downloads(plan.id), downloads);
  if (lang_ == Lang::en) fallbacks_ = ctx.fallback_count();
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
          {"site", site_object(options.info, Lang::ja, i18n.get(Lang::ja, "site.name"), options.base_url)},
          {"site_en", site_object(options.info, Lang::en, i18n.get(Lang::en, "site.name"), options.base_url)},
          {"plans", list},
          // A server shows 404.html at any missing path, where links relative to
          // the site root break: with --base-url they are absolute.
          {"page", {{"kind", kind}, {"path", kind + ".html"}, {"base", ""},
                    {"root", kind == "404" ? options.base_url : std::string()},
                    {"canonical", options.base_url.empty() ? "index.html" : options.base_url}}}};
}

// Gathers the site in memory, each page's shared object merged into its context.
class Collector : public PageSink {
 public:
  explicit Collector(SiteContent& out) : out_(out) {}
  void page(const std::string& path, const std::string& template_name, const json& context, const json& shared) override {
    json merged = shared;
    merged.update(context);
    out_.pages.push_back({path, template_name, std::move(merged)});
  }
  void file(const std::string& path, std::string bytes) override { out_.files.push_back({path, std::move(bytes)}); }

 private:
  SiteContent& out_;
};


}  // namespace

PlanPages plan_pages(const PlanInput& plan, Lang lang, const Catalogues& i18n, const SiteOptions& options, PageSink& sink) {
  LanguageSite site(i18n, options, lang, sink);
  site.plan(plan);
  return {site.take_paths(), site.fallbacks()};
}

std::vector<std::string> site_pages(const std::vector<PlanInput>& plans, const Catalogues& i18n,
                                    const SiteOptions& options, PageSink& sink) {
  const json no_shared = json::object();
  sink.page("index.html", "root.html", root_page(i18n, options, "index", plans), no_shared);
  sink.page("404.html", "404.html", root_page(i18n, options, "404", plans), no_shared);
  std::vector<std::string> paths = {"index.html"};
  for (Lang lang : options.info.languages) {
    LanguageSite site(i18n, options, lang, sink);
    site.home(plans);
    site.accessibility();
    site.site_search(plans);
    for (auto& path : site.take_paths()) paths.push_back(std::move(path));
  }
  return paths;
}

std::string sitemap_file(const std::string& plan_id) {
  std::string name = plan_id;
  std::replace(name.begin(), name.end(), '/', '-');  // an earlier edition: setagaya/2024
  return name.empty() ? "sitemap-site.xml" : "sitemap-" + name + ".xml";
}

std::string sitemap(const std::vector<std::string>& paths, const std::string& base_url) {
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& path : sorted) out += "  <url><loc>" + present::escape_html(base_url + path) + "</loc></url>\n";
  return out + "</urlset>\n";
}

std::string sitemap_index(const std::vector<std::string>& plan_ids, const std::string& base_url) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  out += "  <sitemap><loc>" + present::escape_html(base_url + sitemap_file("")) + "</loc></sitemap>\n";
  for (const auto& id : plan_ids) out += "  <sitemap><loc>" + present::escape_html(base_url + sitemap_file(id)) + "</loc></sitemap>\n";
  return out + "</sitemapindex>\n";
}

SiteContent build_site_content(const std::vector<PlanInput>& plans, const Catalogues& i18n, const SiteOptions& options) {
  SiteContent out;
  Collector sink(out);
  out.files.push_back({sitemap_file(""), sitemap(site_pages(plans, i18n, options, sink), options.base_url)});
  std::vector<std::string> ids;
  for (const auto& input : plans) {
    std::vector<std::string> paths;
    for (Lang lang : options.info.languages) {
      PlanPages pages = plan_pages(input, lang, i18n, options, sink);
      paths.insert(paths.end(), pages.paths.begin(), pages.paths.end());
      if (lang == Lang::en) out.fallbacks.emplace_back(input.plan->id, pages.fallbacks);
    }
    out.files.push_back({sitemap_file(input.plan->id), sitemap(paths, options.base_url)});
    ids.push_back(input.plan->id);
  }
  out.files.push_back({"sitemap.xml", sitemap_index(ids, options.base_url)});
  return out;
}

}  // namespace hyoka::site
