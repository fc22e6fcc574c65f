// Hostile content is inert: a plan whose every text carries script tags,
// attribute break-outs, spreadsheet formulas, </script> and javascript: links
// is built with the real hyoka binary, and every output file (HTML with its
// inline SVG, XML, JSON, CSV, PDF) is scanned to prove none of it is live.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

// Each starts with a character that makes a spreadsheet cell a formula.
const std::vector<std::string> payloads = {
    "=HYPERLINK(\"javascript:alert(1)\",\"x\")<script>alert(1)</script>",
    "+1+1\"><img src=x onerror=alert(2)>",
    "-2+3'><svg onload=alert(3)></script><script>alert(4)</script>",
    "@SUM(1)</title><a href=\"javascript:alert(5)\">x</a>{{ 7*7 }}{% if 1 %}",
    "\t=1+1 </style><iframe src=javascript:alert(6)></iframe>",
    "\r=1+1 <img src=x onerror=alert(7)>",
};

const char* const markdown = R"md(# <script>alert(21)</script> 見出し

<script>alert(22)</script>

<img src=x onerror=alert(23)>

[c1](javascript:alert(24)) [c2](JAVASCRIPT:alert(25)) [c3](jav&#x61;script:alert(26)) [c4](java&#9;script:alert(27))
[c5](vbscript:msgbox(28)) [c6](data:text/html,<script>alert(29)</script>) <javascript:alert(30)>
![i](javascript:alert(31)) [ok](https://example.jp "t\" onmouseover=\"alert(32)") [rel](../x.html)
`</script>` and </script> and {{ 7*7 }} =HYPERLINK("x")

| <b>h</b> | x |
|---|---|
| <script>alert(33)</script> | [z](javascript:alert(34)) |

注[^1]

[^1]: <img src=x onerror=alert(35)> [f](javascript:alert(36))
)md";

std::size_t next_payload = 0;
std::string p() { return payloads[next_payload++ % payloads.size()]; }
Json h() {
  std::string ja = p();
  return Json{{"ja", ja}, {"en", p()}};
}

// The plan: every text and free string hostile; only ids, years, numbers and
// enumerations are plain (those are validated and cannot carry markup).
std::map<std::string, Json> plan_files() {
  const std::string unit = "<b>件</b>\"'";
  const std::string rule = "</script><b>rule";
  std::map<std::string, Json> files;
  files["plan.json"] = Json{
      {"id", "hostile"}, {"city", h()}, {"name", h()}, {"description", h()}, {"source", h()},
      {"period", {{"start", 2024}, {"end", 2026}}}, {"evaluation_year", 2024}, {"report_date", "2025-03-31"},
      {"currency_unit", h()}, {"units", {{unit, p()}}},
      {"evaluation",
       {{"default_rule", "ratio"},
        {"scale", Json::array({{{"label", "<A>"}, {"min", 100}, {"description", h()}},
                               {{"label", "\"B'"}, {"min", 80}},
                               {{"label", "=C"}, {"above", 0}},
                               {{"label", "</script>"}}})},
        {"on_track", {"<A>", "\"B'"}},
        {"legend", h()},
        {"rules", {{rule, {{"method", "steps"}, {"order", {"<s1>", "=s2"}}, {"description", h()}}}}}}},
      {"areas", Json::array({{{"id", "a1"}, {"number", p()}, {"name", h()}, {"vision", h()}}})}};
  files["divisions.json"] =
      Json{{"divisions", Json::array({{{"id", "d1"}, {"name", h()}, {"department", h()}, {"phone", p()}}})}};
  files["glossary.json"] =
      Json{{"terms", Json::array({{{"id", "t1"}, {"term", h()}, {"reading", p()}, {"definition", h()}}})}};
  Json projects = Json::array(
      {{{"id", "h1-1"}, {"number", p()}, {"name", h()}, {"description", h()}, {"note", h()}, {"priority", true},
        {"divisions", {"d1"}}, {"unit", unit},
        {"status", {{"year", 2024}, {"value", {{"text", h()}}}}}, {"goal", {{"year", 2026}, {"value", 10}}},
        {"years", {{"2024", {{"plan", {{"text", h()}}}, {"actual", {{"text", h()}}}, {"cost", {{"value", 100}, {"note", h()}}}, {"note", h()}}}}},
        {"cost_total", 100},
        {"budget", {{"year", 2024}, {"amount", 100}, {"unit", h()}, {"items", Json::array({{{"name", h()}, {"amount", 100}}})}}}},
       {{"id", "h1-2"}, {"number", p()}, {"name", h()}, {"cross_listed", {{"external", h()}}}},
       {{"id", "h1-3"}, {"number", p()}, {"name", h()}, {"rule", rule}, {"unit", unit},
        {"years", {{"2024", {{"plan", {{"text", {{"ja", "<s1>"}}}}}, {"actual", {{"text", {{"ja", "=s2"}}}}}}}}}}});
  Json indicators = Json::array(
      {{{"id", "i1"}, {"kind", "outcome"}, {"number", p()}, {"name", h()}, {"description", h()}, {"source", h()},
        {"reference", h()}, {"note", h()}, {"project", "h1-1"}, {"unit", unit},
        {"baseline", {{"value", 10}, {"year", 2023}, {"label", h()}}},
        {"years", {{"2024", {{"target", {{"value", 100}, {"note", h()}}}, {"actual", 50}, {"reason", h()}, {"note", h()}}},
                   {"2025", {{"target", 100}, {"actual", {{"pending", true}, {"note", h()}}}}}}}},
       {{"id", "i2"}, {"kind", "activity"}, {"number", p()}, {"name", h()}, {"unit", unit},
        {"years", {{"2024", {{"target", {{"text", h()}}}, {"actual", {{"text", h()}}}}}}}},
       {{"id", "i3"}, {"kind", "outcome"}, {"number", p()}, {"name", h()}, {"unit", unit}, {"rule", rule},
        {"years", {{"2024", {{"target", {{"text", {{"ja", "=s2"}}}}}, {"actual", {{"text", {{"ja", "<s1>"}}}}}, {"reason", h()}}}}}}});
  files["policies/h1.json"] = Json{{"id", "h1"}, {"area", "a1"}, {"number", p()}, {"name", h()}, {"group", h()},
                                   {"target_state", h()}, {"page_ref", p()}, {"divisions", {"d1"}},
                                   {"footnotes", Json::array({{{"mark", p()}, {"term", "t1"}}})},
                                   {"projects", projects}, {"indicators", indicators}};
  return files;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

struct Run {
  int status;
  std::string out;
};

Run hyoka(const std::string& arguments) {
  FILE* pipe = popen((std::string(HYOKA_BINARY) + " " + arguments + " 2>&1").c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), out};
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Decodes the character references a browser would (enough for the checks:
// numeric ones and the named ones that can hide a scheme or markup).
std::string decode_entities(const std::string& s) {
  static const std::map<std::string, std::string> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"colon", ":"},
      {"tab", "\t"}, {"newline", "\n"}, {"sol", "/"}, {"lpar", "("}, {"rpar", ")"}, {"nbsp", "\xC2\xA0"}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t end = s.find(';', i);
    if (end == std::string::npos || end - i > 12) {
      out += s[i];
      continue;
    }
    std::string name = s.substr(i + 1, end - i - 1);
    long code = -1;
    if (!name.empty() && name[0] == '#') code = std::strtol(name.c_str() + (name.size() > 1 && (name[1] == 'x' || name[1] == 'X') ? 2 : 1), nullptr,
                                                             name.size() > 1 && (name[1] == 'x' || name[1] == 'X') ? 16 : 10);
    if (code >= 0 && code < 0x80) {
      out += static_cast<char>(code);
      i = end;
    } else if (named.count(lower(name))) {
      out += named.at(lower(name));
      i = end;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A URL a browser would run: the scheme after decoding, without the
// whitespace and control characters browsers ignore.
bool script_url(const std::string& value) {
  std::string url;
  for (char c : decode_entities(value))
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) url += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (url.rfind("javascript:", 0) == 0 || url.rfind("vbscript:", 0) == 0) return true;
  if (url.rfind("data:", 0) == 0)
    return !(url.rfind("data:image/png", 0) == 0 || url.rfind("data:image/gif", 0) == 0 || url.rfind("data:image/jpeg", 0) == 0 ||
             url.rfind("data:image/webp", 0) == 0);
  return false;
}

struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string body;  // of <script> and <style>
};

// A small HTML tokenizer: tags with their attributes, comments skipped, the
// raw text of <script>/<style> kept. Returns false if markup is malformed in
// a way a browser would read differently from the generator's intent.
std::vector<Tag> tags_of(const std::string& html, std::vector<std::string>& problems) {
  std::vector<Tag> tags;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  for (std::size_t i = html.find('<'); i != std::string::npos && i < html.size(); i = html.find('<', i)) {
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", i + 4);
      if (end == std::string::npos) {
        problems.push_back("unterminated comment");
        break;
      }
      i = end + 3;
      continue;
    }
    if (html.compare(i, 2, "<!") == 0 || html.compare(i, 2, "<?") == 0) {
      i = html.find('>', i);
      continue;
    }
    std::size_t j = i + 1;
    bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    if (j >= html.size() || !std::isalpha(static_cast<unsigned char>(html[j]))) {
      ++i;  // a bare '<' is text
      continue;
    }
    Tag tag;
    while (j < html.size() && !space(html[j]) && html[j] != '>' && html[j] != '/') tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++])));
    while (j < html.size() && html[j] != '>') {
      if (space(html[j]) || html[j] == '/') {
        ++j;
        continue;
      }
      std::string name, value;
      while (j < html.size() && !space(html[j]) && html[j] != '=' && html[j] != '>' && html[j] != '/') name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++])));
      while (j < html.size() && space(html[j])) ++j;
      if (j < html.size() && html[j] == '=') {
        ++j;
        while (j < html.size() && space(html[j])) ++j;
        if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
          char quote = html[j++];
          std::size_t end = html.find(quote, j);
          if (end == std::string::npos) {
            problems.push_back("unterminated attribute in <" + tag.name + ">");
            return tags;
          }
          value = html.substr(j, end - j);
          j = end + 1;
        } else {
          while (j < html.size() && !space(html[j]) && html[j] != '>') value += html[j++];
        }
      }
      tag.attributes.emplace_back(name, value);
    }
    i = j;
    if (closing) continue;
    if (tag.name == "script" || tag.name == "style") {
      std::size_t end = lower(html).find("</" + tag.name, i);
      tag.body = html.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
      i = end == std::string::npos ? html.size() : end;
    }
    tags.push_back(std::move(tag));
  }
  return tags;
}

