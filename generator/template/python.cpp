#include "template/python.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

// Splits the shortest round-trip representation into digits and a decimal
// exponent, then lays it out the way CPython's float_repr does: positional
// for 1e-4 <= |d| < 1e16, scientific otherwise.
std::string format_float_finite(double d) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);
  bool neg = sci[0] == '-';
  if (neg) sci.remove_prefix(1);
  auto e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits += c;
  int exp = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
  std::string out = neg ? "-" : "";
  int ndig = static_cast<int>(digits.size());
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      out.append("0.").append(static_cast<std::size_t>(-exp - 1), '0').append(digits);
    } else if (ndig <= exp + 1) {
      out += digits + std::string(static_cast<std::size_t>(exp + 1 - ndig), '0') + ".0";
    } else {
      out.append(digits, 0, std::size_t(exp + 1)).append(1, '.').append(digits, std::size_t(exp + 1));
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (ndig > 1) out.append(1, '.').append(digits, 1);
  char eb[16];
  std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return out + eb;
}

void append_int(std::string& out, std::int64_t i) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, res.ptr);
}

[[noreturn]] void type_error(const char* op, const Value& a, const Value& b) {
  throw RenderError(std::string("unsupported operand type(s) for ") + op + ": '" + type_name(a) +
                    "' and '" + type_name(b) + "'");
}

void check_operand(const Value& v) {
  if (v.is_undefined()) throw RenderError(v.undefined_message());
}

bool both_int(const Value& a, const Value& b) {
  return (a.is_int() || a.is_bool()) && (b.is_int() || b.is_bool());
}

// Python's ints never overflow; hyoka's are 64 bits, and a result that does
// not fit is an error rather than a wrapped (undefined) value.
[[noreturn]] void int_overflow() { throw RenderError("integer overflow: the result does not fit in 64 bits"); }

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) int_overflow();
  return r;
}

std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) int_overflow();
  return r;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) int_overflow();
  return r;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  if (b == -1) return checked_sub(0, a);  // INT64_MIN / -1 does not fit
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Value repeat(const Value& seq, std::int64_t n) {
  if (seq.is_string()) {
    std::string out;
    for (std::int64_t i = 0; i < n; ++i) out += seq.str();
    return seq.is_safe() ? Value::markup(out) : Value(out);
  }
  List out;
  for (std::int64_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < seq.list_size(); ++k) out.push_back(seq.list_at(k));
  return Value(std::move(out), seq.is_tuple());
}

void append_repr(std::string& out, const Value& v);

// The owned lists and dicts being printed, innermost last: one that contains
// itself prints as [...] or {...}, as Python's repr does.
thread_local std::vector<const void*> repr_stack;

struct ReprEntry {
  const void* id;
  explicit ReprEntry(const Value& v) : id(v.is_json() ? nullptr : v.holder().get()) {
    if (id) repr_stack.push_back(id);
  }
  ~ReprEntry() {
    if (id) repr_stack.pop_back();
  }
  static bool active(const Value& v) {
    return !v.is_json() && v.holder() && std::find(repr_stack.begin(), repr_stack.end(), v.holder().get()) != repr_stack.end();
  }
};

void append_seq_repr(std::string& out, const Value& v) {
  bool tuple = v.is_tuple();
  if (ReprEntry::active(v)) {
    out += tuple ? "(...)" : "[...]";
    return;
  }
  NestingGuard guard;
  ReprEntry entry(v);
  out += tuple ? '(' : '[';
  std::size_t n = v.list_size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    append_repr(out, v.list_at(i));
  }
  if (tuple && n == 1) out += ',';
  out += tuple ? ')' : ']';
}

void append_dict_repr(std::string& out, const Value& v) {
  if (ReprEntry::active(v)) {
    out += "{...}";
    return;
  }
  NestingGuard guard;
  ReprEntry entry(v);
  out += '{';
  for (std::size_t i = 0, n = v.dict_size(); i < n; ++i) {
    if (i) out += ", ";
    append_repr(out, v.dict_key(i));
    out += ": ";
    append_repr(out, v.dict_value(i));
  }
  out += '}';
}

void append_repr(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Kind::String:
      if (v.is_safe()) out += "Markup(" + repr_string(v.str()) + ")";
      else out += repr_string(v.str());
      return;
    case Kind::List: append_seq_repr(out, v); return;
    case Kind::Dict: append_dict_repr(out, v); return;
    case Kind::Undefined: out += "Undefined"; return;
    case Kind::Object: out += v.object()->repr(); return;
    default: append_str(out, v); return;
  }
}

}  // namespace

thread_local int nesting = 0;

NestingGuard::NestingGuard() {
  if (nesting >= kMaxNesting) throw RenderError("maximum recursion depth exceeded");
  ++nesting;
}

NestingGuard::~NestingGuard() { --nesting; }

std::int64_t to_int64(double d) {
  if (std::isnan(d)) throw RenderError("cannot convert float NaN to integer");
  if (std::isinf(d)) throw RenderError("cannot convert float infinity to integer");
  // 2^63 is exact as a double; everything in [-2^63, 2^63) fits.
  if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) int_overflow();
  return static_cast<std::int64_t>(d);
}

