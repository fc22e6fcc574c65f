// `hyoka build`: the bilingual static site (and the PDFs) from content/.
#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/build_setup.hpp"
#include "cli/commands.hpp"
#include "model/diagnostics.hpp"
#include "pdf/pdf.hpp"
#include "site/build.hpp"
#include "site/output.hpp"

namespace hyoka::cli {
namespace {
namespace fs = std::filesystem;

// "2/8" → {2, 8}; throws CLI::ValidationError otherwise.
site::Shard parse_shard(const std::string& text) {
  unsigned index = 0, count = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &index, &slash, &count, &extra) != 3 || slash != '/' || count == 0 ||
      index >= count)
    throw CLI::ValidationError("--shard", "expected K/N with 0 <= K < N, e.g. 0/4; got \"" + text + "\"");
  return {index, count};
}

// The site library knows nothing about PDFs; this adapter plugs hyoka_pdf in.
class PdfWriterSink : public site::PdfSink {
 public:
  explicit PdfWriterSink(pdf::Options options) : options_(options), writer_(std::move(options)) {}
  void sheet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, const std::string& policy_id,
             model::Lang lang, const std::filesystem::path& file) override {
    writer_.write_sheet(plan, evaluation, policy_id, lang, file);
  }
  void booklet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, model::Lang lang,
               const std::filesystem::path& file) override {
    writer_.write_booklet(plan, evaluation, lang, file);
  }
  // The effective layouts' bytes (a site's own over hyoka's, file by file),
  // the fonts' and hyphenation patterns' identity (size and time, not their
  // megabytes) and the base URL the footers link to.
  std::string fingerprint() const override {
    std::string out = "base-url " + options_.base_url + "\n";
    std::error_code ec;
    for (const auto& file : {options_.font_path, options_.latin_font_path, options_.hyphenation_path})
      out += file.string() + " " + std::to_string(fs::file_size(file, ec)) + " " +
             std::to_string(fs::last_write_time(file, ec).time_since_epoch().count()) + "\n";
    std::vector<fs::path> dirs = options_.layout_overrides;
    dirs.push_back(options_.layouts_dir);
    for (const auto& [name, file] : site::SearchPath(dirs).files())
      if (name.find('/') == std::string::npos) out += name + "\n" + site::read_file(file) + "\n";
    return out;
  }

 private:
  pdf::Options options_;
  pdf::Writer writer_;
};

}  // namespace

std::optional<site::BuildOptions> build_options(const BuildArgs& args, std::ostream& err) {
  const bool named_content = !args.content.empty();
  const auto site = open_site(args.site, named_content ? ConfigNeed::if_present : ConfigNeed::required, err);
  if (!site) return std::nullopt;
  site::BuildOptions options;
  options.resources = site->resources;
  if (site->config) options.site = site->config->info;
  options.content_dir = named_content ? fs::path(args.content) : site->config->content;
  options.out_dir = !args.out.empty() ? fs::path(args.out) : site->config ? site->config->output : fs::path("output");
  options.jobs = args.jobs;
  options.quiet = args.quiet;
  options.base_url = !args.base_url.empty() ? args.base_url : site->config ? site->config->base_url : "";
  if (!options.base_url.empty() && options.base_url.back() != '/') options.base_url += '/';
  options.dump_context = args.dump_context;
  if (args.year) options.year = args.year;
  if (!args.shard.empty()) options.shard = parse_shard(args.shard);
  // Tests simulate a full disk with this; it is not a user option.
  if (const char* fail = std::getenv("HYOKA_FAIL_AFTER_WRITES")) options.fail_after_writes = std::atol(fail);
  if (!args.no_pdf) {
    const pdf::Options pdf = pdf_options(*site, args.font, options.base_url);  // footers link to the pages
    options.pdf = [pdf] { return std::make_unique<PdfWriterSink>(pdf); };
  }
  return options;
}

