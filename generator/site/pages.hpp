#pragma once
// Everything the site consists of, before rendering: the pages (a template
// and its context) and the files written as they are (CSV, JSON, sitemap).
// Paths are relative to the site root (ja/…, en/…, index.html).
//
// Pages are handed to a PageSink one by one as they are made, so a build
// holds one page context at a time per worker, not the whole site: memory
// stays flat however many plans there are.
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"
#include "site/config.hpp"
#include "site/format.hpp"
#include "site/i18n.hpp"

namespace hyoka::site {

struct Page {
  std::string path;      // ja/setagaya/policies/1-1-1.html
  std::string template_name;  // policy.html
  json context;
};

// Receives the site as it is made. `shared` holds what every page of a plan
// and language has in common (lang, i18n, plan): the template engine looks
// names up in `context`, then in `shared`, so it is built once, not per page.
class PageSink {
 public:
  virtual ~PageSink() = default;
  virtual void page(const std::string& path, const std::string& template_name, const json& context,
                    const json& shared) = 0;
  virtual void file(const std::string& path, std::string bytes) = 0;
};

struct File {
  std::string path;
  std::string bytes;
};

struct PlanEditions;

struct PlanInput {
  const model::Plan* plan = nullptr;
  const evaluate::PlanEvaluation* evaluation = nullptr;
  const PlanEditions* editions = nullptr;  // the plan's yearly editions (editions.hpp); none: null
};

struct SiteOptions {
  bool pdf = true;
  std::string base_url;  // https://example.jp/hyoka/ ; empty: canonical links stay relative
  SiteInfo info{};       // the `site` object; its languages are the ones built
};

struct SiteContent {
  std::vector<Page> pages;
  std::vector<File> files;
  std::vector<std::pair<std::string, int>> fallbacks;  // plan id → English texts shown in Japanese
};

struct PlanPages {
  std::vector<std::string> paths;  // every page written, for the plan's sitemap
  int fallbacks = 0;               // English texts shown in Japanese (English pages only)
};

// One plan in one language: its pages and downloads (CSV, JSON, search index).
PlanPages plan_pages(const PlanInput& plan, model::Lang lang, const Catalogues& i18n, const SiteOptions& options,
                     PageSink& sink);

// The pages above the plans: index.html, 404.html, each language's home and
// accessibility statement. Returns their paths (404.html excluded: not for a sitemap).
std::vector<std::string> site_pages(const std::vector<PlanInput>& plans, const Catalogues& i18n,
                                    const SiteOptions& options, PageSink& sink);

// The sitemaps: sitemap.xml is an index of one sitemap per plan
// (sitemap-<plan>.xml) and one for the shared pages (sitemap-site.xml), so
// plans built by different shards each bring their own.
std::string sitemap_file(const std::string& plan_id);  // "" → sitemap-site.xml
std::string sitemap(const std::vector<std::string>& paths, const std::string& base_url);
std::string sitemap_index(const std::vector<std::string>& plan_ids, const std::string& base_url);

// The whole site in memory, shared objects merged into each page (tests, --dump-context).
SiteContent build_site_content(const std::vector<PlanInput>& plans, const Catalogues& i18n, const SiteOptions& options);

}  // namespace hyoka::site
