// The str / dict / list methods templates commonly call, e.g.
// `{{ d.items() }}`, `{{ s.startswith('令和') }}`, `{{ '{:,}'.format(n) }}`.
#include <algorithm>
#include <array>

#include "template/format.hpp"
#include "template/objects.hpp"
#include "template/params.hpp"
#include "template/python.hpp"
#include "template/strutil.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

// string_views, not C strings: these are searched on every attribute access.
using namespace std::string_view_literals;
constexpr std::array kDictMethods = {"items"sv, "keys"sv, "values"sv, "get"sv, "copy"sv, "update"sv, "pop"sv, "setdefault"sv,
                                     "clear"sv, "popitem"sv, "fromkeys"sv};
constexpr std::array kStrMethods = {"upper"sv, "lower"sv, "title"sv, "capitalize"sv, "strip"sv, "lstrip"sv, "rstrip"sv,
                                    "startswith"sv, "endswith"sv, "split"sv, "rsplit"sv, "replace"sv, "format"sv, "join"sv,
                                    "count"sv, "find"sv, "rfind"sv, "index"sv, "isdigit"sv, "isalpha"sv, "isalnum"sv, "isspace"sv,
                                    "isupper"sv, "islower"sv, "zfill"sv, "center"sv, "ljust"sv, "rjust"sv, "splitlines"sv,
                                    "swapcase"sv, "casefold"sv, "isdecimal"sv, "isnumeric"sv, "partition"sv, "rpartition"sv};
constexpr std::array kListMethods = {"index"sv, "count"sv, "append"sv, "extend"sv, "insert"sv, "pop"sv, "remove"sv,
                                     "reverse"sv, "sort"sv, "copy"sv, "clear"sv};

template <class A>
bool contains(const A& arr, std::string_view name) {
  return std::find(arr.begin(), arr.end(), name) != arr.end();
}

Value keep_markup(const Value& self, std::string s) {
  return self.is_safe() ? Value::markup(std::move(s)) : Value(std::move(s));
}

bool is_strip_char(char32_t c, const Value& chars) {
  if (chars.is_none() || chars.is_undefined()) return utf8::is_space(c);
  std::string_view s = chars.str();
  for (std::size_t i = 0; i < s.size();)
    if (utf8::next(s, i) == c) return true;
  return false;
}

}  // namespace

// Python str.splitlines: every Unicode line boundary, \r\n as one.
std::vector<std::string> py_splitlines(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t b = i;
    char32_t ch = utf8::next(s, i);
    bool nl = ch == '\n' || ch == '\r' || ch == 0x0b || ch == 0x0c || (ch >= 0x1c && ch <= 0x1e) || ch == 0x85 ||
              ch == 0x2028 || ch == 0x2029;
    if (!nl) continue;
    out.emplace_back(s.substr(start, b - start));
    if (ch == '\r' && i < s.size() && s[i] == '\n') ++i;
    start = i;
  }
  if (start < s.size()) out.emplace_back(s.substr(start));
  return out;
}

std::string py_strip(std::string_view s, const Value& chars, bool left, bool right) {
  std::vector<char32_t> cps = utf8::decode(s);
  std::size_t b = 0, e = cps.size();
  if (left)
    while (b < e && is_strip_char(cps[b], chars)) ++b;
  if (right)
    while (e > b && is_strip_char(cps[e - 1], chars)) --e;
  return utf8::encode(cps, b, e);
}

// str.split(sep=None, maxsplit=-1)
List py_split(std::string_view s, const Value& sep, std::int64_t maxsplit) {
  List out;
  if (sep.is_none() || sep.is_undefined()) {
    std::size_t i = 0;
    while (true) {
      std::size_t k = i;
      while (k < s.size()) {
        std::size_t n = k;
        if (!utf8::is_space(utf8::next(s, n))) break;
        k = n;
      }
      if (k >= s.size()) break;
      if (maxsplit >= 0 && std::int64_t(out.size()) >= maxsplit) {
        std::string rest(s.substr(k));
        out.emplace_back(py_strip(rest, Value(nullptr), false, true));
        break;
      }
      std::size_t e = k;
      while (e < s.size()) {
        std::size_t n = e;
        if (utf8::is_space(utf8::next(s, n))) break;
        e = n;
      }
      out.emplace_back(std::string(s.substr(k, e - k)));
      i = e;
    }
    return out;
  }
  std::string_view d = sep.str();
  if (d.empty()) throw RenderError("empty separator");
  std::size_t start = 0;
  while (true) {
    std::size_t k = s.find(d, start);
    if (k == std::string_view::npos || (maxsplit >= 0 && std::int64_t(out.size()) >= maxsplit)) break;
    out.emplace_back(std::string(s.substr(start, k - start)));
    start = k + d.size();
  }
  out.emplace_back(std::string(s.substr(start)));
  return out;
}

