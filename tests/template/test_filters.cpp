// Filter edge cases, rendered through the public API.
#include <doctest/doctest.h>

#include "template/environment.hpp"
#include "template/renderer.hpp"

using hyoka::tmpl::Environment;
using hyoka::tmpl::Options;
using hyoka::tmpl::TemplateError;
using Json = nlohmann::ordered_json;

namespace {
std::string r(std::string_view src, const Json& ctx = Json::object(), const std::string& name = "<string>") {
  Environment env(".");
  return env.render_string(src, ctx, name);
}
std::string strict(std::string_view src, const Json& ctx = Json::object()) {
  Environment env(".", Options{true});
  return env.render_string(src, ctx);
}
}  // namespace

TEST_CASE("host filters: added to one Environment, resolved when a template is parsed") {
  CHECK_THROWS_WITH_AS(r("{{ 'x'|shout }}"), doctest::Contains("unknown filter 'shout'"), TemplateError);
  Environment env(".");
  env.add_filter("shout", [](hyoka::tmpl::FilterContext&, const hyoka::tmpl::Value& in, const hyoka::tmpl::CallArgs&) {
    return hyoka::tmpl::Value(std::string(in.str()) + "!");
  });
  CHECK(env.render_string("{{ 'x'|shout }}{{ 'shout' is filter }}{{ 'whisper' is filter }}", Json::object()) == "x!TrueFalse");
  // A host filter of a built-in's name replaces it, as in Jinja2.
  env.add_filter("upper", [](hyoka::tmpl::FilterContext&, const hyoka::tmpl::Value&, const hyoka::tmpl::CallArgs&) {
    return hyoka::tmpl::Value("host");
  });
  CHECK(env.render_string("{{ 'a'|upper }}", Json::object()) == "host");
  CHECK(r("{{ 'a'|upper }}") == "A");  // another Environment keeps Jinja2's
}

TEST_CASE("host tests: added to one Environment") {
  Environment env(".");
  env.add_test("short", [](hyoka::tmpl::FilterContext&, const hyoka::tmpl::Value& in, const hyoka::tmpl::CallArgs&) {
    return in.is_string() && in.str().size() < 3;
  });
  CHECK(env.render_string("{{ 'ab' is short }} {{ 'abcd' is short }} {{ 'short' is test }}", Json::object()) == "True False True");
  CHECK_THROWS_AS(r("{{ 'ab' is short }}"), TemplateError);
}

TEST_CASE("string filters count code points") {
  CHECK(r("{{ '子育て支援'|length }}") == "5");
  CHECK(r("{{ '子育て支援'|truncate(3, true, '…', 0) }}") == "子育…");
  CHECK(r("{{ '日本'|center(6) }}") == "  日本  ");
  CHECK(r("{{ '日本語'|reverse }}") == "語本日");
  CHECK(r("{{ '日本語'|first }}{{ '日本語'|last }}") == "日語");
  CHECK(r("{{ '日本語'[1:] }}") == "本語");
  CHECK(r("{{ 'Ünïcödé'|upper }}") == "ÜNÏCÖDÉ");
  CHECK(r("{{ '🎌'|length }}") == "1");
}

TEST_CASE("markup safety") {
  CHECK(r("{{ '<b>' }}", Json::object(), "x.html") == "&lt;b&gt;");
  CHECK(r("{{ '<b>'|e|e }}", Json::object(), "x.txt") == "&lt;b&gt;");
  CHECK(r("{{ '<b>'|safe }}", Json::object(), "x.html") == "<b>");
  CHECK(r("{% macro m() %}<i>{% endmacro %}{{ m() }}", Json::object(), "x.html") == "<i>");
  CHECK(r("{{ {'a': '<&>\\''}|tojson }}", Json::object(), "x.html") == "{\"a\": \"\\u003c\\u0026\\u003e\\u0027\"}");
  CHECK(r("{{ x }}", Json::parse(R"({"x": "\"'"})"), "x.xml") == "&#34;&#39;");
  CHECK(r("{{ '<b>' }}", Json::object(), "x.svg") == "&lt;b&gt;");
  CHECK(r("{{ '<b>' }}", Json::object(), "X.HTM") == "&lt;b&gt;");
}

TEST_CASE("built-in filter edge cases") {
  CHECK(r("{{ 2.5|round }}{{ 3.5|round }}") == "2.04.0");
  CHECK(r("{{ 'x'|int(-1) }}") == "-1");
  CHECK(r("{{ [3, 1]|sort|first }}") == "1");
  CHECK(r("{{ []|first is undefined }}") == "True");
  CHECK(r("{{ [1, 2, 3]|batch(2)|list }}") == "[[1, 2], [3]]");
  CHECK(r("{{ {'b': 1, 'a': 2}|dictsort }}") == "[('a', 2), ('b', 1)]");
  CHECK(r("{{ 'a b'|urlencode }}") == "a%20b");
  CHECK(r("{{ 1000000|filesizeformat }}") == "1.0 MB");
  CHECK(r("{{ '%s=%d'|format('x', 2) }}") == "x=2");
  CHECK(r("{{ 'one two'|wordcount }}") == "2");
  CHECK_THROWS_AS(r("{{ 5|join }}"), TemplateError);
  CHECK_THROWS_AS(r("{{ [1]|batch(0) }}"), TemplateError);
}
