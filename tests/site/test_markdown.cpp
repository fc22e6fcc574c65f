#include <doctest/doctest.h>

#include "markdown/markdown.hpp"

using hyoka::markdown::Options;
using hyoka::markdown::to_html;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("markdown: raw HTML and script links are dropped by default") {
  const std::string html = to_html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>b</b>\n");
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "<b>"));
  CHECK_FALSE(contains(html, "javascript:"));
  CHECK(contains(html, "raw HTML omitted"));
}

TEST_CASE("markdown: script links are dropped however they are written, keeping their text") {
  for (const char* source : {
           "[a](JaVaScRiPt:alert(1))", "[a](jav&#x61;script:alert(1))", "[a](&#x6A;avascript:alert(1))",
           "[a](java&#9;script:alert(1))", "[a](java&NewLine;script:alert(1))", "[a](&#32;javascript:alert(1))",
           "[a](<java script:alert(1)>)", "[a](vbscript:msgbox(1))", "[a](VBScript:x)", "[a](file:///etc/passwd)",
           "[a](data:text/html,<script>alert(1)</script>)", "[a](data:image/svg+xml,<svg/onload=alert(1)>)",
           "[a][r]\n\n[r]: javascript:alert(1)", "<javascript:alert(1)>", "![a](javascript:alert(1))",
           "[**a**](javascript:alert(1))", "[a ![b](javascript:x)](javascript:y)"}) {
    CAPTURE(source);
    const std::string html = to_html(source);
    CHECK_FALSE(contains(html, "<a "));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "href"));
    CHECK(contains(html, "a"));  // the text stays
  }
  CHECK(to_html("[**a**](javascript:alert(1)) b") == "<p><strong>a</strong> b</p>\n");
  // Harmless destinations are kept: relative, https, mailto, raster data images.
  CHECK(contains(to_html("[a](../b.html) [c](https://example.jp) [d](mailto:x@example.jp)"), "href=\"../b.html\""));
  CHECK(contains(to_html("[c](https://example.jp)"), "href=\"https://example.jp\""));
  CHECK(contains(to_html("![p](data:image/png;base64,AAAA)"), "<img src=\"data:image/png;base64,AAAA\""));
  // A scheme-like part after a slash is a path, not a scheme.
  CHECK(contains(to_html("[a](docs/javascript:x)"), "href=\"docs/javascript:x\""));
}

TEST_CASE("markdown: attributes and code cannot break out") {
  const std::string html = to_html("[x](https://e.jp \"t\\\" onmouseover=\\\"alert(1)\") ![y\"onerror=alert(1)](p.png) `</script>`\n");
  CHECK_FALSE(contains(html, "\" onmouseover"));
  CHECK_FALSE(contains(html, "\"onerror"));
  CHECK(contains(html, "<code>&lt;/script&gt;</code>"));
  CHECK_FALSE(contains(to_html("<img src=x onerror=alert(1)>\n\n<div onclick=\"x\">b</div>\n"), "<img"));
}

TEST_CASE("markdown: unsafe mode keeps HTML but tagfilter still neutralises script") {
  Options options;
  options.unsafe = true;
  const std::string html = to_html("<b>ok</b> <script>x</script>\n", options);
  CHECK(contains(html, "<b>ok</b>"));
  CHECK(contains(html, "&lt;script>"));
}

TEST_CASE("markdown: GFM extensions") {
  const std::string html = to_html(
      "| 指標 | 値 |\n|:--|--:|\n| 相談件数 | 1,234 |\n\n~~旧~~ https://example.jp 注※[^1]\n\n[^1]: 用語の説明\n");
  CHECK(contains(html, "<table>"));
  CHECK(contains(html, "class=\"table-scroll\""));
  CHECK(contains(html, "text-align: right"));
  CHECK_FALSE(contains(html, "align=\""));  // obsolete in HTML5
  CHECK(contains(html, "<del>旧</del>"));
  CHECK(contains(html, "<a href=\"https://example.jp\">"));
  CHECK(contains(html, "<div class=\"footnotes\""));
  CHECK_FALSE(contains(html, "<section"));
}

TEST_CASE("markdown: footnote ids are prefixed and headings shifted") {
  Options options;
  options.id_prefix = "c1-";
  options.base_heading_level = 3;
  const std::string html = to_html("# 現状と課題\n\n## 詳細\n\n本文[^a]\n\n[^a]: 注\n", options);
  CHECK(contains(html, "<h3>現状と課題</h3>"));
  CHECK(contains(html, "<h4>詳細</h4>"));
  CHECK(contains(html, "id=\"c1-fnref-"));
  CHECK(contains(html, "href=\"#c1-fn-"));
  CHECK_FALSE(contains(html, "\"fn-"));
}

TEST_CASE("markdown: invalid UTF-8 does not break rendering") {
  const std::string html = to_html(std::string("a\xff\xfe b"));
  CHECK(contains(html, "<p>"));
}

TEST_CASE("markdown: plain text") {
  CHECK(hyoka::markdown::to_plain_text("# 見出し\n\n**強調**と`code`\n") == "見出し 強調とcode");
}

TEST_CASE("markdown: several tables get distinct region labels") {
  Options options;
  options.table_label = "表";
  const std::string html = to_html("| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |\n", options);
  CHECK(contains(html, "aria-label=\"表 1\""));
  CHECK(contains(html, "aria-label=\"表 2\""));
  CHECK(contains(to_html("| a |\n|---|\n| 1 |\n", options), "aria-label=\"表\""));
}