std::string py_replace(std::string_view s, std::string_view old, std::string_view repl, std::int64_t count) {
  std::string out;
  if (old.empty()) {  // Python inserts repl between every code point
    std::int64_t n = 0;
    for (std::size_t i = 0; i <= s.size();) {
      if (count < 0 || n < count) out += repl, ++n;
      if (i == s.size()) break;
      std::size_t b = i;
      utf8::next(s, i);
      out += s.substr(b, i - b);
    }
    return out;
  }
  std::size_t start = 0;
  std::int64_t n = 0;
  while (count < 0 || n < count) {
    std::size_t k = s.find(old, start);
    if (k == std::string_view::npos) break;
    out += s.substr(start, k - start);
    out += repl;
    start = k + old.size();
    ++n;
  }
  out += s.substr(start);
  return out;
}

std::string py_capitalize(std::string_view s) {
  std::string out;
  bool first = true;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = utf8::next(s, i);
    utf8::append(out, first ? utf8::to_title(c) : utf8::to_lower(c));
    first = false;
  }
  return out;
}

// Python str.title(): uppercase after any uncased character.
std::string py_title(std::string_view s) {
  std::string out;
  bool prev_cased = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = utf8::next(s, i);
    utf8::append(out, prev_cased ? utf8::to_lower(c) : utf8::to_title(c));
    prev_cased = utf8::is_cased(c);
  }
  return out;
}

std::string py_center(std::string_view s, std::int64_t width, std::string_view fill) {
  std::int64_t len = std::int64_t(utf8::length(s));
  if (width <= len) return std::string(s);
  std::int64_t marg = width - len;
  std::int64_t left = marg / 2 + (marg & width & 1);
  std::string out;
  for (std::int64_t i = 0; i < left; ++i) out += fill;
  out += s;
  for (std::int64_t i = 0; i < marg - left; ++i) out += fill;
  return out;
}

bool is_dict_method(std::string_view name) { return contains(kDictMethods, name); }
bool is_str_method(std::string_view name) { return contains(kStrMethods, name); }
bool is_list_method(std::string_view name) { return contains(kListMethods, name); }

