#include "site/build.hpp"

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

#include "model/checks.hpp"
#include "model/loader.hpp"
#include "site/filters.hpp"
#include "site/editions.hpp"
#include "site/i18n.hpp"
#include "site/output.hpp"
#include "site/pages.hpp"
#include "site/routes.hpp"
#include "template/environment.hpp"

namespace hyoka::site {
namespace fs = std::filesystem;
namespace {

struct LoadedPlans {
  std::vector<model::Plan> plans;  // in folder-name order, then the earlier editions (editions.hpp)
  std::vector<evaluate::PlanEvaluation> evaluations;
  std::vector<bool> in_shard;      // built by this shard (the others only feed the site home)
  std::vector<int> years;          // the year each is evaluated for (0: the plan's own)
  std::vector<bool> earlier;       // an earlier edition: built, but not listed on the site home
  std::vector<std::size_t> family; // the plan folder it is an edition of: index into editions
  std::vector<PlanEditions> editions;
  std::size_t warnings = 0;

  std::vector<PlanInput> inputs() const {
    std::vector<PlanInput> out;
    for (std::size_t i = 0; i < plans.size(); ++i) out.push_back({&plans[i], &evaluations[i], &editions[family[i]]});
    return out;
  }
  std::vector<PlanInput> latest_inputs() const {
    std::vector<PlanInput> out;
    for (std::size_t i = 0; i < plans.size(); ++i)
      if (!earlier[i]) out.push_back({&plans[i], &evaluations[i], &editions[family[i]]});
    return out;
  }
};

// Each plan's earlier editions (the years before the reported one that have
// actuals) follow the plans, each built from the plan as it stood that year.
void add_editions(LoadedPlans& out, const BuildOptions& options) {
  const std::size_t count = out.plans.size();
  for (std::size_t i = 0; i < count; ++i) {
    out.editions.push_back(editions_of(out.plans[i], options.year.value_or(out.plans[i].evaluation_year)));
    out.years.push_back(options.year.value_or(0));
    out.earlier.push_back(false);
    out.family.push_back(i);
  }
  for (std::size_t i = 0; i < count; ++i) {
    for (const auto& edition : out.editions[i].earlier) {
      model::Plan copy = as_of(out.plans[i], edition.year);
      const bool shard = out.in_shard[i];
      out.plans.push_back(std::move(copy));
      out.in_shard.push_back(shard);
      out.years.push_back(edition.year);
      out.earlier.push_back(true);
      out.family.push_back(i);
    }
  }
}

void check_year(const model::Plan& plan, const BuildOptions& options, model::Diagnostics& diagnostics) {
  const int year = options.year.value_or(plan.evaluation_year);
  if (year < plan.period_start || year > plan.period_end)
    diagnostics.error(plan.root / "plan.json", "/evaluation_year",
                      "year " + std::to_string(year) + " is outside the plan period " +
                          std::to_string(plan.period_start) + "–" + std::to_string(plan.period_end),
                      "pass a --year inside the period");
}

// Two folders with the same plan id would write the same pages.
void check_unique_ids(const std::vector<model::Plan>& plans, model::Diagnostics& diagnostics) {
  model::UniqueIds seen;
  for (const auto& plan : plans)
    if (auto duplicate = seen.add(plan.id))
      diagnostics.error(plan.root / "plan.json", "/id", "plan id " + *duplicate + " is used by another plan folder",
                        "give every plan its own id");
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

// Plans load side by side; a lone plan reads its policy files side by side.
// Messages are gathered in folder order either way.
std::vector<model::LoadResult> load_plans(const std::vector<fs::path>& dirs, Pool& pool) {
  std::vector<model::LoadResult> loaded(dirs.size());
  if (dirs.size() == 1) {
    loaded[0] = model::load_plan(dirs[0], [&](std::size_t count, const std::function<void(std::size_t)>& task) {
      pool.run(count, [&](std::size_t t, std::size_t) { task(t); });
    });
  } else {
    pool.run(dirs.size(), [&](std::size_t i, std::size_t) { loaded[i] = model::load_plan(dirs[i]); });
  }
  return loaded;
}

// Shard 0 loads every plan (the site home lists them all); the other shards only their own.
LoadedPlans load_all(const BuildOptions& options, Pool& pool) {
  if (!fs::is_directory(options.content_dir))
    throw BuildError("content folder not found: " + options.content_dir.string());
  const auto all_dirs = model::find_plans(options.content_dir);
  if (all_dirs.empty()) throw BuildError("no plans (folders with plan.json) under " + options.content_dir.string());
  std::vector<fs::path> dirs;
  std::vector<bool> in_shard;
  for (std::size_t i = 0; i < all_dirs.size(); ++i) {
    if (!options.shard.has(i) && !options.shard.has_site_pages()) continue;
    dirs.push_back(all_dirs[i]);
    in_shard.push_back(options.shard.has(i));
  }
  LoadedPlans out;
  model::Diagnostics all;
  auto loaded = load_plans(dirs, pool);
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    all.append(loaded[i].diagnostics);
    if (!loaded[i].plan) continue;
    check_year(*loaded[i].plan, options, all);
    out.plans.push_back(std::move(*loaded[i].plan));
    out.in_shard.push_back(in_shard[i]);
  }
  check_unique_ids(out.plans, all);
  if (all.has_errors()) throw ContentError(std::move(all));
  out.warnings = all.warning_count();
  add_editions(out, options);
  // Evaluations point into the plans: evaluate only once the vector is final.
  out.evaluations.resize(out.plans.size());
  pool.run(out.plans.size(), [&](std::size_t i, std::size_t) {
    out.evaluations[i] = evaluate::evaluate_plan(out.plans[i], out.years[i]);
  });
  return out;
}

// "pages 120/340": rewritten in place on a terminal, a few lines otherwise.
class Progress {
 public:
  Progress(std::ostream& log, bool quiet, std::string what, std::size_t total)
      : log_(log), quiet_(quiet), what_(std::move(what)), total_(total) {}
  // `detail` is called only when a line is printed (", 1,234 pages").
  void tick(const std::function<std::string()>& detail = {}) {
    const std::size_t done = ++done_;
    if (quiet_ || total_ == 0) return;
    const std::size_t step = std::max<std::size_t>(1, total_ / 10);
    if (done % step != 0 && done != total_) return;
    std::lock_guard lock(mutex_);
    log_ << "  " << what_ << " " << done << "/" << total_ << (detail ? detail() : "") << "\n" << std::flush;
  }

