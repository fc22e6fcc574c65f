#pragma once
// `hyoka build`: load every plan, evaluate it, render the bilingual site and
// the PDFs in parallel, and swap the result in place of the output folder,
// rewriting only the files whose bytes changed (see output.hpp).
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "model/diagnostics.hpp"
#include "model/plan.hpp"
#include "site/config.hpp"
#include "site/resources.hpp"

namespace hyoka::site {

// Writes PDFs; one instance per worker thread (implemented by the CLI on top
// of hyoka_pdf, so the site library does not depend on the PDF library).
class PdfSink {
 public:
  virtual ~PdfSink() = default;
  virtual void sheet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, const std::string& policy_id,
                     model::Lang lang, const std::filesystem::path& file) = 0;
  virtual void booklet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, model::Lang lang,
                       const std::filesystem::path& file) = 0;
  // Everything besides the content that shapes the PDFs (layouts, font), as
  // bytes to hash: a plan's PDFs are rebuilt when it or the content changes.
  virtual std::string fingerprint() const = 0;
};
using PdfSinkFactory = std::function<std::unique_ptr<PdfSink>()>;

// --shard K/N: plan i (in folder-name order) belongs to shard i mod N; shard 0
// also builds the pages above the plans. The N outputs, copied into one
// folder, are byte-identical to a single build.
struct Shard {
  unsigned index = 0, count = 1;
  bool has(std::size_t plan) const { return plan % count == index; }
  bool has_site_pages() const { return index == 0; }
};

struct BuildOptions {
  std::filesystem::path content_dir = "content";
  std::filesystem::path out_dir = "output";
  Resources resources;      // templates, UI strings and assets: a site's own, then hyoka's
  SiteInfo site;            // the `site` object of every page; its title overrides the UI strings
  PdfSinkFactory pdf;       // empty: no PDFs (--no-pdf)
  unsigned jobs = 0;        // 0: one per core
  bool quiet = false;
  std::optional<int> year;  // overrides each plan's evaluation_year
  std::string base_url;     // for canonical links and sitemap.xml; empty: relative
  std::filesystem::path dump_context;  // debug: write each page's context as JSON here
  Shard shard;
  long fail_after_writes = -1;  // tests: simulate a full disk after this many written files
  // `hyoka serve` builds in two steps, so that an open page reloads before
  // the PDFs are ready: `pages_first` keeps a changed plan's previous PDFs
  // (and their digest) for now; `pdfs_only` then renders them and keeps
  // every other file as it is. Either way the PDFs end as a whole build's.
  enum class Step { whole, pages_first, pdfs_only } step = Step::whole;
};

struct PlanSummary {
  std::string id;
  int year = 0;
  int fallbacks = 0;  // English texts shown in Japanese
};

struct BuildSummary {
  std::size_t pages = 0, pdfs = 0, files = 0, bytes = 0, warnings = 0;
  std::size_t written = 0, removed = 0;  // files new or changed since the previous build, files gone
  std::size_t pdfs_rendered = 0;         // the others were reused from the previous build
  std::size_t pdfs_deferred = 0;         // Step::pages_first: out of date (kept as they were) or missing
  double seconds = 0;
  std::vector<PlanSummary> plans;
};

// The content has errors: nothing was written.
struct ContentError : std::runtime_error {
  explicit ContentError(model::Diagnostics d)
      : std::runtime_error("the content has errors"), diagnostics(std::move(d)) {}
  model::Diagnostics diagnostics;
};

// Any other failure (templates, i18n, output folder); the output is untouched.
struct BuildError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Progress lines go to `log` unless options.quiet. Throws ContentError or BuildError.
BuildSummary build(const BuildOptions& options, std::ostream& log);

}  // namespace hyoka::site