namespace {

Value dict_method(Renderer&, const Value& self, std::string_view name, CallArgs& args) {
  if (name == "items") {
    List out;
    for (std::size_t i = 0; i < self.dict_size(); ++i) out.emplace_back(List{self.dict_key(i), self.dict_value(i)}, true);
    return Value(std::move(out));
  }
  if (name == "keys" || name == "values") {
    List out;
    for (std::size_t i = 0; i < self.dict_size(); ++i) out.push_back(name == "keys" ? self.dict_key(i) : self.dict_value(i));
    return Value(std::move(out));
  }
  if (name == "get") {
    Params p(args, {"key", "default"}, "get");
    Value v = self.dict_get(p.required(0, "key"));
    return v.is_undefined() ? p.get_or(1, Value(nullptr)) : v;
  }
  if (name == "copy") {
    Dict d;
    for (std::size_t i = 0; i < self.dict_size(); ++i) d.items.emplace_back(self.dict_key(i), self.dict_value(i));
    return Value(std::move(d));
  }
  throw RenderError("dict." + std::string(name) + "() is not supported in templates");
}

Value str_method(Renderer& r, const Value& self, std::string_view name, CallArgs& args) {
  std::string_view s = self.str();
  if (name == "upper") return keep_markup(self, utf8::upper(s));
  if (name == "lower" || name == "casefold") return keep_markup(self, utf8::lower(s));
  if (name == "title") return keep_markup(self, py_title(s));
  if (name == "capitalize") return keep_markup(self, py_capitalize(s));
  if (name == "strip" || name == "lstrip" || name == "rstrip") {
    Params p(args, {"chars"}, "strip");
    return keep_markup(self, py_strip(s, p.get_or(0, Value(nullptr)), name != "rstrip", name != "lstrip"));
  }
  if (name == "startswith" || name == "endswith") {
    Params p(args, {"prefix"}, std::string(name).c_str());
    const Value& pre = p.required(0, "prefix");
    std::vector<Value> options = pre.is_list() ? r.iterate(pre) : std::vector<Value>{pre};
    for (const Value& o : options) {
      if (!o.is_string()) throw RenderError(std::string(name) + " first arg must be str or a tuple of str");
      if (name == "startswith" ? s.starts_with(o.str()) : s.ends_with(o.str())) return Value(true);
    }
    return Value(false);
  }
  if (name == "split" || name == "rsplit") {
    Params p(args, {"sep", "maxsplit"}, "split");
    return Value(py_split(s, p.get_or(0, Value(nullptr)), p.get_or(1, Value(-1)).as_int()));
  }
  if (name == "replace") {
    Params p(args, {"old", "new", "count"}, "replace");
    return keep_markup(self, py_replace(s, r.str(p.required(0, "old")), r.str(p.required(1, "new")), p.get_or(2, Value(-1)).as_int()));
  }
  if (name == "format") return keep_markup(self, str_format(s, args));
  if (name == "join") {
    if (args.pos.size() != 1) throw RenderError("join() takes exactly one argument");
    std::string out;
    bool first = true;
    for (const Value& v : r.iterate(args.pos[0])) {
      if (!v.is_string()) throw RenderError("sequence item: expected str instance, " + type_name(v) + " found");
      if (!first) out += s;
      out += v.str();
      first = false;
    }
    return Value(std::move(out));
  }
  if (name == "count" || name == "find" || name == "rfind" || name == "index") {
    Params p(args, {"sub"}, "count");
    std::string sub = r.str(p.required(0, "sub"));
    if (name == "count") {
      if (sub.empty()) return Value(std::int64_t(utf8::length(s) + 1));
      std::int64_t n = 0;
      for (std::size_t k = s.find(sub); k != std::string_view::npos; k = s.find(sub, k + sub.size())) ++n;
      return Value(n);
    }
    std::size_t k = name == "rfind" ? s.rfind(sub) : s.find(sub);
    if (k == std::string_view::npos) {
      if (name == "index") throw RenderError("substring not found");
      return Value(-1);
    }
    return Value(std::int64_t(utf8::length(s.substr(0, k))));
  }
  if (name == "zfill") {
    std::int64_t w = args.pos.empty() ? 0 : args.pos[0].as_int();
    std::int64_t len = std::int64_t(utf8::length(s));
    if (len >= w) return self;
    bool sign = !s.empty() && (s[0] == '-' || s[0] == '+');
    std::string out(sign ? s.substr(0, 1) : "");
    out += std::string(std::size_t(w - len), '0');
    out += s.substr(sign ? 1 : 0);
    return Value(std::move(out));
  }
  if (name == "center" || name == "ljust" || name == "rjust") {
    Params p(args, {"width", "fillchar"}, "center");
    std::int64_t w = p.required(0, "width").as_int();
    std::string fill = p.has(1) ? r.str(p.get(1, Value())) : " ";
    if (name == "center") return Value(py_center(s, w, fill));
    std::int64_t len = std::int64_t(utf8::length(s));
    std::string padding;
    for (std::int64_t i = len; i < w; ++i) padding += fill;
    return Value(name == "ljust" ? std::string(s) + padding : padding + std::string(s));
  }
  if (name == "splitlines") {
    List out;
    for (auto& line : py_splitlines(s)) out.emplace_back(std::move(line));
    return Value(std::move(out));
  }
  if (name == "partition" || name == "rpartition") {
    std::string sep = args.pos.empty() ? "" : r.str(args.pos[0]);
    std::size_t k = name == "partition" ? s.find(sep) : s.rfind(sep);
    if (k == std::string_view::npos)
      return name == "partition" ? Value(List{Value(std::string(s)), Value(""), Value("")}, true)
                                 : Value(List{Value(""), Value(""), Value(std::string(s))}, true);
    return Value(List{Value(std::string(s.substr(0, k))), Value(sep), Value(std::string(s.substr(k + sep.size())))}, true);
  }
  if (name == "swapcase") {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      char32_t c = utf8::next(s, i);
      utf8::append(out, utf8::is_upper(c) ? utf8::to_lower(c) : utf8::to_upper(c));
    }
    return Value(std::move(out));
  }
  // Character class predicates.
  std::vector<char32_t> cps = utf8::decode(s);
  auto all = [&](auto pred) { return Value(!cps.empty() && std::all_of(cps.begin(), cps.end(), pred)); };
  if (name == "isdigit" || name == "isdecimal" || name == "isnumeric") return all(utf8::is_digit);
  if (name == "isalpha") return all(utf8::is_alpha);
  if (name == "isalnum") return all([](char32_t c) { return utf8::is_word(c) && c != '_'; });
  if (name == "isspace") return all(utf8::is_space);
  bool any_cased = std::any_of(cps.begin(), cps.end(), utf8::is_cased);
  if (name == "isupper") return Value(any_cased && std::none_of(cps.begin(), cps.end(), utf8::is_lower));
  if (name == "islower") return Value(any_cased && std::none_of(cps.begin(), cps.end(), utf8::is_upper));
  throw RenderError("str." + std::string(name) + "() is not supported");
}

