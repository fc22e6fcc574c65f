#include "site/routes.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace hyoka::site::routes {

std::string site_home() { return "index.html"; }
std::string accessibility() { return "accessibility.html"; }
std::string plan_home(const std::string& plan) { return plan + "/index.html"; }
std::string area(const std::string& plan, const std::string& area) { return plan + "/areas/" + area + ".html"; }
std::string policy(const std::string& plan, const std::string& policy) {
  return plan + "/policies/" + policy + ".html";
}
// Indicator ids are unique only within their policy, hence the policy folder.
std::string indicator(const std::string& plan, const std::string& policy, const std::string& indicator) {
  return plan + "/indicators/" + policy + "/" + indicator + ".html";
}
std::string project(const std::string& plan, const std::string& project) {
  return plan + "/projects/" + project + ".html";
}
std::string glossary(const std::string& plan) { return plan + "/glossary.html"; }
std::string term_anchor(const std::string& term) { return "term-" + term; }
std::string how_to_read(const std::string& plan) { return plan + "/how-to-read.html"; }
std::string search(const std::string& plan) { return plan + "/search.html"; }
std::string downloads(const std::string& plan) { return plan + "/downloads.html"; }
std::string download(const std::string& plan, const std::string& file) { return plan + "/downloads/" + file; }
std::string council(const std::string& plan) { return plan + "/council.html"; }
// Grade labels may be any text (◎, 優): ASCII letters and digits stay (lower
// case), anything else becomes its code point, so the name is a safe file name.
std::string grade_list(const std::string& plan, const std::string& grade) {
  std::string slug;
  for (std::size_t i = 0; i < grade.size();) {
    const unsigned char c = static_cast<unsigned char>(grade[i]);
    if (std::isalnum(c) && c < 0x80) {
      slug += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    unsigned code = length == 1 ? c : c & (0x7F >> length);
    for (int k = 1; k < length && i + k < grade.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(grade[i + k]) & 0x3F);
    char buf[16];
    std::snprintf(buf, sizeof buf, "x%x", code);
    slug += buf;
    i += static_cast<std::size_t>(length);
  }
  return plan + "/lists/grade-" + slug + ".html";
}
std::string area_list(const std::string& plan, const std::string& area) { return plan + "/lists/area-" + area + ".html"; }
std::string site_search() { return "search.html"; }
std::string search_shard(const std::string& plan) { return plan + "/search-index.json"; }
std::string sheet_pdf(const std::string& plan, const std::string& policy) {
  return plan + "/pdf/" + policy + ".pdf";
}
std::string booklet_pdf(const std::string& plan) {
  std::string name = plan;
  std::replace(name.begin(), name.end(), '/', '-');  // an earlier edition (setagaya/2024): setagaya-2024-booklet.pdf
  return plan + "/pdf/" + name + "-booklet.pdf";
}

std::string base_of(const std::string& page_path) {
  std::string base;
  for (auto n = std::count(page_path.begin(), page_path.end(), '/'); n > 0; --n) base += "../";
  return base;
}

}  // namespace hyoka::site::routes
