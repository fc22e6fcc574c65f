// Built-in string and value filters (jinja2/filters.py) and the registry.
#include "template/filters.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "template/filter_util.hpp"
#include "template/format.hpp"
#include "template/objects.hpp"
#include "template/strutil.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

Value f_abs(FilterContext& c, const Value& in, const CallArgs&) {
  c.renderer.use(in);
  if (in.is_int() || in.is_bool()) return in.as_int() < 0 ? py_neg(in) : Value(in.as_int());  // py_neg: -(-2^63) overflows
  if (in.is_float()) return Value(std::fabs(in.as_double()));
  throw RenderError("bad operand type for abs(): '" + type_name(in) + "'");
}

Value f_attr(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"name"}, "attr");
  std::string name = sstr(c, p.required(0, "name"));
  if (in.is_dict() && !is_dict_method(name)) return Value::undefined_attr("dict object", name);
  return c.renderer.getattr(in, name);
}

Value f_capitalize(FilterContext& c, const Value& in, const CallArgs&) { return same_kind(in, py_capitalize(sstr(c, in))); }
Value f_lower(FilterContext& c, const Value& in, const CallArgs&) { return same_kind(in, utf8::lower(sstr(c, in))); }
Value f_upper(FilterContext& c, const Value& in, const CallArgs&) { return same_kind(in, utf8::upper(sstr(c, in))); }

// jinja2 do_title: split on whitespace/brackets/hyphens, capitalize each piece.
Value f_title(FilterContext& c, const Value& in, const CallArgs&) {
  std::string s = sstr(c, in), out;
  auto is_sep = [](char32_t ch) { return ch == '-' || ch == '(' || ch == '{' || ch == '[' || ch == '<' || utf8::is_space(ch); };
  bool word_start = true;
  for (std::size_t i = 0; i < s.size();) {
    char32_t ch = utf8::next(s, i);
    if (is_sep(ch)) {
      utf8::append(out, ch);
      word_start = true;
    } else {
      utf8::append(out, word_start ? utf8::to_upper(ch) : utf8::to_lower(ch));
      word_start = false;
    }
  }
  return Value(std::move(out));  // str.join: Markup is lost, as in Jinja2
}

Value f_center(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"width"}, "center");
  return same_kind(in, py_center(sstr(c, in), p.get_or(0, Value(80)).as_int(), " "));
}

Value f_default(FilterContext&, const Value& in, const CallArgs& a) {
  Params p(a, {"default_value", "boolean"}, "default");
  bool boolean = truthy(p.get_or(1, Value(false)));
  if (in.is_undefined() || (boolean && !truthy(in))) return p.get_or(0, Value(""));
  return in;
}

Value f_escape(FilterContext& c, const Value& in, const CallArgs&) {
  if (in.is_safe()) return in;
  return Value::markup(escape_html(sstr(c, in)));
}

Value f_forceescape(FilterContext& c, const Value& in, const CallArgs&) {
  return Value::markup(escape_html(sstr(c, in)));
}

Value f_safe(FilterContext& c, const Value& in, const CallArgs&) {
  if (in.is_safe()) return in;
  return Value::markup(sstr(c, in));
}

Value f_string(FilterContext& c, const Value& in, const CallArgs&) {
  if (in.is_string()) return in;
  return Value(sstr(c, in));
}

Value f_filesizeformat(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"binary"}, "filesizeformat");
  bool binary = truthy(p.get_or(0, Value(false)));
  c.renderer.use(in);
  double bytes = in.as_double();
  if (in.is_string()) {
    std::string text(in.str());
    char* end = nullptr;
    bytes = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') throw RenderError("could not convert string to float: " + py_repr(in));
  } else if (!in.is_number()) {
    throw RenderError("float() argument must be a string or a real number, not '" + type_name(in) + "'");
  }
  double base = binary ? 1024 : 1000;
  static const char* const si[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static const char* const bin[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  if (bytes == 1) return Value("1 Byte");
  if (bytes < base) return Value(std::to_string(to_int64(bytes)) + " Bytes");
  char buf[64];
  double unit = base;
  for (int i = 0; i < 8; ++i) {
    unit = std::pow(base, i + 2);
    if (bytes < unit || i == 7) {
      std::snprintf(buf, sizeof buf, "%.1f %s", base * bytes / unit, binary ? bin[i] : si[i]);
      break;
    }
  }
  return Value(std::string(buf));
}

// Python float(str): accepts surrounding whitespace, underscores between digits, inf/nan.
bool parse_float(std::string_view text, double& out) {
  std::string s = py_strip(text, Value(nullptr), true, true);
  std::string clean;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (i == 0 || i + 1 >= s.size() || !std::isdigit((unsigned char)s[i - 1]) || !std::isdigit((unsigned char)s[i + 1])) return false;
      continue;
    }
    clean += s[i];
  }
  if (clean.empty()) return false;
  std::string lower = utf8::lower(clean);
  std::string_view body = lower;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  if (body == "inf" || body == "infinity" || body == "nan") {
    out = std::strtod(lower.c_str(), nullptr);
    return true;
  }
  if (body.find_first_not_of("0123456789.e+-") != std::string_view::npos || body.find('x') != std::string_view::npos) return false;
  char* end = nullptr;
  out = std::strtod(clean.c_str(), &end);
  return end && *end == '\0';
}

