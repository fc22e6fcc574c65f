// Value printing and Python semantics.
#include <doctest/doctest.h>

#include "template/python.hpp"

using namespace hyoka::tmpl;

TEST_CASE("values: floats print like Python repr") {
  CHECK(format_float(1.0) == "1.0");
  CHECK(format_float(96.7) == "96.7");
  CHECK(format_float(1.0 / 3) == "0.3333333333333333");
  CHECK(format_float(1e16) == "1e+16");
  CHECK(format_float(1e-05) == "1e-05");
  CHECK(format_float(0.0001) == "0.0001");
  CHECK(format_float(123456789012345.0) == "123456789012345.0");
  CHECK(format_float(-0.0) == "-0.0");
  CHECK(format_float(1.5e300) == "1.5e+300");
  CHECK(format_float(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("values: str and repr") {
  CHECK(py_str(Value(true)) == "True");
  CHECK(py_str(Value(nullptr)) == "None");
  CHECK(py_str(Value()) == "");
  CHECK(py_repr(Value(List{Value("a"), Value(1)})) == "['a', 1]");
  CHECK(py_repr(Value(List{Value(1)}, true)) == "(1,)");
  Dict d;
  d.set(Value("a"), Value(1));
  CHECK(py_repr(Value(d)) == "{'a': 1}");
  CHECK(repr_string("it's") == "\"it's\"");
  CHECK(repr_string("a\nb") == "'a\\nb'");
  CHECK(repr_string("日本") == "'日本'");
  CHECK(repr_string("\xe3\x80\x80") == "'\\u3000'");
}

TEST_CASE("values: JSON ints and floats stay what they were") {
  auto j = Json::parse(R"({"i": 3, "f": 3.0, "s": "x", "l": [1], "o": {"b": 1, "a": 2}})");
  CHECK(py_str(Value::from_json(j["i"])) == "3");
  CHECK(py_str(Value::from_json(j["f"])) == "3.0");
  CHECK(py_repr(Value::from_json(j["o"])) == "{'b': 1, 'a': 2}");  // key order kept
  CHECK(Value::from_json(j["s"]).str().data() == j["s"].get_ref<const std::string&>().data());  // borrowed
}

TEST_CASE("values: Python arithmetic") {
  CHECK(py_str(py_div(Value(7), Value(2))) == "3.5");
  CHECK(py_str(py_div(Value(6), Value(3))) == "2.0");
  CHECK(py_str(py_floordiv(Value(-7), Value(2))) == "-4");
  CHECK(py_str(py_mod(Value(-7), Value(3))) == "2");
  CHECK(py_str(py_mod(Value(7), Value(-3))) == "-2");
  CHECK(py_str(py_mod(Value(-7.5), Value(2))) == "0.5");
  CHECK(py_str(py_pow(Value(2), Value(10))) == "1024");
  CHECK(py_str(py_pow(Value(2), Value(-1))) == "0.5");
  CHECK(py_str(py_mul(Value("ab"), Value(3))) == "ababab");
  CHECK(py_str(py_add(Value(true), Value(1))) == "2");
  CHECK_THROWS_AS(py_div(Value(1), Value(0)), RenderError);
  CHECK_THROWS_AS(py_add(Value("a"), Value(1)), RenderError);
  CHECK_THROWS_AS(py_compare(Value(1), Value("a")), RenderError);
}

TEST_CASE("values: equality and truthiness") {
  CHECK(py_equal(Value(1), Value(1.0)));
  CHECK(py_equal(Value(true), Value(1)));
  CHECK_FALSE(py_equal(Value("1"), Value(1)));
  CHECK_FALSE(truthy(Value("")));
  CHECK_FALSE(truthy(Value(0.0)));
  CHECK_FALSE(truthy(Value(List{})));
  CHECK(truthy(Value(List{Value(0)})));
  CHECK_FALSE(truthy(Value()));
}

TEST_CASE("values: escaping") {
  CHECK(escape_html("<a href=\"x\">'&'</a>") == "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(to_markup(Value::markup("<b>")) == "<b>");
  CHECK(to_markup(Value(1)) == "1");
}
