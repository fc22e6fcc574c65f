#pragma once
// The options `hyoka build` and `hyoka serve` share, and how they become a
// site::BuildOptions (the site's hyoka.json, then the command line).
#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/site_lookup.hpp"
#include "site/build.hpp"

namespace hyoka::cli {

struct BuildArgs {
  std::string content;  // empty: the site's content folder
  std::string out;      // empty: the site's output folder, else "output"
  SiteArgs site;
  std::string base_url;
  std::string dump_context;
  std::string font;
  bool no_pdf = false;
  bool quiet = false;
  unsigned jobs = 0;
  int year = 0;
  std::string shard;  // "K/N"
};

// --no-pdf, --jobs, --year, --font, --config, --templates, --assets.
void add_build_options(CLI::App& command, BuildArgs& args);

// Prints what is wrong with the site (hyoka.json, resources) to `err` and returns nullopt.
std::optional<site::BuildOptions> build_options(const BuildArgs& args, std::ostream& err);

}  // namespace hyoka::cli