bool parse_int(std::string_view text, int base, std::int64_t& out) {
  std::string s = py_strip(text, Value(nullptr), true, true);
  std::string clean;
  for (char ch : s)
    if (ch != '_') clean += ch;
  if (clean.empty()) return false;
  std::size_t start = (clean[0] == '+' || clean[0] == '-') ? 1 : 0;
  if (base == 16 || base == 8 || base == 2 || base == 0) {
    if (clean.size() > start + 2 && clean[start] == '0' && std::strchr("xXoObB", clean[start + 1])) {
      char b = char(clean[start + 1] | 0x20);
      int real = b == 'x' ? 16 : b == 'o' ? 8 : 2;
      if (base != 0 && base != real) return false;
      base = real;
      clean.erase(start, 2);
    } else if (base == 0) {
      base = 10;
    }
  }
  if (start >= clean.size()) return false;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(clean.c_str(), &end, base);
  if (!end || *end != '\0' || errno) return false;
  out = v;
  return true;
}

Value f_int(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"default", "base"}, "int");
  Value dflt = p.get_or(0, Value(0));
  c.renderer.use(in);
  if (in.is_int() || in.is_bool()) return Value(in.as_int());
  if (in.is_float()) {
    if (!std::isfinite(in.as_double())) return dflt;
    return Value(to_int64(in.as_double()));
  }
  if (in.is_string()) {
    std::int64_t i;
    if (parse_int(in.str(), int(p.get_or(1, Value(10)).as_int()), i)) return Value(i);
    double d;
    if (parse_float(in.str(), d) && std::isfinite(d)) return Value(to_int64(d));
  }
  return dflt;
}

Value f_float(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"default"}, "float");
  c.renderer.use(in);
  if (in.is_number()) return Value(in.as_double());
  double d;
  if (in.is_string() && parse_float(in.str(), d)) return Value(d);
  return p.get_or(0, Value(0.0));
}

Value f_format(FilterContext& c, const Value& in, const CallArgs& a) {
  std::string fmt = sstr(c, in);
  if (!a.pos.empty() && !a.kw.empty()) throw RenderError("can't handle positional and keyword arguments at the same time");
  if (!a.kw.empty()) {
    Dict d;
    for (const auto& [k, v] : a.kw) d.items.emplace_back(Value(std::string(k)), v);
    CallArgs m;
    m.pos.emplace_back(std::move(d));
    return same_kind(in, percent_format(fmt, m));
  }
  return same_kind(in, percent_format(fmt, a));
}


Value f_indent(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"width", "first", "blank"}, "indent");
  Value width = p.get_or(0, Value(4));
  std::string ind = width.is_string() ? std::string(width.str()) : std::string(std::size_t(std::max<std::int64_t>(0, width.as_int())), ' ');
  bool first = truthy(p.get_or(1, Value(false))), blank = truthy(p.get_or(2, Value(false)));
  std::string s = sstr(c, in) + "\n";
  std::vector<std::string> lines = py_splitlines(s);
  std::string rv;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) rv += "\n";
    if (i > 0 && (blank || !lines[i].empty())) rv += ind;
    rv += lines[i];
  }
  if (first) rv = ind + rv;
  return same_kind(in, std::move(rv));
}

