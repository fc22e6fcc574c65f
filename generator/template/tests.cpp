// Built-in tests (`is defined`, `is divisibleby 3`, ...) from jinja2/tests.py.
#include "template/filter_util.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

const Value& arg0(const CallArgs& a, const char* test) {
  if (a.pos.empty()) throw RenderError(std::string(test) + "() missing required argument");
  return a.pos[0];
}

bool t_defined(FilterContext&, const Value& v, const CallArgs&) { return !v.is_undefined(); }
bool t_undefined(FilterContext&, const Value& v, const CallArgs&) { return v.is_undefined(); }
bool t_none(FilterContext&, const Value& v, const CallArgs&) { return v.is_none(); }
bool t_boolean(FilterContext&, const Value& v, const CallArgs&) { return v.is_bool(); }
bool t_false(FilterContext&, const Value& v, const CallArgs&) { return v.is_bool() && !v.as_bool(); }
bool t_true(FilterContext&, const Value& v, const CallArgs&) { return v.is_bool() && v.as_bool(); }
bool t_number(FilterContext&, const Value& v, const CallArgs&) { return v.is_number(); }
bool t_integer(FilterContext&, const Value& v, const CallArgs&) { return v.is_int(); }
bool t_float(FilterContext&, const Value& v, const CallArgs&) { return v.is_float(); }
bool t_string(FilterContext&, const Value& v, const CallArgs&) { return v.is_string(); }
bool t_mapping(FilterContext&, const Value& v, const CallArgs&) { return v.is_dict(); }
bool t_iterable(FilterContext&, const Value& v, const CallArgs&) {
  return v.is_string() || v.is_list() || v.is_dict() || v.is_undefined();
}
bool t_sequence(FilterContext&, const Value& v, const CallArgs&) { return v.is_string() || v.is_list() || v.is_dict(); }
bool t_callable(FilterContext&, const Value& v, const CallArgs&) { return v.is_object() && v.object()->callable(); }
bool t_escaped(FilterContext&, const Value& v, const CallArgs&) { return v.is_safe(); }

bool t_sameas(FilterContext&, const Value& v, const CallArgs& a) {
  const Value& o = arg0(a, "sameas");
  if (v.kind() != o.kind()) return false;
  switch (v.kind()) {
    case Kind::None: case Kind::Undefined: return true;
    case Kind::Bool: case Kind::Int: return v.as_int() == o.as_int();
    case Kind::Object: return v.object() == o.object();
    default: return false;
  }
}

bool t_even(FilterContext&, const Value& v, const CallArgs&) { return py_equal(py_mod(v, Value(2)), Value(0)); }
bool t_odd(FilterContext&, const Value& v, const CallArgs&) { return py_equal(py_mod(v, Value(2)), Value(1)); }
bool t_divisibleby(FilterContext&, const Value& v, const CallArgs& a) {
  return py_equal(py_mod(v, arg0(a, "divisibleby")), Value(0));
}

bool t_eq(FilterContext& c, const Value& v, const CallArgs& a) {
  c.renderer.use(v);
  return py_equal(v, arg0(a, "eq"));
}
bool t_ne(FilterContext& c, const Value& v, const CallArgs& a) { return !t_eq(c, v, a); }
bool t_lt(FilterContext&, const Value& v, const CallArgs& a) { return py_compare(v, arg0(a, "lt")) < 0; }
bool t_le(FilterContext&, const Value& v, const CallArgs& a) { return py_compare(v, arg0(a, "le")) <= 0; }
bool t_gt(FilterContext&, const Value& v, const CallArgs& a) { return py_compare(v, arg0(a, "gt")) > 0; }
bool t_ge(FilterContext&, const Value& v, const CallArgs& a) { return py_compare(v, arg0(a, "ge")) >= 0; }
bool t_in(FilterContext& c, const Value& v, const CallArgs& a) {
  c.renderer.use(v);
  return py_contains(arg0(a, "in"), v);
}

bool case_test(FilterContext& c, const Value& v, bool upper) {
  std::string s = c.renderer.str(v);
  bool cased = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t ch = utf8::next(s, i);
    if (upper ? utf8::is_lower(ch) : utf8::is_upper(ch)) return false;
    cased |= utf8::is_cased(ch);
  }
  return cased;
}
bool t_lower(FilterContext& c, const Value& v, const CallArgs&) { return case_test(c, v, false); }
bool t_upper(FilterContext& c, const Value& v, const CallArgs&) { return case_test(c, v, true); }

bool t_filter(FilterContext& c, const Value& v, const CallArgs&) {
  return v.is_string() && c.renderer.env().extensions().filter(c.renderer.str(v));
}
bool t_test(FilterContext& c, const Value& v, const CallArgs&) {
  return v.is_string() && c.renderer.env().extensions().test(c.renderer.str(v));
}

const TestTable& test_table() {
  static const TestTable table = {
      {"defined", t_defined}, {"undefined", t_undefined}, {"none", t_none}, {"boolean", t_boolean},
      {"false", t_false}, {"true", t_true}, {"number", t_number}, {"integer", t_integer}, {"float", t_float},
      {"string", t_string}, {"mapping", t_mapping}, {"iterable", t_iterable}, {"sequence", t_sequence},
      {"callable", t_callable}, {"sameas", t_sameas}, {"escaped", t_escaped}, {"even", t_even}, {"odd", t_odd},
      {"divisibleby", t_divisibleby}, {"eq", t_eq}, {"==", t_eq}, {"equalto", t_eq}, {"ne", t_ne}, {"!=", t_ne},
      {"lt", t_lt}, {"<", t_lt}, {"lessthan", t_lt}, {"le", t_le}, {"<=", t_le}, {"gt", t_gt}, {">", t_gt},
      {"greaterthan", t_gt}, {"ge", t_ge}, {">=", t_ge}, {"in", t_in}, {"lower", t_lower}, {"upper", t_upper},
      {"filter", t_filter}, {"test", t_test},
  };
  return table;
}

}  // namespace

TestFn builtin_test(std::string_view name) {
  for (const auto& [n, fn] : test_table())
    if (n == name) return fn;
  return nullptr;
}

}  // namespace hyoka::tmpl
