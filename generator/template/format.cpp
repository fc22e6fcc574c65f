#include "template/format.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "template/python.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

struct Spec {
  char32_t fill = ' ';
  char align = 0;  // < > ^ =
  char sign = '-';
  bool alt = false;
  bool zero = false;
  int width = -1;
  char grouping = 0;
  int precision = -1;
  char type = 0;
};

Spec parse_spec(std::string_view s) {
  Spec sp;
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (!s.empty()) {
    std::size_t k = 0;
    char32_t first = utf8::next(s, k);
    if (k < s.size() && is_align(s[k])) {
      sp.fill = first;
      sp.align = s[k];
      i = k + 1;
    } else if (is_align(s[0])) {
      sp.align = s[0];
      i = 1;
    }
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
  if (i < s.size() && s[i] == '#') sp.alt = true, ++i;
  if (i < s.size() && s[i] == '0') sp.zero = true, ++i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) sp.width = std::max(sp.width, 0) * 10 + (s[i++] - '0');
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.grouping = s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    sp.precision = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) sp.precision = sp.precision * 10 + (s[i++] - '0');
  }
  if (i < s.size()) sp.type = s[i++];
  if (i != s.size()) throw RenderError("Invalid format specifier");
  return sp;
}

std::string pad(std::string body, const Spec& sp, char default_align, std::size_t sign_len = 0) {
  std::size_t len = utf8::length(body);
  if (sp.width < 0 || len >= std::size_t(sp.width)) return body;
  std::size_t n = std::size_t(sp.width) - len;
  char align = sp.align ? sp.align : (sp.zero ? '=' : default_align);
  std::string fill;
  utf8::append(fill, sp.align || !sp.zero ? sp.fill : U'0');
  auto rep = [&](std::size_t k) {
    std::string r;
    for (std::size_t j = 0; j < k; ++j) r += fill;
    return r;
  };
  switch (align) {
    case '<': return body + rep(n);
    case '^': return rep(n / 2) + body + rep(n - n / 2);
    case '=': return body.substr(0, sign_len) + rep(n) + body.substr(sign_len);
    default: return rep(n) + body;
  }
}

std::string fixed(double d, int precision, char type) {
  char fmt[16], buf[512];
  std::snprintf(fmt, sizeof fmt, "%%.%d%c", precision, type);
  std::snprintf(buf, sizeof buf, fmt, d);
  return buf;
}

std::string format_number(const Value& v, const Spec& sp) {
  bool is_int = v.is_int() || v.is_bool();
  char type = sp.type;
  std::string digits;
  double d = v.as_double();
  bool neg = is_int ? v.as_int() < 0 : std::signbit(d);
  if (is_int && (type == 0 || type == 'd' || type == 'n')) {
    digits = std::to_string(v.as_int() < 0 ? -v.as_int() : v.as_int());
  } else if (is_int && (type == 'x' || type == 'X' || type == 'o' || type == 'b')) {
    std::uint64_t u = std::uint64_t(neg ? -v.as_int() : v.as_int());
    if (type == 'b') {
      do digits.insert(digits.begin(), char('0' + (u & 1))); while (u >>= 1);
    } else {
      char buf[32];
      std::snprintf(buf, sizeof buf, type == 'o' ? "%llo" : type == 'x' ? "%llx" : "%llX", (unsigned long long)u);
      digits = buf;
    }
    if (sp.alt) digits = std::string("0") + (type == 'X' ? 'X' : type) + digits;
  } else if (is_int && type == 'c') {
    std::string s;
    utf8::append(s, char32_t(v.as_int()));
    return pad(s, sp, '<');
  } else {
    double a = std::fabs(d);
    int prec = sp.precision < 0 ? 6 : sp.precision;
    if (type == 'f' || type == 'F') digits = fixed(a, prec, 'f');
    else if (type == 'e' || type == 'E') digits = fixed(a, prec, type);
    else if (type == '%') digits = fixed(a * 100, prec, 'f') + "%";
    else if (type == 'g' || type == 'G') digits = fixed(a, prec == 0 ? 1 : prec, type);
    else if (sp.precision >= 0) {
      digits = fixed(a, prec == 0 ? 1 : prec, 'g');
      if (digits.find_first_of(".en") == std::string::npos) digits += ".0";
    } else {
      digits = is_int ? std::to_string(std::llabs(v.as_int())) : format_float(a);
    }
  }
  if (sp.grouping) digits = group_digits(digits, sp.grouping);
  std::string sign = neg ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
  return pad(sign + digits, sp, '>', sign.size());
}