 private:
  std::ostream& log_;
  bool quiet_;
  std::string what_;
  std::size_t total_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
};

// Renders each page as it is made and hands it to the staging folder.
class RenderSink : public PageSink {
 public:
  RenderSink(const tmpl::Environment& env, Staging& out, fs::path dump_dir)
      : env_(env), out_(out), dump_dir_(std::move(dump_dir)) {}

  void page(const std::string& path, const std::string& template_name, const json& context,
            const json& shared) override {
    if (!dump_dir_.empty()) dump(path, template_name, context, shared);
    try {
      out_.write(path, env_.render_file(template_name, context, shared));
    } catch (const tmpl::TemplateError& e) {
      throw BuildError("template error while rendering " + path + ":\n  " + e.what());
    }
    ++pages_;
  }
  void file(const std::string& path, std::string bytes) override { out_.write(path, bytes); }
  std::size_t pages() const { return pages_; }

 private:
  void dump(const std::string& path, const std::string& template_name, const json& context, const json& shared) {
    const fs::path file = dump_dir_ / (path + ".json");
    fs::create_directories(file.parent_path());
    json c = shared;
    c.update(context);
    c["__template"] = template_name;
    std::ofstream(file) << c.dump(1) << "\n";
  }

  const tmpl::Environment& env_;
  Staging& out_;
  fs::path dump_dir_;
  std::atomic<std::size_t> pages_{0};
};

SiteOptions site_options(const BuildOptions& options) {
  return {static_cast<bool>(options.pdf), options.base_url, options.site};
}

// One task per plan and language: the unit of parallel work and of memory.
struct PlanTask {
  std::size_t plan;
  model::Lang lang;
};

void render_plans(const LoadedPlans& loaded, const BuildOptions& options, const Catalogues& i18n, RenderSink& sink,
                  Staging& out, Pool& pool, std::ostream& log, BuildSummary& summary) {
  const auto& languages = options.site.languages;
  std::vector<PlanTask> tasks;
  for (std::size_t i = 0; i < loaded.plans.size(); ++i)
    if (loaded.in_shard[i])
      for (model::Lang lang : languages) tasks.push_back({i, lang});
  const auto inputs = loaded.inputs();
  const SiteOptions site = site_options(options);
  std::vector<PlanPages> results(tasks.size());
  Progress progress(log, options.quiet, "plans × languages", tasks.size());
  pool.run(tasks.size(), [&](std::size_t t, std::size_t) {
    results[t] = plan_pages(inputs[tasks[t].plan], tasks[t].lang, i18n, site, sink);
    progress.tick([&] { return ", " + std::to_string(sink.pages()) + " pages"; });
  });
  // Tasks of a plan are adjacent, one per language.
  for (std::size_t t = 0; t < tasks.size(); t += languages.size()) {
    const model::Plan& plan = loaded.plans[tasks[t].plan];
    std::vector<std::string> paths;
    int fallbacks = 0;
    for (std::size_t l = 0; l < languages.size(); ++l) {
      paths.insert(paths.end(), results[t + l].paths.begin(), results[t + l].paths.end());
      fallbacks += results[t + l].fallbacks;
    }
    out.write(sitemap_file(plan.id), sitemap(paths, options.base_url));
    summary.plans.push_back({plan.id, loaded.evaluations[tasks[t].plan].year, fallbacks});
  }
}

void render_site_pages(const LoadedPlans& loaded, const BuildOptions& options, const Catalogues& i18n,
                       RenderSink& sink, Staging& out) {
  out.write(sitemap_file(""), sitemap(site_pages(loaded.latest_inputs(), i18n, site_options(options), sink), options.base_url));
  std::vector<std::string> ids;
  for (const auto& plan : loaded.plans) ids.push_back(plan.id);
  out.write("sitemap.xml", sitemap_index(ids, options.base_url));
  for (const auto& [relative, file] : options.resources.assets.files()) out.write("assets/" + relative, read_file(file));
}

// FNV-1a: a stable 64-bit digest, to tell whether the PDFs' inputs changed.
class Digest {
 public:
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) hash_ = (hash_ ^ c) * 1099511628211ull;
    hash_ = (hash_ ^ 0xff) * 1099511628211ull;  // a separator, so "ab"+"c" differs from "a"+"bc"
  }
  void add_file(const fs::path& file) { add(read_file(file)); }
  std::string hex() const {
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash_));
    return out;
  }

 private:
  std::uint64_t hash_ = 14695981039346656037ull;
};

