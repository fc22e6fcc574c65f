#pragma once
// Where each page lives. Paths are relative to a language folder (ja/ or
// en/) and identical in both, so the language switch is a path swap. Links
// in pages are made relative with `base` (the way back to the language
// folder), so the site works under any path and from file://.
#include <string>

namespace hyoka::site::routes {

std::string site_home();                                      // index.html
std::string accessibility();                                  // accessibility.html
std::string plan_home(const std::string& plan);               // setagaya/index.html
std::string area(const std::string& plan, const std::string& area);
std::string policy(const std::string& plan, const std::string& policy);
std::string indicator(const std::string& plan, const std::string& policy, const std::string& indicator);
std::string project(const std::string& plan, const std::string& project);
std::string glossary(const std::string& plan);
std::string term_anchor(const std::string& term);             // "term-<id>"
std::string how_to_read(const std::string& plan);
std::string search(const std::string& plan);
std::string downloads(const std::string& plan);
std::string download(const std::string& plan, const std::string& file);  // setagaya/downloads/<file>
std::string council(const std::string& plan);                 // setagaya/council.html: below-target indicators
// The static lists that stand in for the filter without JavaScript.
std::string grade_list(const std::string& plan, const std::string& grade);  // setagaya/lists/grade-c.html
std::string area_list(const std::string& plan, const std::string& area);    // setagaya/lists/area-1.html
std::string site_search();                                    // search.html: the search across every plan
std::string search_shard(const std::string& plan);            // setagaya/search-index.json: one plan's part of it
std::string sheet_pdf(const std::string& plan, const std::string& policy);
std::string booklet_pdf(const std::string& plan);

// "../" once per folder between the page and its language folder.
std::string base_of(const std::string& page_path);

}  // namespace hyoka::site::routes
