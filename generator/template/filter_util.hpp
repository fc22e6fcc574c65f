#pragma once
// Helpers shared by the filter/test implementation files.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "template/filters.hpp"
#include "template/params.hpp"
#include "template/python.hpp"
#include "template/renderer.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

using FilterTable = std::vector<std::pair<std::string_view, FilterFn>>;
using TestTable = std::vector<std::pair<std::string_view, TestFn>>;

void add_string_filters(FilterTable& t);
void add_sequence_filters(FilterTable& t);
void add_text_filters(FilterTable& t);

// str(value) as Jinja2's soft_str sees it (Undefined -> "" unless strict).
inline std::string sstr(FilterContext& c, const Value& v) { return c.renderer.str(v); }

// Markup in -> Markup out, like markupsafe's str methods.
inline Value same_kind(const Value& in, std::string s) {
  return in.is_safe() ? Value::markup(std::move(s)) : Value(std::move(s));
}

inline std::vector<Value> items_of(FilterContext& c, const Value& v) { return c.renderer.iterate(v); }

// jinja2.filters.make_attrgetter: "a.b.0" walks item/attribute lookups.
Value get_attribute_path(Renderer& r, const Value& item, const Value& path);

// Python's "ignore_case" sort key.
inline Value fold_case(const Value& v, bool case_sensitive) {
  if (case_sensitive || !v.is_string()) return v;
  return Value(utf8::lower(v.str()));
}

}  // namespace hyoka::tmpl