// What every PDF is made from besides its plan: this very program (its size
// and time: a rebuilt hyoka is another program), the layouts and font, the year.
Digest pdf_inputs(const BuildOptions& options, const std::string& sink_fingerprint) {
  Digest digest;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  digest.add(self.string() + " " + std::to_string(fs::file_size(self, ec)) + " " +
             std::to_string(fs::last_write_time(self, ec).time_since_epoch().count()));
  digest.add(sink_fingerprint);
  digest.add(std::to_string(options.year.value_or(0)));
  return digest;
}

// ...and the plan's own content files.
std::string pdf_key(const model::Plan& plan, Digest digest) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(plan.root))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    digest.add(fs::relative(file, plan.root).generic_string());
    digest.add_file(file);
  }
  return "hyoka pdf inputs " + digest.hex() + "\n";
}

// The files render_pdfs() writes: PDFs and the digests of their inputs.
bool is_pdf_or_key(const std::string& path) {
  return path.rfind(".hyoka/", 0) == 0 || (path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0);
}

struct PdfTask {
  std::size_t plan;
  model::Lang lang;
  std::string policy;  // empty: the booklet
  std::string path;
};

std::vector<PdfTask> pdf_tasks(const model::Plan& plan, std::size_t index, const std::vector<model::Lang>& languages) {
  std::vector<PdfTask> tasks;
  for (model::Lang lang : languages) {
    const std::string prefix = std::string(model::code(lang)) + "/";
    tasks.push_back({index, lang, "", prefix + routes::booklet_pdf(plan.id)});
    for (const auto& policy : plan.policies) tasks.push_back({index, lang, policy.id, prefix + routes::sheet_pdf(plan.id, policy.id)});
  }
  return tasks;
}