// Every way a tag could run a script.
std::vector<std::string> live_markup(const std::string& html) {
  std::vector<std::string> problems;
  for (const auto& tag : tags_of(html, problems)) {
    static const std::set<std::string> banned = {"iframe", "object", "embed", "frame", "frameset", "base", "applet", "meta-refresh"};
    if (banned.count(tag.name)) problems.push_back("<" + tag.name + ">");
    std::string type, src;
    for (const auto& [name, value] : tag.attributes) {
      if (name.rfind("on", 0) == 0) problems.push_back("<" + tag.name + " " + name + "=…>");
      if ((name == "href" || name == "src" || name == "action" || name == "formaction" || name == "xlink:href" ||
           name == "data" || name == "poster" || name == "srcset") && script_url(value))
        problems.push_back("<" + tag.name + " " + name + "=\"" + value + "\">");
      if (name == "style" && (lower(decode_entities(value)).find("expression") != std::string::npos ||
                              lower(decode_entities(value)).find("url(") != std::string::npos))
        problems.push_back("<" + tag.name + " style=\"" + value + "\">");
      if (tag.name == "img" && name == "src" && value == "x") problems.push_back("<img src=x> from content");
      if (name == "type") type = value;
      if (name == "src") src = value;
    }
    if (tag.name == "script") {
      const bool our_script = src.size() >= 14 && src.compare(src.size() - 14, 14, "assets/site.js") == 0 && tag.body.empty();
      const bool data = (type == "application/json" || type == "application/ld+json") && src.empty() &&
                        Json::accept(tag.body) && lower(tag.body).find("</") == std::string::npos;
      if (!our_script && !data) problems.push_back("<script> with body \"" + tag.body.substr(0, 60) + "\"");
    }
  }
  return problems;
}

