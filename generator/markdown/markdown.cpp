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

namespace hyoka::markdown {
namespace {

// Lead byte of a character from U+2E80 up (CJK scripts and punctuation, full-width forms).
bool starts_cjk(unsigned char lead) { return lead >= 0xE2 && lead < 0xF0; }

// The last character of `text` is CJK (its lead byte, three bytes back).
bool ends_cjk(const std::string& text) { return text.size() >= 3 && starts_cjk(static_cast<unsigned char>(text[text.size() - 3])); }

struct Inline {
  std::string text;
  bool pending_space = false;  // a soft break waiting for the next character

  void add(std::string_view words) {
    if (words.empty()) return;
    if (pending_space && !text.empty() && text.back() != '\n' && !(ends_cjk(text) && starts_cjk(static_cast<unsigned char>(words[0]))))
      text += ' ';
    pending_space = false;
    text += words;
  }
};

void collect_inline(cmark_node* node, Inline& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: out.add(cmark_node_get_literal(child)); break;
      case CMARK_NODE_SOFTBREAK: out.pending_space = true; break;
      case CMARK_NODE_LINEBREAK:
        out.text += '\n';
        out.pending_space = false;
        break;
      case CMARK_NODE_HTML_INLINE: break;  // markup is not text
      default: collect_inline(child, out);  // emphasis, strong, links, images (alt text), strikethrough
    }
  }
}

std::string inline_text(cmark_node* node) {
  Inline text;
  collect_inline(node, text);
  return text.text;
}

bool is(cmark_node* node, const char* type_name) { return std::string_view(cmark_node_get_type_string(node)) == type_name; }

class BlockWalker {
 public:
  std::vector<TextBlock> blocks;

  void walk(cmark_node* parent, int depth) {
    for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) block(node, depth);
  }

 private:
  void block(cmark_node* node, int depth) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        blocks.push_back({TextBlock::Kind::heading, cmark_node_get_heading_level(node), 0, false, false, inline_text(node), {}});
        return;
      case CMARK_NODE_PARAGRAPH:
        blocks.push_back({TextBlock::Kind::paragraph, 0, 0, false, false, inline_text(node), {}});
        return;
      case CMARK_NODE_CODE_BLOCK: {
        std::string code = cmark_node_get_literal(node);
        while (!code.empty() && code.back() == '\n') code.pop_back();
        blocks.push_back({TextBlock::Kind::paragraph, 0, 0, false, false, code, {}});
        return;
      }
      case CMARK_NODE_LIST: list(node, depth + 1); return;
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_THEMATIC_BREAK: return;
      default: break;
    }
    if (is(node, "table")) {
      for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        TextBlock r{TextBlock::Kind::table_row, 0, 0, false, cmark_gfm_extensions_get_table_row_is_header(row) != 0, {}, {}};
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) r.cells.push_back(inline_text(cell));
        blocks.push_back(std::move(r));
      }
      return;
    }
    walk(node, depth);  // block quotes, footnote definitions: their paragraphs
  }

  void list(cmark_node* node, int depth) {
    const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    int number = ordered ? cmark_node_get_list_start(node) : 0;
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item), number += ordered) {
      bool first = true;
      for (cmark_node* child = cmark_node_first_child(item); child; child = cmark_node_next(child)) {
        if (cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH) {
          blocks.push_back({TextBlock::Kind::item, depth, number, !first, false, inline_text(child), {}});
          first = false;
        } else {
          block(child, depth);
        }
      }
      if (first) blocks.push_back({TextBlock::Kind::item, depth, number, false, false, {}, {}});  // an empty item
    }
  }
};

}  // namespace

std::vector<TextBlock> to_blocks(std::string_view source) {
  ParserPtr parser = make_parser(cmark_options(false));
  NodePtr doc = parse(parser.get(), source);
  BlockWalker walker;
  walker.walk(doc.get(), 0);
  return std::move(walker.blocks);
}

std::vector<TextBlock> section(const std::vector<TextBlock>& blocks, int n) {
  int top = 7;
  for (const auto& b : blocks)
    if (b.kind == TextBlock::Kind::heading) top = std::min(top, b.level);
  std::vector<TextBlock> out;
  int current = 0;
  for (const auto& b : blocks) {
    if (b.kind == TextBlock::Kind::heading && b.level == top) ++current;
    if (current == n) out.push_back(b);
  }
  return out;
}

}  // namespace hyoka::markdown