Value f_replace(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"old", "new", "count"}, "replace");
  const Value& old = p.required(0, "old");
  const Value& neu = p.required(1, "new");
  std::int64_t count = p.has(2) && !p.get(2, Value()).is_none() ? p.get(2, Value()).as_int() : -1;
  if (!c.autoescape) return Value(py_replace(sstr(c, in), sstr(c, old), sstr(c, neu), count));
  // Markup.replace escapes its plain-str arguments.
  bool markup = old.is_safe() || (neu.is_safe() && !in.is_safe()) || in.is_safe();
  if (!markup) return Value(py_replace(sstr(c, in), sstr(c, old), sstr(c, neu), count));
  return Value::markup(py_replace(to_markup(in), to_markup(old), to_markup(neu), count));
}

// Python round(): correctly rounded, ties to even on the exact binary value.
double py_round(double v, std::int64_t digits) {
  if (!std::isfinite(v)) return v;
  if (digits < 0) {
    double m = std::pow(10.0, double(-digits));
    return std::nearbyint(v / m) * m;
  }
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", int(std::min<std::int64_t>(digits, 300)), v);
  return std::strtod(buf, nullptr);
}

Value f_round(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"precision", "method"}, "round");
  std::int64_t precision = p.get_or(0, Value(0)).as_int();
  std::string method = p.has(1) ? sstr(c, p.get(1, Value())) : "common";
  c.renderer.use(in);
  if (!in.is_number()) throw RenderError("type " + type_name(in) + " doesn't define __round__ method");
  if (method == "common") {
    if (in.is_int() || in.is_bool()) {
      if (precision >= 0) return Value(in.as_int());
      double m = std::pow(10.0, double(-precision));
      return Value(to_int64(std::nearbyint(double(in.as_int()) / m) * m));
    }
    return Value(py_round(in.as_double(), precision));
  }
  if (method != "ceil" && method != "floor") throw RenderError("method must be common, ceil or floor");
  double m = std::pow(10.0, double(precision));
  double x = in.as_double() * m;
  return Value((method == "ceil" ? std::ceil(x) : std::floor(x)) / m);
}

Value f_trim(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"chars"}, "trim");
  return same_kind(in, py_strip(sstr(c, in), p.get_or(0, Value(nullptr)), true, true));
}

}  // namespace

std::string unescape_entities(std::string_view s);

namespace {

Value f_striptags(FilterContext& c, const Value& in, const CallArgs&) {
  std::string s = sstr(c, in);  // Markup(str(value)): no escaping first
  std::string stripped;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 4, "<!--") == 0) {
      std::size_t e = s.find("-->", i + 4);
      if (e != std::string::npos) {
        i = e + 3;
        continue;
      }
    }
    if (s[i] == '<') {
      std::size_t e = s.find('>', i + 1);
      if (e != std::string::npos) {
        i = e + 1;
        continue;
      }
    }
    stripped += s[i++];
  }
  List words = py_split(stripped, Value(nullptr), -1);
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) joined += ' ';
    joined += words[i].str();
  }
  return Value(unescape_entities(joined));
}

Value f_truncate(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"length", "killwords", "end", "leeway"}, "truncate");
  std::int64_t length = p.get_or(0, Value(255)).as_int();
  bool killwords = truthy(p.get_or(1, Value(false)));
  std::string end = p.has(2) ? sstr(c, p.get(2, Value())) : "...";
  std::int64_t leeway = p.has(3) && !p.get(3, Value()).is_none() ? p.get(3, Value()).as_int() : 5;
  std::string s = sstr(c, in);
  std::int64_t end_len = std::int64_t(utf8::length(end));
  if (length < end_len) throw RenderError("expected length >= " + std::to_string(end_len) + ", got " + std::to_string(length));
  if (leeway < 0) throw RenderError("expected leeway >= 0, got " + std::to_string(leeway));
  if (std::int64_t(utf8::length(s)) <= length + leeway) return in.is_string() ? in : Value(s);
  std::string head = s.substr(0, utf8::offset_of(s, std::size_t(length - end_len)));
  if (!killwords) {
    std::size_t sp = head.rfind(' ');
    if (sp != std::string::npos) head.erase(sp);
  }
  // Markup slices stay Markup and escape what is appended to them.
  if (in.is_safe()) return Value::markup(head + escape_html(end));
  return Value(head + end);
}

Value f_wordcount(FilterContext& c, const Value& in, const CallArgs&) {
  std::string s = sstr(c, in);
  std::int64_t n = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    bool w = utf8::is_word(utf8::next(s, i));
    if (w && !in_word) ++n;
    in_word = w;
  }
  return Value(n);
}

