// libFuzzer target: the input is commentary Markdown. It goes through
// markdown::to_html (the first byte picks the options, so every option is
// covered) and markdown::to_plain_text. Both promise never to throw. In the
// default (safe) mode the HTML must carry no script, style, frame or
// javascript:/vbscript: link, whatever the input.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "markdown/markdown.hpp"

namespace {

void check_safe(const std::string& html) {
  std::string lower(html);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view bad : {"<script", "<style", "<iframe", "<object", "<embed", "href=\"javascript:", "src=\"javascript:",
                               "href=\"vbscript:", "src=\"vbscript:"}) {
    if (lower.find(bad) != std::string::npos) {
      std::fprintf(stderr, "fuzz: safe Markdown produced \"%.*s\":\n%s\n", int(bad.size()), bad.data(), html.c_str());
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  hyoka::markdown::Options options;
  unsigned flags = size > 0 ? data[0] : 0;
  options.base_heading_level = static_cast<int>(flags & 7);  // 0–7: 7 is out of range and must be clamped
  options.scrollable_tables = (flags & 8) == 0;
  options.unsafe = (flags & 16) != 0;
  if (flags & 32) options.id_prefix = "p1-";
  if (flags & 64) options.footnote_back_label = "本文へ戻る \"<&>\"";
  if (flags & 128) options.table_label = "表 <b>&\"</b>";
  try {
    std::string html = hyoka::markdown::to_html(source, options);
    if (!options.unsafe) check_safe(html);
    hyoka::fuzz::consume(html);
    hyoka::fuzz::consume(hyoka::markdown::to_plain_text(source));
  } catch (const std::exception& e) {
    hyoka::fuzz::unexpected_exception("markdown", e);
  }
  return 0;
}
