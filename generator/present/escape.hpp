#pragma once
// Writing text into markup and spreadsheets. One escape serves HTML text,
// HTML and XML attributes and SVG: it is markupsafe's (what Jinja2 writes),
// so a page reads the same whichever part of hyoka produced it.
#include <string>
#include <string_view>

namespace hyoka::present {

// & < > " ' as &amp; &lt; &gt; &#34; &#39;, appended to `out`.
void escape_html(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line end;
// a cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a
// leading ' so it shows as text. Plain numbers such as -5 stay numbers.
std::string csv_cell(std::string_view text);

}  // namespace hyoka::present
