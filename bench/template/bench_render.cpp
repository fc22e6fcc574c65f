// Renders the policy page N times with hyoka (one thread) and prints pages/s.
// Usage: hyoka_template_bench TEMPLATE_DIR CONTEXT.json [N] [--print]
#include <chrono>
#include <fstream>
#include <iostream>

#include "site/filters.hpp"
#include "template/environment.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: " << argv[0] << " TEMPLATE_DIR CONTEXT.json [N] [--print]\n";
    return 2;
  }
  int n = argc > 3 ? std::atoi(argv[3]) : 10000;
  bool print = argc > 4 && std::string(argv[4]) == "--print";
  std::ifstream in(argv[2], std::ios::binary);
  auto context = nlohmann::ordered_json::parse(in);
  hyoka::tmpl::Environment env(argv[1], hyoka::tmpl::Options{true});
  hyoka::site::add_template_filters(env);  // the report filters, as the site has them
  std::string page = env.render_file("policy.html", context);  // warm-up: parse + cache
  if (print) {
    std::cout << page;
    return 0;
  }
  std::size_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) bytes += env.render_file("policy.html", context).size();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "hyoka: " << n << " pages in " << secs << " s = " << static_cast<long>(n / secs) << " pages/s ("
            << secs / n * 1e3 << " ms/page, " << bytes / n << " bytes/page)\n";
  return 0;
}