// Resolves "name.attr[key]" against the arguments.
Value resolve_field(std::string_view field, const CallArgs& args, std::size_t& auto_index) {
  std::size_t end = field.find_first_of(".[");
  std::string_view head = field.substr(0, end);
  Value v;
  if (head.empty()) {
    if (auto_index >= args.pos.size()) throw RenderError("Replacement index " + std::to_string(auto_index) + " out of range");
    v = args.pos[auto_index++];
  } else if (std::isdigit(static_cast<unsigned char>(head[0]))) {
    errno = 0;
    std::size_t idx = std::strtoull(std::string(head).c_str(), nullptr, 10);
    if (errno == ERANGE) throw RenderError("Too many decimal digits in format string");
    if (idx >= args.pos.size()) throw RenderError("Replacement index " + std::to_string(idx) + " out of range");
    v = args.pos[idx];
  } else {
    const Value* kw = args.find_kw(head);
    if (!kw) throw RenderError("KeyError: '" + std::string(head) + "'");
    v = *kw;
  }
  while (end != std::string_view::npos) {
    if (field[end] == '.') {
      std::size_t next = field.find_first_of(".[", end + 1);
      std::string_view attr = field.substr(end + 1, next - end - 1);
      v = v.is_dict() ? v.dict_get(attr) : Value::undefined(std::string(attr));
      end = next;
    } else {
      if (field[end] != '[') throw RenderError("Only '.' or '[' may follow ']' in format field specifier");
      std::size_t close = field.find(']', end);
      if (close == std::string_view::npos) throw RenderError("Missing ']' in format string");  // looped forever
      std::string key(field.substr(end + 1, close - end - 1));
      if (v.is_list()) {
        if (key.empty() || key.find_first_not_of("0123456789") != std::string::npos)
          throw RenderError("list indices must be integers or slices, not str");
        errno = 0;
        std::size_t i = std::strtoull(key.c_str(), nullptr, 10);
        if (errno == ERANGE) i = v.list_size();  // past the end
        v = i < v.list_size() ? v.list_at(i) : Value();
      } else if (v.is_dict()) {
        v = v.dict_get(std::string_view(key));
      }
      end = close + 1 < field.size() ? close + 1 : std::string_view::npos;
    }
    if (v.is_undefined()) throw RenderError("KeyError in format field '" + std::string(field) + "'");
  }
  return v;
}

}  // namespace

std::string group_digits(std::string_view number, char sep) {
  std::size_t start = 0;
  while (start < number.size() && !std::isdigit(static_cast<unsigned char>(number[start]))) ++start;
  std::size_t end = start;
  while (end < number.size() && std::isdigit(static_cast<unsigned char>(number[end]))) ++end;
  std::string out(number.substr(0, start));
  for (std::size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) out += sep;
    out += number[i];
  }
  out += number.substr(end);
  return out;
}

std::string format_value(const Value& v, std::string_view spec_text) {
  if (spec_text.empty()) return py_str(v);
  Spec sp = parse_spec(spec_text);
  if (v.is_number()) {
    if (v.is_bool() && sp.type == 0) return pad(py_str(v), sp, '<');
    return format_number(v, sp);
  }
  if (v.is_string() || sp.type == 's' || sp.type == 0) {
    if (!v.is_string() && sp.type != 0 && sp.type != 's') throw RenderError("Unknown format code");
    std::string s = py_str(v);
    if (sp.precision >= 0) s = s.substr(0, utf8::offset_of(s, std::size_t(sp.precision)));
    return pad(s, sp, '<');
  }
  throw RenderError("unsupported format string passed to " + type_name(v) + ".__format__");
}