void append_quoted(std::string& out, std::string_view s, std::string_view safe) {
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '_' || ch == '.' || ch == '-' || ch == '~' || safe.find(char(ch)) != std::string_view::npos) {
      out += char(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
}

std::string url_quote(FilterContext& c, const Value& v, bool for_qs) {
  std::string out;
  append_quoted(out, sstr(c, v), for_qs ? "" : "/");
  if (for_qs) out = py_replace(out, "%20", "+", -1);
  return out;
}

Value f_urlencode(FilterContext& c, const Value& in, const CallArgs&) {
  if (in.is_string()) return Value(url_quote(c, in, false));
  std::vector<std::pair<Value, Value>> pairs;
  if (in.is_dict()) {
    for (std::size_t i = 0; i < in.dict_size(); ++i) pairs.emplace_back(in.dict_key(i), in.dict_value(i));
  } else if (in.is_list()) {
    for (const Value& item : items_of(c, in)) {
      auto kv = items_of(c, item);
      if (kv.size() != 2) throw RenderError("urlencode expects pairs");
      pairs.emplace_back(kv[0], kv[1]);
    }
  } else {
    return Value(url_quote(c, in, false));
  }
  std::string out;
  for (const auto& [k, v] : pairs) {
    if (!out.empty()) out += '&';
    out += url_quote(c, k, true);
    out += '=';
    out += url_quote(c, v, true);
  }
  return Value(std::move(out));
}

Value f_xmlattr(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"autospace"}, "xmlattr");
  bool autospace = truthy(p.get_or(0, Value(true)));
  if (!in.is_dict()) throw RenderError("xmlattr expects a mapping");
  std::string rv;
  for (std::size_t i = 0; i < in.dict_size(); ++i) {
    Value v = in.dict_value(i);
    if (v.is_none() || v.is_undefined()) continue;
    if (!rv.empty()) rv += ' ';
    rv += to_markup(in.dict_key(i)) + "=\"" + to_markup(v) + "\"";
  }
  if (autospace && !rv.empty()) rv = " " + rv;
  return c.autoescape ? Value::markup(std::move(rv)) : Value(std::move(rv));
}

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    char32_t ch = utf8::next(s, i);
    char buf[16];
    switch (ch) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (ch >= 0x20 && ch < 0x7f) {
      out += char(ch);
    } else if (ch >= 0x10000) {
      char32_t v = ch - 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", unsigned(0xd800 + (v >> 10)), unsigned(0xdc00 + (v & 0x3ff)));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(ch));
      out += buf;
    }
  }
  out += '"';
}

// json.dumps(value, sort_keys=True, indent=indent) as Python writes it.
void dump_json(Renderer& r, std::string& out, const Value& v, int indent, int level) {
  NestingGuard guard;
  auto newline = [&](int lvl) {
    if (indent < 0) return;
    out += '\n';
    out += std::string(std::size_t(indent * lvl), ' ');
  };
  switch (v.kind()) {
    case Kind::None: out += "null"; return;
    case Kind::Bool: out += v.as_bool() ? "true" : "false"; return;
    case Kind::Int: out += std::to_string(v.as_int()); return;
    case Kind::Float: {
      double d = v.as_double();
      out += std::isnan(d) ? "NaN" : std::isinf(d) ? (d < 0 ? "-Infinity" : "Infinity") : format_float(d);
      return;
    }
    case Kind::String: json_string(out, v.str()); return;
    case Kind::List: {
      if (v.list_size() == 0) {
        out += "[]";
        return;
      }
      out += '[';
      for (std::size_t i = 0; i < v.list_size(); ++i) {
        if (i) out += indent < 0 ? ", " : ",";
        newline(level + 1);
        dump_json(r, out, v.list_at(i), indent, level + 1);
      }
      newline(level);
      out += ']';
      return;
    }
    case Kind::Dict: {
      if (v.dict_size() == 0) {
        out += "{}";
        return;
      }
      std::vector<std::pair<Value, Value>> items;
      for (std::size_t i = 0; i < v.dict_size(); ++i) items.emplace_back(v.dict_key(i), v.dict_value(i));
      std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) { return py_compare(x.first, y.first) < 0; });
      out += '{';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += indent < 0 ? ", " : ",";
        newline(level + 1);
        const Value& k = items[i].first;
        json_string(out, k.is_string() ? std::string(k.str()) : k.is_bool() ? (k.as_bool() ? "true" : "false") : k.is_none() ? "null" : py_str(k));
        out += ": ";
        dump_json(r, out, items[i].second, indent, level + 1);
      }
      newline(level);
      out += '}';
      return;
    }
    default: throw RenderError("Object of type " + type_name(v) + " is not JSON serializable");
  }
}

