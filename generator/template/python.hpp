#pragma once
// Python semantics for Values: str(), repr(), truthiness, equality,
// ordering and arithmetic exactly as CPython does them, because Jinja2's
// output is whatever Python prints.
#include <string>
#include <string_view>

#include "present/escape.hpp"
#include "template/value.hpp"

namespace hyoka::tmpl {

std::string format_float(double d);           // repr(float)
// int(d): truncates; a NaN, an infinity or a value past 64 bits is a
// RenderError (Python's ints are unbounded, hyoka's are 64 bits).
std::int64_t to_int64(double d);
void append_str(std::string& out, const Value& v);  // out += str(v)
std::string py_str(const Value& v);
std::string py_repr(const Value& v);
std::string repr_string(std::string_view s);
std::string type_name(const Value& v);       // "str", "dict", ... for messages

bool truthy(const Value& v);
bool py_equal(const Value& a, const Value& b);
int py_compare(const Value& a, const Value& b);  // -1/0/1, throws on unorderable types
bool py_contains(const Value& container, const Value& item);
std::size_t py_len(const Value& v);             // throws when v has no len()

Value py_add(const Value& a, const Value& b);
Value py_sub(const Value& a, const Value& b);
Value py_mul(const Value& a, const Value& b);
Value py_div(const Value& a, const Value& b);
Value py_floordiv(const Value& a, const Value& b);
Value py_mod(const Value& a, const Value& b);
Value py_pow(const Value& a, const Value& b);
Value py_neg(const Value& a);
Value py_pos(const Value& a);

// Walking nested values (repr, ==, <, tojson, pprint) recurses once per
// level. Templates can nest values deeply or make a list contain itself
// (`l.append(l)`), so each level holds a NestingGuard: past kMaxNesting levels
// it raises a RenderError instead of overflowing the stack.
class NestingGuard {
 public:
  static constexpr int kMaxNesting = 200;
  NestingGuard();
  ~NestingGuard();
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;
};

// markupsafe.escape: hyoka_present's, the one escape every output of hyoka uses.
using present::escape_html;
// Value as markup text: safe strings as they are, everything else escaped.
std::string to_markup(const Value& v);

}  // namespace hyoka::tmpl