// A plan whose PDF inputs are as in the previous build keeps its PDFs; the
// others are rendered (and still only rewritten where the bytes differ).
void render_pdfs(const BuildOptions& options, const LoadedPlans& loaded, Staging& out, Pool& pool, std::ostream& log,
                 BuildSummary& summary) {
  std::vector<std::unique_ptr<PdfSink>> sinks(pool.size());
  for (auto& sink : sinks) sink = options.pdf();
  const Digest inputs = pdf_inputs(options, sinks.front()->fingerprint());
  std::vector<PdfTask> tasks;
  for (std::size_t i = 0; i < loaded.plans.size(); ++i) {
    if (!loaded.in_shard[i]) continue;
    const model::Plan& plan = loaded.plans[i];
    const auto plan_tasks = pdf_tasks(plan, i, options.site.languages);
    summary.pdfs += plan_tasks.size();
    std::string key_name = plan.id;
    std::replace(key_name.begin(), key_name.end(), '/', '-');  // an earlier edition: setagaya/2024
    const std::string key_file = ".hyoka/pdf-" + key_name + ".key";
    const std::string key = pdf_key(plan, inputs);
    const bool unchanged = out.previous(key_file) == key &&
                           std::all_of(plan_tasks.begin(), plan_tasks.end(),
                                       [&](const PdfTask& t) { return out.has_previous(t.path); });
    if (!unchanged && options.step == BuildOptions::Step::pages_first) {
      out.keep_previous(key_file);  // still the digest of what the kept PDFs were made from
      for (const auto& t : plan_tasks) out.keep_previous(t.path);
      summary.pdfs_deferred += plan_tasks.size();
      continue;
    }
    out.write(key_file, key);
    if (unchanged) {
      for (const auto& t : plan_tasks) out.keep_previous(t.path);
    } else {
      tasks.insert(tasks.end(), plan_tasks.begin(), plan_tasks.end());
    }
  }
  Progress progress(log, options.quiet, "PDFs", tasks.size());
  pool.run(tasks.size(), [&](std::size_t i, std::size_t worker) {
    const PdfTask& t = tasks[i];
    const fs::path file = out.external_path(t.path);
    const auto& plan = loaded.plans[t.plan];
    const auto& ev = loaded.evaluations[t.plan];
    if (t.policy.empty()) sinks[worker]->booklet(plan, ev, t.lang, file);
    else sinks[worker]->sheet(plan, ev, t.policy, t.lang, file);
    out.adopt(t.path);
    progress.tick();
  });
  summary.pdfs_rendered = tasks.size();
}

// hyoka's catalogues with the site's merged over them, and the site's title on top.
Catalogues load_catalogues(const BuildOptions& options) {
  try {
    Catalogues catalogues = Catalogues::load(options.resources.i18n.dirs());
    json ja = catalogues.of(model::Lang::ja), en = catalogues.of(model::Lang::en);
    apply_site_strings(options.site, model::Lang::ja, ja);
    apply_site_strings(options.site, model::Lang::en, en);
    return Catalogues::from_json(std::move(ja), std::move(en));
  } catch (const I18nError& e) {
    throw BuildError(e.what());
  }
}

}  // namespace

BuildSummary build(const BuildOptions& options, std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  if (options.shard.count == 0 || options.shard.index >= options.shard.count)
    throw BuildError("--shard K/N needs 0 <= K < N");
  Pool pool(options.jobs);
  const LoadedPlans loaded = load_all(options, pool);
  const Catalogues i18n = load_catalogues(options);
  tmpl::Environment env(options.resources.templates.dirs(), tmpl::Options{.strict_undefined = true});
  add_template_filters(env);
  BuildSummary summary;
  try {
    Staging out(options.out_dir, options.fail_after_writes);
    if (!options.quiet)
      log << "hyoka build: " << std::count(loaded.in_shard.begin(), loaded.in_shard.end(), true) << " plan(s), "
          << pool.size() << " job(s)\n";
    RenderSink sink(env, out, options.dump_context);
    if (options.step == BuildOptions::Step::pdfs_only) {
      out.keep_previous_where([](const std::string& path) { return !is_pdf_or_key(path); });
    } else {
      render_plans(loaded, options, i18n, sink, out, pool, log, summary);
      if (options.shard.has_site_pages()) render_site_pages(loaded, options, i18n, sink, out);
    }
    if (options.pdf) render_pdfs(options, loaded, out, pool, log, summary);
    out.commit();
    summary.pages = sink.pages();
    summary.files = out.files();
    summary.bytes = out.bytes();
    summary.written = out.written();
    summary.removed = out.removed();
  } catch (const I18nError& e) {
    throw BuildError(e.what());
  } catch (const OutputError& e) {
    throw BuildError(e.what());
  } catch (const fs::filesystem_error& e) {
    throw BuildError(e.what());
  } catch (const ResourceError& e) {
    throw BuildError(e.what());
  }
  summary.warnings = loaded.warnings;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace hyoka::site
