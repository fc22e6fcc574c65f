#pragma once
// Everything the site consists of, before rendering: the pages (a template
// and its context) and the files written as they are (CSV, JSON, sitemap).
// Paths are relative to the site root (ja/…, en/…, index.html).
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"
#include "site/format.hpp"
#include "site/i18n.hpp"

namespace hyoka::site {

struct Page {
  std::string path;      // ja/setagaya/policies/1-1-1.html
  std::string template_name;  // policy.html
  json context;
};

struct File {
  std::string path;
  std::string bytes;
};

struct PlanInput {
  const model::Plan* plan = nullptr;
  const evaluate::PlanEvaluation* evaluation = nullptr;
};

struct SiteOptions {
  bool pdf = true;
  std::string base_url;  // https://example.jp/hyoka/ ; empty: canonical links stay relative
};

struct SiteContent {
  std::vector<Page> pages;
  std::vector<File> files;
  std::vector<std::pair<std::string, int>> fallbacks;  // plan id → English texts shown in Japanese
};

SiteContent build_site_content(const std::vector<PlanInput>& plans, const Catalogues& i18n, const SiteOptions& options);

// sitemap.xml for the given page paths (sorted; absolute when base_url is set).
std::string sitemap(const std::vector<std::string>& paths, const std::string& base_url);

}  // namespace hyoka::site