std::vector<std::vector<std::string>> parse_csv(std::string text, std::vector<std::string>& problems) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell), cell.clear(), was_quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(cell), cell.clear(), was_quoted = false;
      rows.emplace_back();
    } else {
      if (c == '"') problems.push_back("a quote inside an unquoted cell");
      cell += c;
    }
  }
  if (quoted) problems.push_back("an unterminated quoted cell");
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(cell);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

bool plain_number(const std::string& s) {
  std::size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digits = true;
    else if (s[i] == '.' && !point) point = true;
    else return false;
  }
  return digits;
}

// Cells a spreadsheet would run as a formula.
std::vector<std::string> formula_cells(const std::string& csv, std::size_t& cells, bool& guarded) {
  std::vector<std::string> problems;
  for (const auto& row : parse_csv(csv, problems))
    for (const auto& cell : row) {
      ++cells;
      if (cell.rfind("'=HYPERLINK(", 0) == 0) guarded = true;
      if (!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos && !plain_number(cell))
        problems.push_back("formula cell: " + cell.substr(0, 60));
    }
  return problems;
}

}  // namespace

TEST_CASE("hostile: every output of a plan full of markup, formulas and script links is inert") {
  const fs::path root = fs::temp_directory_path() / ("hyoka-hostile-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const fs::path plan = root / "content" / "hostile";
  next_payload = 0;
  for (const auto& [name, json] : plan_files()) write(plan / name, json.dump(2) + "\n");
  for (const char* md : {"policies/h1.ja.md", "policies/h1.en.md", "projects/h1-1.ja.md", "projects/h1-1.en.md"}) write(plan / md, markdown);

  const auto check = hyoka("check " + plan.string());
  INFO(check.out);
  REQUIRE(check.status == 0);  // hostile texts are valid content: they must be shown, harmlessly

  const std::string source = HYOKA_SOURCE_DIR;
  const auto build = hyoka("build " + (root / "content").string() + " --out " + (root / "out").string() + " --templates " +
                           source + "/templates --assets " + source + "/assets --quiet");
  INFO(build.out);
  REQUIRE(build.status == 0);
  const auto csv = hyoka("evaluate " + plan.string() + " --format csv --all-years");
  const auto json = hyoka("evaluate " + plan.string() + " --format json --all-years");
  REQUIRE(csv.status == 0);
  REQUIRE(json.status == 0);
  write(root / "evaluate/evaluate.csv", csv.out);
  write(root / "evaluate/evaluate.json", json.out);

  std::map<std::string, std::size_t> scanned;
  std::size_t cells = 0;
  bool escaped_script = false, escaped_img = false, literal_template = false, guarded_formula = false, json_payload = false,
       commentary = false;
  for (const fs::path& dir : {root / "out", root / "evaluate"})
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      const std::string file = entry.path().string(), ext = entry.path().extension().string();
      const std::string text = read(entry.path());
      CAPTURE(file);
      ++scanned[ext];
      if (ext == ".html" || ext == ".svg" || ext == ".xml") {
        for (const auto& problem : live_markup(text)) FAIL_CHECK(problem);
        const std::string decoded = decode_entities(text);
        escaped_script |= text.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos;
        escaped_img |= decoded.find("\"><img src=x onerror=alert(2)>") != std::string::npos;
        literal_template |= decoded.find("{{ 7*7 }}{% if 1 %}") != std::string::npos;
        // The commentary's links were rendered: the safe one kept, the script ones as plain text.
        commentary |= text.find("<a href=\"../x.html\">rel</a>") != std::string::npos && text.find(" c4") != std::string::npos;
      } else if (ext == ".json") {
        CHECK(Json::accept(text));
        json_payload |= text.find("<script>alert(1)</script>") != std::string::npos;  // kept as data, JSON-escaped where needed
      } else if (ext == ".csv") {
        for (const auto& problem : formula_cells(text, cells, guarded_formula)) FAIL_CHECK(problem);
      } else if (ext == ".pdf") {
        for (const char* action : {"/JavaScript", "/JS ", "/JS(", "/Launch", "/SubmitForm", "javascript:"}) CHECK(text.find(action) == std::string::npos);
      }
    }
  INFO("scanned: " << Json(scanned).dump());
  // The payloads went through (they were not silently dropped) and came out escaped.
  CHECK(scanned[".html"] > 20);
  CHECK(scanned[".csv"] >= 2);
  CHECK(scanned[".json"] >= 2);
  CHECK(cells > 50);
  CHECK(escaped_script);
  CHECK(escaped_img);
  CHECK(literal_template);
  CHECK(guarded_formula);
  CHECK(json_payload);
  CHECK(commentary);
  if (!std::getenv("HYOKA_KEEP_HOSTILE")) fs::remove_all(root);  // set it to look at the output
}