std::string format_float(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  return format_float_finite(d);
}

void append_str(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Kind::Undefined: return;
    case Kind::None: out += "None"; return;
    case Kind::Bool: out += v.as_bool() ? "True" : "False"; return;
    case Kind::Int: append_int(out, v.as_int()); return;
    case Kind::Float: out += format_float(v.as_double()); return;
    case Kind::String: out += v.str(); return;
    case Kind::List: append_seq_repr(out, v); return;
    case Kind::Dict: append_dict_repr(out, v); return;
    case Kind::Object: out += v.object()->repr(); return;
  }
}

std::string py_str(const Value& v) {
  if (v.is_string()) return std::string(v.str());
  std::string out;
  append_str(out, v);
  return out;
}

std::string py_repr(const Value& v) {
  std::string out;
  append_repr(out, v);
  return out;
}

std::string repr_string(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t c = utf8::next(s, i);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (!utf8::is_printable(c)) {
      char buf[16];
      if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
      else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
      else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
      out += buf;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  out += quote;
  return out;
}

std::string type_name(const Value& v) {
  switch (v.kind()) {
    case Kind::Undefined: return "Undefined";
    case Kind::None: return "NoneType";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return v.is_safe() ? "Markup" : "str";
    case Kind::List: return v.is_tuple() ? "tuple" : "list";
    case Kind::Dict: return "dict";
    case Kind::Object: return std::string(v.object()->type_name());
  }
  return "object";
}

bool truthy(const Value& v) {
  switch (v.kind()) {
    case Kind::Undefined: case Kind::None: return false;
    case Kind::Bool: return v.as_bool();
    case Kind::Int: return v.as_int() != 0;
    case Kind::Float: return v.as_double() != 0.0;
    case Kind::String: return !v.str().empty();
    case Kind::List: return v.list_size() != 0;
    case Kind::Dict: return v.dict_size() != 0;
    case Kind::Object: return true;
  }
  return false;
}

bool py_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (both_int(a, b)) return a.as_int() == b.as_int();
    return a.as_double() == b.as_double();
  }
  if (a.kind() != b.kind()) return false;
  // The same list or dict: equal without looking inside, as in Python (so
  // `l == l` holds for a list that contains itself).
  if ((a.is_list() || a.is_dict()) && !a.is_json() && a.holder() && a.holder() == b.holder() && a.is_tuple() == b.is_tuple())
    return true;
  switch (a.kind()) {
    case Kind::Undefined: case Kind::None: return true;
    case Kind::String: return a.str() == b.str();
    case Kind::List: {
      if (a.is_tuple() != b.is_tuple() || a.list_size() != b.list_size()) return false;
      NestingGuard guard;
      for (std::size_t i = 0; i < a.list_size(); ++i)
        if (!py_equal(a.list_at(i), b.list_at(i))) return false;
      return true;
    }
    case Kind::Dict: {
      if (a.dict_size() != b.dict_size()) return false;
      NestingGuard guard;
      for (std::size_t i = 0; i < a.dict_size(); ++i) {
        Value other = b.dict_get(a.dict_key(i));
        if (other.is_undefined() || !py_equal(a.dict_value(i), other)) return false;
      }
      return true;
    }
    case Kind::Object: return a.object() == b.object();
    default: return false;
  }
}

int py_compare(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (both_int(a, b)) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
    double x = a.as_double(), y = b.as_double();
    return x < y ? -1 : x > y;
  }
  if (a.is_string() && b.is_string()) {
    int c = a.str().compare(b.str());  // UTF-8 byte order == code point order
    return c < 0 ? -1 : c > 0;
  }
  if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
    NestingGuard guard;
    std::size_t n = std::min(a.list_size(), b.list_size());
    for (std::size_t i = 0; i < n; ++i) {
      Value x = a.list_at(i), y = b.list_at(i);
      if (!py_equal(x, y)) return py_compare(x, y);
    }
    return a.list_size() < b.list_size() ? -1 : a.list_size() > b.list_size();
  }
  check_operand(a);
  check_operand(b);
  throw RenderError("'<' not supported between instances of '" + type_name(a) + "' and '" +
                    type_name(b) + "'");
}

bool py_contains(const Value& c, const Value& item) {
  if (c.is_string()) {
    if (!item.is_string())
      throw RenderError("'in <string>' requires string as left operand, not " + type_name(item));
    return c.str().find(item.str()) != std::string_view::npos;
  }
  if (c.is_list()) {
    for (std::size_t i = 0; i < c.list_size(); ++i)
      if (py_equal(c.list_at(i), item)) return true;
    return false;
  }
  if (c.is_dict()) return c.dict_has(item);
  if (c.is_undefined()) return false;
  throw RenderError("argument of type '" + type_name(c) + "' is not iterable");
}

std::size_t py_len(const Value& v) {
  switch (v.kind()) {
    case Kind::String: return utf8::length(v.str());
    case Kind::List: return v.list_size();
    case Kind::Dict: return v.dict_size();
    case Kind::Undefined: return 0;
    default: throw RenderError("object of type '" + type_name(v) + "' has no len()");
  }
}

