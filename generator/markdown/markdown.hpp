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
#include <vector>

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

// The document as plain text in blocks, for print (PDF sheets set text, not
// markup): emphasis and links become their words, an image its alt text, raw
// HTML is left out. A soft line break is a space between Latin words and
// nothing between Japanese characters; a hard break is '\n'.
struct TextBlock {
  enum class Kind { heading, paragraph, item, table_row };
  Kind kind = Kind::paragraph;
  int level = 0;        // heading: 1–6; item: nesting depth from 1
  int number = 0;       // item of an ordered list: its number; 0 for a bullet
  bool continued = false;  // item: a later paragraph of the same item (no marker)
  bool header = false;  // table_row: the header row
  std::string text;     // heading, paragraph, item
  std::vector<std::string> cells;  // table_row
};
std::vector<TextBlock> to_blocks(std::string_view source);

// The blocks of one section: section 0 is what comes before the first
// top-level heading, section n the blocks under the n-th top-level heading
// (the heading itself first). Top-level: the shallowest heading level used.
std::vector<TextBlock> section(const std::vector<TextBlock>& blocks, int n);

}  // namespace hyoka::markdown
