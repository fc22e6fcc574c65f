#include "site/build.hpp"

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

#include "model/loader.hpp"
#include "site/i18n.hpp"
#include "site/output.hpp"
#include "site/pages.hpp"
#include "site/routes.hpp"
#include "template/environment.hpp"

namespace hyoka::site {
namespace fs = std::filesystem;
namespace {

struct LoadedPlans {
  std::vector<model::Plan> plans;
  std::vector<evaluate::PlanEvaluation> evaluations;
  std::size_t warnings = 0;
};

LoadedPlans load_all(const BuildOptions& options) {
  if (!fs::is_directory(options.content_dir))
    throw BuildError("content folder not found: " + options.content_dir.string());
  LoadedPlans out;
  model::Diagnostics all;
  for (const auto& dir : model::find_plans(options.content_dir)) {
    model::LoadResult loaded = model::load_plan(dir);
    all.append(loaded.diagnostics);
    if (loaded.plan) out.plans.push_back(std::move(*loaded.plan));
  }
  for (const auto& plan : out.plans) {
    const int year = options.year.value_or(plan.evaluation_year);
    if (year < plan.period_start || year > plan.period_end)
      all.error(plan.root / "plan.json", "/evaluation_year",
                "year " + std::to_string(year) + " is outside the plan period " + std::to_string(plan.period_start) +
                    "–" + std::to_string(plan.period_end), "pass a --year inside the period");
  }
  if (all.has_errors()) throw ContentError(std::move(all));
  if (out.plans.empty()) throw BuildError("no plans (folders with plan.json) under " + options.content_dir.string());
  out.warnings = all.warning_count();
  // Evaluations point into the plans: evaluate only once the vector is final.
  for (const auto& plan : out.plans) out.evaluations.push_back(evaluate::evaluate_plan(plan, options.year.value_or(0)));
  return out;
}

// Runs tasks on N threads; the first exception stops the rest and is rethrown.
class Pool {
 public:
  explicit Pool(unsigned jobs) : jobs_(jobs ? jobs : std::max(1u, std::thread::hardware_concurrency())) {}

  void run(std::size_t count, const std::function<void(std::size_t task, std::size_t worker)>& task) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&](std::size_t worker) {
      for (std::size_t i; (i = next++) < count;) {
        try {
          task(i, worker);
        } catch (...) {
          std::lock_guard lock(error_mutex);
          if (!error) error = std::current_exception();
          next = count;
        }
      }
    };
    std::vector<std::jthread> threads;
    for (std::size_t w = 1; w < jobs_; ++w) threads.emplace_back(work, w);
    work(0);
    threads.clear();  // joins
    if (error) std::rethrow_exception(error);
  }
  unsigned size() const { return jobs_; }

 private:
  unsigned jobs_;
};

// "pages 120/340": rewritten in place on a terminal, a few lines otherwise.
class Progress {
 public:
  Progress(std::ostream& log, bool quiet, std::string what, std::size_t total)
      : log_(log), quiet_(quiet), what_(std::move(what)), total_(total) {}
  void tick() {
    const std::size_t done = ++done_;
    if (quiet_ || total_ == 0) return;
    const std::size_t step = std::max<std::size_t>(1, total_ / 10);
    if (done % step != 0 && done != total_) return;
    std::lock_guard lock(mutex_);
    log_ << "  " << what_ << " " << done << "/" << total_ << "\n" << std::flush;
  }

 private:
  std::ostream& log_;
  bool quiet_;
  std::string what_;
  std::size_t total_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
};

void render_pages(const std::vector<Page>& pages, const tmpl::Environment& env, Staging& out, Pool& pool,
                  std::ostream& log, bool quiet) {
  Progress progress(log, quiet, "pages", pages.size());
  pool.run(pages.size(), [&](std::size_t i, std::size_t) {
    const Page& page = pages[i];
    try {
      out.write(page.path, env.render_file(page.template_name, page.context));
    } catch (const tmpl::TemplateError& e) {
      throw BuildError(std::string("template error while rendering ") + page.path + ":\n  " + e.what());
    }
    progress.tick();
  });
}

struct PdfTask {
  std::size_t plan;
  model::Lang lang;
  std::string policy;  // empty: the booklet
  std::string path;
};