Value py_add(const Value& a, const Value& b) {
  check_operand(a);
  check_operand(b);
  if (a.is_number() && b.is_number()) {
    if (both_int(a, b)) return Value(checked_add(a.as_int(), b.as_int()));
    return Value(a.as_double() + b.as_double());
  }
  if (a.is_string() && b.is_string()) {
    // Markup + str escapes the str, like markupsafe.
    if (a.is_safe() || b.is_safe()) return Value::markup(to_markup(a) + to_markup(b));
    std::string s(a.str());
    s += b.str();
    return Value(std::move(s));
  }
  if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
    List out;
    out.reserve(a.list_size() + b.list_size());
    for (std::size_t i = 0; i < a.list_size(); ++i) out.push_back(a.list_at(i));
    for (std::size_t i = 0; i < b.list_size(); ++i) out.push_back(b.list_at(i));
    return Value(std::move(out), a.is_tuple());
  }
  if (a.is_string() || b.is_string())
    throw RenderError("can only concatenate str (not \"" + type_name(a.is_string() ? b : a) + "\") to str");
  type_error("+", a, b);
}

Value py_sub(const Value& a, const Value& b) {
  check_operand(a);
  check_operand(b);
  if (!a.is_number() || !b.is_number()) type_error("-", a, b);
  if (both_int(a, b)) return Value(checked_sub(a.as_int(), b.as_int()));
  return Value(a.as_double() - b.as_double());
}

Value py_mul(const Value& a, const Value& b) {
  check_operand(a);
  check_operand(b);
  if (a.is_number() && b.is_number()) {
    if (both_int(a, b)) return Value(checked_mul(a.as_int(), b.as_int()));
    return Value(a.as_double() * b.as_double());
  }
  if ((a.is_string() || a.is_list()) && (b.is_int() || b.is_bool())) return repeat(a, b.as_int());
  if ((b.is_string() || b.is_list()) && (a.is_int() || a.is_bool())) return repeat(b, a.as_int());
  type_error("*", a, b);
}

Value py_div(const Value& a, const Value& b) {
  check_operand(a);
  check_operand(b);
  if (!a.is_number() || !b.is_number()) type_error("/", a, b);
  if (b.as_double() == 0.0) throw RenderError("division by zero");
  return Value(a.as_double() / b.as_double());
}

Value py_floordiv(const Value& a, const Value& b) {
  check_operand(a);
  check_operand(b);
  if (!a.is_number() || !b.is_number()) type_error("//", a, b);
  if (b.as_double() == 0.0) throw RenderError("integer division or modulo by zero");
  if (both_int(a, b)) return Value(floor_div(a.as_int(), b.as_int()));
  return Value(std::floor(a.as_double() / b.as_double()));
}

Value py_mod(const Value& a, const Value& b) {
  check_operand(a);
  check_operand(b);
  if (a.is_string()) throw RenderError("string % formatting: use the format filter");
  if (!a.is_number() || !b.is_number()) type_error("%", a, b);
  if (b.as_double() == 0.0) throw RenderError("integer division or modulo by zero");
  if (both_int(a, b)) {
    std::int64_t x = a.as_int(), y = b.as_int();
    if (y == -1) return Value(std::int64_t(0));  // INT64_MIN % -1 would trap
    std::int64_t m = x % y;  // the sign of Python's result follows the divisor
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    return Value(m);
  }
  double x = a.as_double(), y = b.as_double();
  double m = std::fmod(x, y);
  if (m != 0.0 && ((m < 0) != (y < 0))) m += y;
  if (m == 0.0) m = std::copysign(0.0, y);
  return Value(m);
}

Value py_pow(const Value& a, const Value& b) {
  check_operand(a);
  check_operand(b);
  if (!a.is_number() || !b.is_number()) type_error("** or pow()", a, b);
  if (both_int(a, b) && b.as_int() >= 0) {
    std::int64_t r = 1, base = a.as_int();
    for (std::int64_t e = b.as_int(); e > 0; e >>= 1) {
      if (e & 1) r = checked_mul(r, base);
      if (e > 1) base = checked_mul(base, base);
    }
    return Value(r);
  }
  if (a.as_double() == 0.0 && b.as_double() < 0)
    throw RenderError("0.0 cannot be raised to a negative power");
  return Value(std::pow(a.as_double(), b.as_double()));
}

Value py_neg(const Value& a) {
  check_operand(a);
  if (a.is_int() || a.is_bool()) return Value(checked_sub(0, a.as_int()));
  if (a.is_float()) return Value(-a.as_double());
  throw RenderError("bad operand type for unary -: '" + type_name(a) + "'");
}

Value py_pos(const Value& a) {
  check_operand(a);
  if (a.is_int() || a.is_bool()) return Value(a.as_int());
  if (a.is_float()) return a;
  throw RenderError("bad operand type for unary +: '" + type_name(a) + "'");
}

std::string to_markup(const Value& v) {
  if (v.is_string() && v.is_safe()) return std::string(v.str());
  if (v.is_string()) return escape_html(v.str());
  return escape_html(py_str(v));
}

}  // namespace hyoka::tmpl