Value list_method(Renderer& r, const Value& self, std::string_view name, CallArgs& args) {
  if (name == "index" || name == "count") {
    if (args.pos.empty()) throw RenderError(std::string(name) + "() takes at least 1 argument");
    std::int64_t n = 0;
    for (std::size_t i = 0; i < self.list_size(); ++i) {
      if (!py_equal(self.list_at(i), args.pos[0])) continue;
      if (name == "index") return Value(std::int64_t(i));
      ++n;
    }
    if (name == "index") throw RenderError("value is not in list");
    return Value(n);
  }
  if (name == "copy") {
    List out;
    for (std::size_t i = 0; i < self.list_size(); ++i) out.push_back(self.list_at(i));
    return Value(std::move(out));
  }
  // Mutation is allowed on lists the template built itself (the common
  // `{% set _ = items.append(x) %}` idiom); context data stays read-only.
  if (self.is_json() || self.is_tuple()) throw RenderError("cannot modify this list from a template");
  auto& list = const_cast<List&>(self.list());
  if (name == "append" || name == "extend") r.track_list(self);
  if (name == "append" && args.pos.size() == 1) {
    list.push_back(args.pos[0]);
    return Value(nullptr);
  }
  if (name == "extend" && args.pos.size() == 1) {
    // The items first: `l.extend(l)` doubles l, as in Python, instead of running forever.
    std::vector<Value> items = r.iterate(args.pos[0]);
    list.insert(list.end(), items.begin(), items.end());
    return Value(nullptr);
  }
  if (name == "pop") {
    if (list.empty()) throw RenderError("pop from empty list");
    std::int64_t i = args.pos.empty() ? std::int64_t(list.size()) - 1 : args.pos[0].as_int();
    if (i < 0) i += std::int64_t(list.size());
    if (i < 0 || i >= std::int64_t(list.size())) throw RenderError("pop index out of range");
    Value v = list[std::size_t(i)];
    list.erase(list.begin() + i);
    return v;
  }
  if (name == "reverse") {
    std::reverse(list.begin(), list.end());
    return Value(nullptr);
  }
  if (name == "clear") {
    list.clear();
    return Value(nullptr);
  }
  throw RenderError("list." + std::string(name) + "() is not supported");
}

}  // namespace

Value call_builtin_method(Renderer& r, const Value& self, std::string_view name, CallArgs& args) {
  if (self.is_dict()) return dict_method(r, self, name, args);
  if (self.is_string()) return str_method(r, self, name, args);
  return list_method(r, self, name, args);
}

}  // namespace hyoka::tmpl