Value f_tojson(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"indent"}, "tojson");
  Value ind = p.get_or(0, Value(nullptr));
  std::string json;
  dump_json(c.renderer, json, in, ind.is_none() ? -1 : int(ind.as_int()), 0);
  std::string out;
  for (char ch : json) {
    switch (ch) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      case '\'': out += "\\u0027"; break;
      default: out += ch;
    }
  }
  return Value::markup(std::move(out));
}

// pprint.pformat for short values: repr with dict keys sorted.
std::string pformat(const Value& v) {
  NestingGuard guard;
  if (v.is_dict()) {
    std::vector<std::pair<Value, Value>> items;
    for (std::size_t i = 0; i < v.dict_size(); ++i) items.emplace_back(v.dict_key(i), v.dict_value(i));
    std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) { return py_compare(x.first, y.first) < 0; });
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + py_repr(items[i].first) + ": " + pformat(items[i].second);
    return out + "}";
  }
  if (v.is_list()) {
    std::string out = v.is_tuple() ? "(" : "[";
    for (std::size_t i = 0; i < v.list_size(); ++i) out += (i ? ", " : "") + pformat(v.list_at(i));
    if (v.is_tuple() && v.list_size() == 1) out += ",";
    return out + (v.is_tuple() ? ")" : "]");
  }
  return py_repr(v);
}

Value f_pprint(FilterContext&, const Value& in, const CallArgs&) { return Value(pformat(in)); }

}  // namespace

std::string unescape_entities(std::string_view s) {
  static const std::pair<const char*, const char*> named[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xc2\xa0"},
      {"copy", "\xc2\xa9"}, {"reg", "\xc2\xae"}, {"hellip", "\xe2\x80\xa6"}, {"mdash", "\xe2\x80\x94"},
      {"ndash", "\xe2\x80\x93"}, {"yen", "\xc2\xa5"}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (!ent.empty() && ent[0] == '#') {
      bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      std::string digits(ent.substr(hex ? 2 : 1));
      if (!digits.empty() && digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos) {
        utf8::append(out, char32_t(std::stoul(digits, nullptr, hex ? 16 : 10)));
        done = true;
      }
    } else {
      for (const auto& [name, text] : named) {
        if (ent == name) {
          out += text;
          done = true;
        }
      }
    }
    if (done) i = semi;
    else out += s[i];
  }
  return out;
}

void add_string_filters(FilterTable& t) {
  t.insert(t.end(), {
      {"abs", f_abs}, {"attr", f_attr}, {"capitalize", f_capitalize}, {"center", f_center},
      {"default", f_default}, {"d", f_default}, {"escape", f_escape}, {"e", f_escape},
      {"forceescape", f_forceescape}, {"filesizeformat", f_filesizeformat}, {"float", f_float},
      {"format", f_format}, {"indent", f_indent}, {"int", f_int}, {"lower", f_lower}, {"upper", f_upper},
      {"replace", f_replace}, {"round", f_round}, {"safe", f_safe}, {"string", f_string},
      {"striptags", f_striptags}, {"title", f_title}, {"trim", f_trim}, {"truncate", f_truncate},
      {"urlencode", f_urlencode}, {"wordcount", f_wordcount}, {"xmlattr", f_xmlattr}, {"tojson", f_tojson},
      {"pprint", f_pprint},
  });
}

namespace {
const FilterTable& filter_table() {
  static const FilterTable table = [] {
    FilterTable t;
    add_string_filters(t);
    add_sequence_filters(t);
    add_text_filters(t);
    return t;
  }();
  return table;
}
}  // namespace

FilterFn builtin_filter(std::string_view name) {
  for (const auto& [n, fn] : filter_table())
    if (n == name) return fn;
  return nullptr;
}

FilterFn Extensions::filter(std::string_view name) const {
  for (auto it = filters_.rbegin(); it != filters_.rend(); ++it)
    if (it->first == name) return it->second;
  return builtin_filter(name);
}

TestFn Extensions::test(std::string_view name) const {
  for (auto it = tests_.rbegin(); it != tests_.rend(); ++it)
    if (it->first == name) return it->second;
  return builtin_test(name);
}

}  // namespace hyoka::tmpl