std::string str_format(std::string_view fmt, const CallArgs& args) {
  std::string out;
  std::size_t auto_index = 0;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') ++i;
      else throw RenderError("Single '}' encountered in format string");
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    std::size_t close = fmt.find('}', i);
    if (close == std::string_view::npos) throw RenderError("Single '{' encountered in format string");
    std::string_view field = fmt.substr(i + 1, close - i - 1);
    std::string_view spec;
    char conv = 0;
    if (auto colon = field.find(':'); colon != std::string_view::npos) {
      spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    if (auto bang = field.find('!'); bang != std::string_view::npos) {
      conv = bang + 1 < field.size() ? field[bang + 1] : 0;
      field = field.substr(0, bang);
    }
    Value v = resolve_field(field, args, auto_index);
    if (conv == 'r') v = Value(py_repr(v));
    else if (conv == 's') v = Value(py_str(v));
    out += format_value(v, spec);
    i = close;
  }
  return out;
}

std::string percent_format(std::string_view fmt, const CallArgs& args) {
  std::string out;
  std::size_t next_arg = 0;
  const Value* mapping = args.pos.size() == 1 && args.pos[0].is_dict() ? &args.pos[0] : nullptr;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) throw RenderError("incomplete format");
    if (fmt[i] == '%') {
      out += '%';
      continue;
    }
    Value v;
    bool have = false;
    if (fmt[i] == '(') {
      std::size_t close = fmt.find(')', i);
      std::string key(fmt.substr(i + 1, close - i - 1));
      if (const Value* kw = args.find_kw(key)) v = *kw;
      else if (mapping) v = mapping->dict_get(std::string_view(key));
      else throw RenderError("format requires a mapping");
      have = true;
      i = close + 1;
    }
    Spec sp;
    sp.align = '>';
    for (; i < fmt.size() && std::string_view("-+ 0#").find(fmt[i]) != std::string_view::npos; ++i) {
      if (fmt[i] == '-') sp.align = '<';
      else if (fmt[i] == '0') sp.zero = true;
      else if (fmt[i] == '#') sp.alt = true;
      else sp.sign = fmt[i];
    }
    while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) sp.width = std::max(sp.width, 0) * 10 + (fmt[i++] - '0');
    if (i < fmt.size() && fmt[i] == '.') {
      sp.precision = 0;
      while (++i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) sp.precision = sp.precision * 10 + (fmt[i] - '0');
    }
    if (i >= fmt.size()) throw RenderError("incomplete format");
    char type = fmt[i];
    if (!have) {
      if (next_arg >= args.pos.size()) throw RenderError("not enough arguments for format string");
      v = args.pos[next_arg++];
    }
    if (sp.zero && sp.align == '>') sp.align = '=', sp.fill = '0';
    sp.zero = false;
    if (type == 's' || type == 'r' || type == 'a') {
      std::string s = type == 's' ? py_str(v) : py_repr(v);
      if (sp.precision >= 0) s = s.substr(0, utf8::offset_of(s, std::size_t(sp.precision)));
      if (sp.align == '=') sp.align = '>', sp.fill = ' ';
      out += pad(s, sp, '>');
      continue;
    }
    if (!v.is_number()) throw RenderError("%" + std::string(1, type) + " format: a number is required, not " + type_name(v));
    if (type == 'i' || type == 'u') type = 'd';
    if (type == 'd' && !v.is_int()) v = Value(to_int64(v.as_double()));
    if ((type == 'x' || type == 'X' || type == 'o') && !v.is_int()) throw RenderError("%x format: an integer is required");
    if (std::string_view("fFeEgG").find(type) != std::string_view::npos && sp.precision < 0) sp.precision = 6;
    sp.type = type == 'd' ? 'd' : type;
    if (sp.type == 'g' || sp.type == 'G') {
      // printf semantics (no forced decimal point), unlike format()'s g
      char f[32], buf[512];
      std::snprintf(f, sizeof f, "%%%s%s.%d%c", sp.alt ? "#" : "", sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "",
                    sp.precision, type);
      std::snprintf(buf, sizeof buf, f, v.as_double());
      Spec p2 = sp;
      p2.sign = '-';
      out += pad(buf, p2, '>', buf[0] == '-' || buf[0] == '+' || buf[0] == ' ');
      continue;
    }
    out += format_number(v, sp);
  }
  if (next_arg < args.pos.size() && !mapping) throw RenderError("not all arguments converted during string formatting");
  return out;
}

}  // namespace hyoka::tmpl