TEST_CASE("hostile: the scanner itself finds live markup and formulas") {
  CHECK_FALSE(live_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"../x.html\" title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">x</a></p>").size());
  CHECK_FALSE(live_markup("<script src=\"../assets/site.js\" defer></script>").size());
  CHECK(live_markup("<p><script>alert(1)</script></p>").size());
  CHECK(live_markup("<p title=\"x\"><img src=x onerror=alert(1)></p>").size());
  CHECK(live_markup("<a href=\" jav&#x61;script:alert(1)\">x</a>").size());
  CHECK(live_markup("<a href=\"java&Tab;script:alert(1)\">x</a>").size());
  CHECK(live_markup("<svg><a xlink:href=\"javascript:alert(1)\"></a></svg>").size());
  CHECK(live_markup("<script type=\"application/json\">{\"a\": \"</script><script>alert(1)</script>\"}</script>").size());
  CHECK_FALSE(live_markup("<script type=\"application/json\">{\"a\": \"\\u003c/script\\u003e\"}</script>").size());
  std::size_t cells = 0;
  bool guarded = false;
  CHECK(formula_cells("a,=1+1\r\n", cells, guarded).size() == 1);
  CHECK(formula_cells("a,\"\t=1\"\r\n", cells, guarded).size() == 1);
  CHECK(formula_cells("a,-1+1\r\n", cells, guarded).size() == 1);
  CHECK(formula_cells("a,-1.5,'=HYPERLINK(1),+3\r\n", cells, guarded).empty());
  CHECK(guarded);
}
