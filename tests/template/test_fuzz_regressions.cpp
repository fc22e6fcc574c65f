// Regressions found by fuzzing (tests/fuzz, scripts/fuzz): crashes, hangs,
// leaks and undefined behaviour, each with the smallest template that showed
// it. The reproducers themselves are in tests/fuzz/regressions/fuzz_template/
// and ctest replays them (under ASan/UBSan/LeakSanitizer in the clang builds).
#include <doctest/doctest.h>

#include <string>

#include "template/environment.hpp"

using hyoka::tmpl::Environment;
using hyoka::tmpl::TemplateError;
using Json = nlohmann::ordered_json;

namespace {

std::string render(const std::string& source) {
  static const Environment env(".");
  return env.render_string(source, Json::object());
}

std::string error_of(const std::string& source) {
  try {
    render(source);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

TEST_CASE("fuzz: macros, imports, namespaces and loops kept in variables do not leak") {
  // A macro holds the scope that holds the macro: a reference cycle that
  // leaked every page's macros until the renderer released them at the end.
  CHECK(render("{% macro m() %}x{% endmacro %}{{ m() }}") == "x");
  CHECK(render("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}y{% endcall %}") == "y");
  CHECK(render("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns.me is sameas ns }}") == "True");
  CHECK(render("{% set ns = namespace() %}{% for x in [1, 2] %}{% set ns.l = loop %}{% endfor %}{{ ns.l.index }}") == "2");
  CHECK(render("{% for x in [1, 2] %}{{ loop.changed(loop) }}{% endfor %}") == "TrueFalse");
}

TEST_CASE("fuzz: a list that contains itself prints as [...] instead of overflowing the stack") {
  CHECK(render("{% set l = [1] %}{{ l.append(l) }}{{ l }}") == "None[1, [...]]");
  CHECK(render("{% set d = {'a': []} %}{{ d.a.append(d) }}{{ d }}") == "None{'a': [{...}]}");
  CHECK(render("{% set l = [1] %}{{ l.append(l) }}{{ l == l }}") == "NoneTrue");
  CHECK(render("{% set l = [] %}{{ l.append(l) }}{{ [l] < [l] }}") == "NoneFalse");
  CHECK(error_of("{% set l = [1] %}{{ l.append(l) }}{{ l|tojson }}").find("maximum recursion depth") != std::string::npos);
  CHECK(error_of("{% set l = [1] %}{{ l.append(l) }}{{ l|pprint }}").find("maximum recursion depth") != std::string::npos);
  CHECK(error_of("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns }}").find("maximum recursion depth") != std::string::npos);
}

TEST_CASE("fuzz: values nested 100000 deep are freed without recursion") {
  CHECK(render("{% set ns = namespace(x=[]) %}{% for i in range(100000) %}{% set ns.x = [ns.x] %}{% endfor %}"
               "{{ ns.x|length }}") == "1");
  CHECK(render("{% set ns = namespace(x={}) %}{% for i in range(100000) %}{% set ns.x = {'a': ns.x} %}{% endfor %}"
               "{{ ns.x|length }}") == "1");
  CHECK(render("{% set ns = namespace(c=none) %}{% for i in range(100000) %}{% set ns.c = namespace(p=ns.c) %}"
               "{% endfor %}ok") == "ok");
}

TEST_CASE("fuzz: extend copies its argument first and takes any iterable") {
  // l.extend(l) ran forever; extending by a string read it as a list (heap overflow).
  CHECK(render("{% set l = [1] %}{{ l.extend(l) }}{{ l }}{{ l.extend('ab') }}{{ l }}") ==
        "None[1, 1]None[1, 1, 'a', 'b']");
}

TEST_CASE("fuzz: integer arithmetic that does not fit in 64 bits is an error, not undefined behaviour") {
  CHECK(render("{{ 2 ** 40 }} {{ 2 ** 62 }} {{ (-2) ** 63 }} {{ 123456789 * 1000 }}") ==
        "1099511627776 4611686018427387904 -9223372036854775808 123456789000");
  for (const char* source : {"{{ 2 ** 63 }}", "{{ 4294967296 * 4294967296 }}", "{{ 9223372036854775807 + 1 }}",
                             "{{ -9223372036854775807 - 2 }}", "{{ -(-9223372036854775807 - 1) }}",
                             "{{ (-9223372036854775807 - 1) // -1 }}"})
    CHECK_MESSAGE(error_of(source).find("integer overflow") != std::string::npos, source);
  // Floored division and modulo keep Python's signs, also at the limits.
  CHECK(render("{{ -7 // 2 }} {{ -7 % 2 }} {{ 7 % -2 }} {{ (-9223372036854775807 - 1) % -1 }} "
               "{{ (-9223372036854775807 - 1) % 3 }} {{ (-9223372036854775807 - 1) // 3 }}") ==
        "-4 1 -1 0 1 -3074457345618258603");
}

TEST_CASE("fuzz: numbers that do not parse are template errors, not C++ exceptions") {
  // Each of these escaped as std::invalid_argument or std::out_of_range.
  CHECK(error_of("{{ 0x }}") != "<no error>");  // 0 followed by the name x, as in Jinja2
  CHECK(render("{{ 0x1f }} {{ 0b101 }} {{ 0o17 }}") == "31 5 15");
  CHECK(error_of("{{ 0xffffffffffffffffffff }}").find("too large") != std::string::npos);
  CHECK(error_of("{{ [1].99999999999999999999999 }}").find("too large") != std::string::npos);
  CHECK(error_of("{{ '{99999999999999999999999}'.format(1) }}").find("Too many decimal digits") != std::string::npos);
  CHECK(error_of("{{ '{0[a]}'.format([1]) }}").find("list indices must be integers") != std::string::npos);
  CHECK(render("{{ '{0[0]}'.format([5]) }}") == "5");
  CHECK(error_of("{{ 'abc'|filesizeformat }}").find("could not convert string to float") != std::string::npos);
  CHECK(render("{{ '1e3'|filesizeformat }}") == "1.0 kB");
  CHECK(render("{{ [[1]]|map(attribute='0.99999999999999999999999')|list }}") == "[Undefined]");
}

TEST_CASE("fuzz: a format field without its closing bracket is an error, not an endless loop") {
  CHECK(error_of("{{ '{0[a!= {p[nametitle]}'.format({'a': 1}, p={'name': 'n'}) }}").find("Missing ']'") !=
        std::string::npos);
  CHECK(error_of("{{ '{0[a]x}'.format({'a': 1}) }}").find("Only '.' or '['") != std::string::npos);
  CHECK(render("{{ '{0[a]}|{0[a][b]}'.format({'a': {'b': 2}}) }}") == "{'b': 2}|2");
}

TEST_CASE("fuzz: a value of the wrong type is an error, not a read of the wrong payload") {
  // split() read a bool as a string (stack-buffer-overflow under ASan).
  CHECK(error_of("{{ 'a,b,,c'.split(',' is number) }}").find("expected a string, not 'bool'") != std::string::npos);
  CHECK(render("{{ 'a,b,,c'.split(',') }}") == "['a', 'b', '', 'c']");
}

TEST_CASE("fuzz: floats past 64 bits and non-numbers as integers are errors, not undefined behaviour") {
  for (const char* source : {"{{ 1e300|int }}", "{{ '1e300'|int }}", "{{ (-9223372036854775807 - 1)|abs }}",
                             "{{ '%d' % 1e300 }}", "{{ -1e300|filesizeformat }}"})
    CHECK_MESSAGE(error_of(source).find("integer overflow") != std::string::npos, source);
  // A dict, list or string where a count belongs used its pointer as the count.
  CHECK(error_of("{{ 'ab'|center({}) }}").find("'dict' object cannot be interpreted as an integer") != std::string::npos);
  CHECK(error_of("{{ 'a'|indent([1]) }}").find("'list' object cannot be interpreted as an integer") != std::string::npos);
  CHECK(render("{{ -5|abs }}|{{ 5|abs }}|{{ true|abs }}|{{ 2.5|int }}|{{ '12'|int }}|{{ 1e18|int }}") ==
        "5|5|1|2|12|1000000000000000000");
}

TEST_CASE("fuzz: a slice inside a tuple subscript is a syntax error, not a null dereference") {
  CHECK(error_of("{{ s[:,1] }}").find("a slice inside a tuple subscript") != std::string::npos);
  CHECK(error_of("{{ d[1,:] }}").find("a slice inside a tuple subscript") != std::string::npos);
  CHECK(render("{{ 'abcdef'[1:3] }}|{{ 'abcdef'[::-2] }}|{{ {(1, 2): 'x'}[1, 2] }}") == "bc|fdb|x");
}