namespace {

std::string human_bytes(std::size_t bytes) {
  std::ostringstream out;
  if (bytes < 1024 * 1024) out << std::fixed << std::setprecision(1) << bytes / 1024.0 << " KiB";
  else out << std::fixed << std::setprecision(1) << bytes / (1024.0 * 1024.0) << " MiB";
  return out.str();
}

void print_summary(const site::BuildSummary& s, const std::string& out) {
  for (const auto& plan : s.plans)
    std::cerr << "  " << plan.id << ": FY" << plan.year << ", " << plan.fallbacks
              << " English text(s) not yet translated (shown in Japanese)\n";
  std::cerr << "hyoka build: " << s.pages << " pages, " << s.pdfs << " PDFs (" << s.pdfs_rendered << " rendered), "
            << s.files << " files, " << human_bytes(s.bytes) << "; " << s.written << " written, "
            << s.files - s.written << " unchanged, " << s.removed << " removed; " << s.warnings << " warning(s), "
            << std::fixed << std::setprecision(2) << s.seconds << " s → " << out << "\n";
}

int run_build(const BuildArgs& args) {
  const auto options = build_options(args, std::cerr);
  if (!options) return 1;
  const std::string out = options->out_dir.string();
  try {
    const site::BuildSummary summary = site::build(*options, std::cerr);
    if (!args.quiet) print_summary(summary, out);
    return 0;
  } catch (const site::ContentError& e) {
    for (const auto& d : e.diagnostics.items()) std::cerr << model::format(d) << "\n";
    std::cerr << "hyoka build: " << e.diagnostics.error_count() << " error(s) in the content; "
              << out << " was not changed\n";
  } catch (const site::BuildError& e) {
    std::cerr << "hyoka build: error: " << e.what() << "\n" << out << " was not changed\n";
  } catch (const pdf::PdfError& e) {
    std::cerr << "hyoka build: PDF error: " << e.what() << "\n" << out << " was not changed\n";
  }
  return 1;
}

}  // namespace

void add_build_options(CLI::App& command, BuildArgs& args) {
  command.add_flag("--no-pdf", args.no_pdf, "Skip the PDF sheets and booklets");
  command.add_option("--jobs,-j", args.jobs, "Parallel workers (default: one per core)");
  command.add_option("--year", args.year, "Fiscal year to evaluate (default: each plan's evaluation_year)");
  command.add_option("--font", args.font, "TrueType/OpenType font for the PDFs (default: the site's, else IPAexGothic)");
  add_site_options(command, args.site);
}

void add_build_command(CLI::App& app) {
  auto args = std::make_shared<BuildArgs>();
  auto* command = app.add_subcommand("build", "Build the bilingual static site (ja/, en/) and the PDFs: of the site in "
                                              "the current folder (hyoka.json), or of every plan in CONTENT_DIR; the "
                                              "output folder is replaced only when the build succeeds");
  command->add_option("CONTENT_DIR", args->content,
                      "Folder holding one folder per plan (default: the site's content folder)");
  command->add_option("--out,-o", args->out, "Output folder, replaced as a whole (default: the site's, else output)");
  command->add_flag("--quiet,-q", args->quiet, "No progress or summary, only errors");
  add_build_options(*command, *args);
  command->add_option("--base-url", args->base_url,
                      "Public URL of the site (https://…/): makes canonical links, og:url, sitemap.xml and 404.html's "
                      "links absolute, and each PDF sheet's footer a link to its web page (default: the site's base_url)");
  command->add_option("--shard", args->shard,
                      "Build only plans i with i mod N = K (K/N, e.g. 0/4); shard 0 also builds the shared pages. "
                      "Copying the N outputs into one folder gives the full site");
  command->add_option("--dump-context", args->dump_context, "Debug: write every page's template context as JSON here");
  command->callback([args] { exit_with(run_build(*args)); });
}

}  // namespace hyoka::cli
