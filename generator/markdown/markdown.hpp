#pragma once
// Commentary Markdown → HTML with cmark-gfm and its GitHub extensions
// (table, strikethrough, autolink, footnotes, tagfilter).
//
// Safe by default: raw HTML is replaced by a comment and links and images with
// unsafe schemes (javascript:, vbscript:, file:, data: other than raster
// images; however written: any case, entities, embedded whitespace) become
// their plain text, because commentary is written by many divisions and
// published on the city's site.
#include <string>
#include <string_view>

namespace hyoka::markdown {

struct Options {
  // The level the document's top-level headings become, so that commentary
  // written with "#" or "##" fits under the page's own <h2> sections.
  // 0 keeps the levels as written.
  int base_heading_level = 0;
  // Prepended to footnote ids (fn-1 → <prefix>fn-1) so that two Markdown
  // blocks on one page cannot produce the same id.
  std::string id_prefix;
  // Wrap tables in a focusable scroll container (phones).
  bool scrollable_tables = true;
  // Label of that scroll container for screen readers.
  std::string table_label = "Table";
  // Screen-reader label of the footnote "↩" links (cmark-gfm's is English).
  std::string footnote_back_label;
  // Allow raw HTML and every link scheme. Only for trusted input (a plan's
  // "allow_raw_html"). GFM's tagfilter still neutralises <script>, <iframe>,
  // <style> and the like, but not event attributes such as onerror=.
  bool unsafe = false;
};

// Renders Markdown to an HTML fragment. Never throws on bad input: any byte
// sequence gives some HTML (invalid UTF-8 is replaced).
std::string to_html(std::string_view source, const Options& options = {});

// The text of the document without markup, for search indexes and
// descriptions (whitespace collapsed).
std::string to_plain_text(std::string_view source);

}  // namespace hyoka::markdown
