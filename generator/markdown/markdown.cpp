#include "markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "present/escape.hpp"

namespace hyoka::markdown {
namespace {

constexpr const char* extension_names[] = {"table", "strikethrough", "autolink", "tagfilter"};

void register_extensions_once() {
  // The registry is process-wide and not thread-safe to fill; pages render in parallel.
  static std::once_flag flag;
  std::call_once(flag, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

int cmark_options(bool unsafe) {
  // Style attributes for table alignment: HTML5 has no align="" on cells.
  int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  if (unsafe) options |= CMARK_OPT_UNSAFE;
  return options;
}

ParserPtr make_parser(int options) {
  register_extensions_once();
  ParserPtr parser(cmark_parser_new(options));
  for (const char* name : extension_names) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  return parser;
}

NodePtr parse(cmark_parser* parser, std::string_view source) {
  cmark_parser_feed(parser, source.data(), source.size());
  return NodePtr(cmark_parser_finish(parser));
}

// Shifts heading levels so the shallowest one becomes `base`.
void shift_headings(cmark_node* root, int base) {
  if (base <= 0) return;
  int shallowest = 7;
  std::vector<cmark_node*> headings;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      headings.push_back(node);
      shallowest = std::min(shallowest, cmark_node_get_heading_level(node));
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* node : headings) {
    int level = cmark_node_get_heading_level(node) - shallowest + base;
    cmark_node_set_heading_level(node, std::clamp(level, 1, 6));
  }
}

// A link or image destination a browser would run, or one that reads local
// files: javascript:, vbscript:, file:, and data: other than raster images.
// cmark has already decoded entities (jav&#x61;script:); case, and the tabs,
// newlines, spaces and control characters browsers ignore in a scheme, do not
// hide it either.
bool dangerous_url(std::string_view url) {
  std::string normal;  // without ignorable characters, lower case
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) continue;
    normal += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
  }
  const std::size_t colon = normal.find(':');
  if (colon == std::string::npos || normal.find_first_of("/?#") < colon) return false;  // relative: no scheme
  const std::string_view scheme = std::string_view(normal).substr(0, colon);
  if (scheme == "javascript" || scheme == "vbscript" || scheme == "file") return true;
  if (scheme != "data") return false;
  for (const char* image : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
    if (normal.rfind(image, 0) == 0) return false;
  return true;
}

// Replaces each link or image with a dangerous destination by its text (an
// image by its alt text): a reader sees what was written, with nothing to click.
void unlink_dangerous(cmark_node* root) {
  std::vector<cmark_node*> found;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)) {
      const char* url = cmark_node_get_url(node);
      if (url && dangerous_url(url)) found.push_back(node);
    }
  }
  cmark_iter_free(iter);
  // Innermost first (found is in document order, parents before children), so
  // a node is never freed before a nested one is handled.
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    cmark_node* node = *it;
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);  // unlinks it
  }
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size()) {
    text.replace(pos, from.size(), to);
  }
}

// cmark escapes every quote in text as &quot;, so these only match markup.
void prefix_footnote_ids(std::string& html, const std::string& prefix) {
  if (prefix.empty()) return;
  const std::string p = present::escape_html(prefix);
  replace_all(html, "\"#fn-", "\"#" + p + "fn-");
  replace_all(html, "\"fn-", "\"" + p + "fn-");
  replace_all(html, "\"#fnref-", "\"#" + p + "fnref-");
  replace_all(html, "\"fnref-", "\"" + p + "fnref-");
}

// Several tables in one block get numbered labels: landmarks need distinct names.
void wrap_tables(std::string& html, const std::string& label) {
  std::size_t count = 0;
  for (std::size_t pos = 0; (pos = html.find("<table>", pos)) != std::string::npos; pos += 7) ++count;
  std::size_t n = 0;
  for (std::size_t pos = 0; (pos = html.find("<table>", pos)) != std::string::npos;) {
    const std::string name = count > 1 ? label + " " + std::to_string(++n) : label;
    const std::string open =
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" + present::escape_html(name) + "\"><table>";
    html.replace(pos, 7, open);
    pos += open.size();
  }
  replace_all(html, "</table>", "</table></div>");
}

void footnotes_as_div(std::string& html) {
  const std::string open = "<section class=\"footnotes\" data-footnotes>";
  const std::size_t start = html.rfind(open);
  const std::size_t end = html.rfind("</section>");
  if (start == std::string::npos || end == std::string::npos || end < start) return;
  html.replace(end, 10, "</div>");
  html.replace(start, open.size(), "<div class=\"footnotes\" data-footnotes>");
}

std::string take(char* owned) {
  std::string out = owned ? owned : "";
  std::free(owned);
  return out;
}

}  // namespace

std::string to_html(std::string_view source, const Options& options) {
  const int flags = cmark_options(options.unsafe);
  ParserPtr parser = make_parser(flags);
  NodePtr doc = parse(parser.get(), source);
  if (!options.unsafe) unlink_dangerous(doc.get());
  shift_headings(doc.get(), options.base_heading_level);
  std::string html = take(cmark_render_html(doc.get(), flags, cmark_parser_get_syntax_extensions(parser.get())));
  prefix_footnote_ids(html, options.id_prefix);
  // A <section> without a heading is flagged by HTML checkers; the footnote
  // list needs none, so it becomes a plain block.
  footnotes_as_div(html);
  if (options.scrollable_tables) wrap_tables(html, options.table_label);
  if (!options.footnote_back_label.empty())
    replace_all(html, "aria-label=\"Back to content\"", "aria-label=\"" + present::escape_html(options.footnote_back_label) + "\"");
  return html;
}

std::string to_plain_text(std::string_view source) {
  const int flags = cmark_options(false);
  ParserPtr parser = make_parser(flags);
  NodePtr doc = parse(parser.get(), source);
  std::string text;
  cmark_iter* iter = cmark_iter_new(doc.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (ev != CMARK_EVENT_ENTER) continue;
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      text += cmark_node_get_literal(node);
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_PARAGRAPH ||
               type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM) {
      if (!text.empty() && text.back() != ' ') text += ' ';
    }
  }
  cmark_iter_free(iter);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace hyoka::markdown