std::vector<PdfTask> pdf_tasks(const LoadedPlans& loaded) {
  std::vector<PdfTask> tasks;
  for (std::size_t i = 0; i < loaded.plans.size(); ++i)
    for (model::Lang lang : model::all_langs) {
      const std::string prefix = std::string(model::code(lang)) + "/";
      const auto& plan = loaded.plans[i];
      tasks.push_back({i, lang, "", prefix + routes::booklet_pdf(plan.id)});
      for (const auto& policy : plan.policies)
        tasks.push_back({i, lang, policy.id, prefix + routes::sheet_pdf(plan.id, policy.id)});
    }
  return tasks;
}

std::size_t render_pdfs(const BuildOptions& options, const LoadedPlans& loaded, Staging& out, Pool& pool, std::ostream& log) {
  const auto tasks = pdf_tasks(loaded);
  std::vector<std::unique_ptr<PdfSink>> sinks(pool.size());
  for (auto& sink : sinks) sink = options.pdf();
  Progress progress(log, options.quiet, "PDFs", tasks.size());
  pool.run(tasks.size(), [&](std::size_t i, std::size_t worker) {
    const PdfTask& t = tasks[i];
    const fs::path file = out.dir() / t.path;
    fs::create_directories(file.parent_path());
    const auto& plan = loaded.plans[t.plan];
    const auto& ev = loaded.evaluations[t.plan];
    if (t.policy.empty()) sinks[worker]->booklet(plan, ev, t.lang, file);
    else sinks[worker]->sheet(plan, ev, t.policy, t.lang, file);
    out.count_external(file);
    progress.tick();
  });
  return tasks.size();
}

void dump_contexts(const fs::path& dir, const SiteContent& content) {
  for (const auto& page : content.pages) {
    const fs::path file = dir / (page.path + ".json");
    fs::create_directories(file.parent_path());
    json c = page.context;
    c["__template"] = page.template_name;
    std::ofstream(file) << c.dump(1) << "\n";
  }
}

Catalogues load_catalogues(const fs::path& templates) {
  try {
    return Catalogues::load(templates / "i18n");
  } catch (const I18nError& e) {
    throw BuildError(e.what());
  }
}

}  // namespace

BuildSummary build(const BuildOptions& options, std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  const LoadedPlans loaded = load_all(options);
  const Catalogues i18n = load_catalogues(options.templates_dir);
  std::vector<PlanInput> inputs;
  for (std::size_t i = 0; i < loaded.plans.size(); ++i) inputs.push_back({&loaded.plans[i], &loaded.evaluations[i]});
  SiteContent content;
  try {
    content = build_site_content(inputs, i18n, {static_cast<bool>(options.pdf), options.base_url});
  } catch (const I18nError& e) {
    throw BuildError(e.what());
  }
  if (!options.dump_context.empty()) dump_contexts(options.dump_context, content);

  tmpl::Environment env(options.templates_dir, tmpl::Options{.strict_undefined = true});
  Pool pool(options.jobs);
  BuildSummary summary;
  try {
    Staging out(options.out_dir);
    if (!options.quiet)
      log << "hyoka build: " << loaded.plans.size() << " plan(s), " << content.pages.size() << " pages, "
          << pool.size() << " job(s)\n";
    render_pages(content.pages, env, out, pool, log, options.quiet);
    for (const auto& file : content.files) out.write(file.path, file.bytes);
    if (fs::is_directory(options.assets_dir)) out.copy_tree(options.assets_dir, "assets");
    if (options.pdf) summary.pdfs = render_pdfs(options, loaded, out, pool, log);
    summary.files = out.files();
    summary.bytes = out.bytes();
    out.commit();
  } catch (const OutputError& e) {
    throw BuildError(e.what());
  } catch (const fs::filesystem_error& e) {
    throw BuildError(e.what());
  }
  summary.pages = content.pages.size();
  summary.warnings = loaded.warnings;
  for (std::size_t i = 0; i < loaded.plans.size(); ++i) {
    int fallbacks = 0;
    for (const auto& [id, n] : content.fallbacks)
      if (id == loaded.plans[i].id) fallbacks = n;
    summary.plans.push_back({loaded.plans[i].id, loaded.evaluations[i].year, fallbacks});
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace hyoka::site
