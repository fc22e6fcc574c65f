// hyoka packet: a council briefing packet (議会資料) — cover, contents and the
// evaluation sheets chosen by grade, area, policy or division — as one PDF.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/plan_loading.hpp"
#include "cli/site_lookup.hpp"
#include "evaluate/evaluate.hpp"
#include "model/loader.hpp"
#include "pdf/pdf.hpp"

namespace hyoka::cli {
namespace {

struct PacketOptions {
  std::string plan;
  std::vector<std::string> grades, areas, policies, divisions;
  std::string lang = "ja";
  std::string out;
  int year = 0;
  std::string font;
  SiteArgs site;
  std::string base_url;
};

int run_packet(const PacketOptions& options) {
  auto loaded = model::load_plan(options.plan);
  for (const auto& diagnostic : loaded.diagnostics.items()) std::cerr << model::format(diagnostic) << "\n";
  if (!loaded.plan || loaded.diagnostics.has_errors()) return 1;
  const model::Plan& plan = *loaded.plan;
  if (options.year && !year_in_period(plan, options.year)) return 1;
  auto evaluation = evaluate::evaluate_plan(plan, options.year);

  const auto site = open_site(options.site, ConfigNeed::if_present, std::cerr);
  if (!site) return 1;
  const std::string base_url = !options.base_url.empty() ? options.base_url : site->config ? site->config->base_url : "";
  auto lang = options.lang == "en" ? model::Lang::en : model::Lang::ja;
  std::filesystem::path out = options.out.empty() ? plan.id + "-packet." + options.lang + ".pdf" : options.out;
  try {
    pdf::Writer writer(pdf_options(*site, options.font, base_url));
    int sheets = writer.write_packet(plan, evaluation, {options.grades, options.areas, options.policies, options.divisions},
                                     lang, out);
    std::cout << "wrote " << out.string() << " (" << sheets << (sheets == 1 ? " sheet" : " sheets") << ")\n";
    if (sheets == 0) std::cerr << "warning: no policy matches the filters; the packet has only its cover\n";
  } catch (const std::exception& e) {  // PdfError, or a filesystem error writing the file
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void add_packet_command(CLI::App& app) {
  auto options = std::make_shared<PacketOptions>();
  auto* command = app.add_subcommand("packet", "Write a council briefing packet: cover, contents and the evaluation "
                                               "sheets chosen by grade, area, policy or division, as one PDF");
  add_plan_dir(*command, options->plan);
  command->add_option("--grades", options->grades, "Grades to include, e.g. C,D (a policy with any such indicator)")
      ->delimiter(',');
  command->add_option("--areas", options->areas, "Area ids to include")->delimiter(',');
  command->add_option("--policies", options->policies, "Policy ids (or numbers) to include")->delimiter(',');
  command->add_option("--divisions", options->divisions, "Responsible division ids (or Japanese names)")->delimiter(',');
  command->add_option("--lang", options->lang, "Language of the packet")
      ->check(CLI::IsMember({"ja", "en"}))
      ->capture_default_str();
  command->add_option("--out", options->out, "Output file (default: <plan id>-packet.<lang>.pdf)");
  command->add_option("--year", options->year, "Fiscal year to evaluate (default: the plan's evaluation_year)");
  command->add_option("--font", options->font, "TrueType font to embed (default: the site's, else IPAexGothic)");
  command->add_option("--base-url", options->base_url,
                      "Address the site is published at (https://example.jp/): each sheet's footer links to its web "
                      "page (default: the site's base_url)");
  add_site_options(*command, options->site);
  command->callback([options] { exit_with(run_packet(*options)); });
}

}  // namespace hyoka::cli
