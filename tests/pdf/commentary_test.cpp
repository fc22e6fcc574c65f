// Commentary on a sheet is read through cmark-gfm: Markdown becomes text
// blocks (headings, paragraphs, list items with their numbers, table rows),
// emphasis and links become their words, raw HTML is left out.
#include <doctest/doctest.h>

#include "markdown/markdown.hpp"

using hyoka::markdown::section;
using hyoka::markdown::TextBlock;
using hyoka::markdown::to_blocks;
using Kind = TextBlock::Kind;

TEST_CASE("commentary as blocks: headings, paragraphs, items, table rows") {
  const auto blocks = to_blocks(
      "Lead paragraph with **strong** and [a link](https://example.jp/).\n\n"
      "## 主な取組み\n\n"
      "1. **多機関協働事業**  \n   保健福祉センターが支援する。\n"
      "2. 研修\n\n"
      "- 高島平あやめ保育園\n  - 上板橋保育園\n\n"
      "| 内訳 | 金額 |\n|---|---:|\n| 配置 | 6,856 千円 |\n\n"
      "<script>alert(1)</script>\n\n"
      "Soft\nbreak in English, 改行\nなし。\n");
  REQUIRE(blocks.size() == 9);
  CHECK(blocks[0].kind == Kind::paragraph);
  CHECK(blocks[0].text == "Lead paragraph with strong and a link.");
  CHECK(blocks[1].kind == Kind::heading);
  CHECK(blocks[1].level == 2);
  CHECK(blocks[1].text == "主な取組み");
  CHECK(blocks[2].kind == Kind::item);
  CHECK(blocks[2].number == 1);
  CHECK(blocks[2].text == "多機関協働事業\n保健福祉センターが支援する。");  // a hard break stays a line break
  CHECK(blocks[3].number == 2);
  CHECK(blocks[4].kind == Kind::item);
  CHECK(blocks[4].number == 0);  // a bullet
  CHECK(blocks[4].level == 1);
  CHECK(blocks[5].level == 2);   // nested
  CHECK(blocks[6].kind == Kind::table_row);
  CHECK(blocks[6].header);
  CHECK(blocks[6].cells == std::vector<std::string>{"内訳", "金額"});
  CHECK(blocks[7].cells == std::vector<std::string>{"配置", "6,856 千円"});
  CHECK(blocks[8].kind == Kind::paragraph);  // the raw HTML block before it is gone
  CHECK(blocks[8].text == "Soft break in English, 改行なし。");
}

TEST_CASE("a section is the blocks under one top-level heading; section 0 what comes before the first") {
  const auto blocks = to_blocks("lead\n\n## One\n\ntext 1\n\n### Sub\n\ntext 1b\n\n## Two\n\ntext 2\n");
  auto lead = section(blocks, 0);
  REQUIRE(lead.size() == 1);
  CHECK(lead[0].text == "lead");
  auto one = section(blocks, 1);
  REQUIRE(one.size() == 4);
  CHECK(one[0].text == "One");
  CHECK(one[2].text == "Sub");
  CHECK(section(blocks, 2).size() == 2);
  CHECK(section(blocks, 3).empty());
}
