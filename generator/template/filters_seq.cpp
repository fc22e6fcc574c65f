// Built-in filters over sequences and mappings (jinja2/filters.py).
#include <algorithm>
#include <cstdlib>

#include "template/filter_util.hpp"
#include "template/strutil.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

Value get_attribute_path(Renderer& r, const Value& item, const Value& path) {
  if (!path.is_string()) return r.getitem(item, path);
  std::string_view s = path.str();
  Value v = item;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
    // An index past 64 bits cannot exist: it is clamped to one that does not either.
    std::int64_t index = digits ? std::strtoll(std::string(part).c_str(), nullptr, 10) : 0;  // LLONG_MAX on overflow
    v = digits ? r.getitem(v, Value(index)) : r.getitem(v, Value(std::string(part)));
    if (dot == std::string_view::npos) return v;
    start = dot + 1;
  }
}

namespace {

// make_attrgetter with an optional default for undefined results.
Value attr_or_default(Renderer& r, const Value& item, const Value& attr, const Value* dflt) {
  Value v = get_attribute_path(r, item, attr);
  if (dflt && v.is_undefined()) return *dflt;
  return v;
}

Value sort_key(Renderer& r, const Value& item, const Value* attr, bool case_sensitive) {
  if (attr && attr->is_string() && attr->str().find(',') != std::string_view::npos) {
    // "age,name": a tuple key (make_multi_attrgetter)
    List parts;
    for (const Value& a : py_split(attr->str(), Value(","), -1)) parts.push_back(sort_key(r, item, &a, case_sensitive));
    return Value(std::move(parts), true);
  }
  Value v = attr ? get_attribute_path(r, item, *attr) : item;
  r.use(v);
  return fold_case(v, case_sensitive);
}

Value f_length(FilterContext& c, const Value& in, const CallArgs&) {
  c.renderer.use(in);
  return Value(std::int64_t(py_len(in)));
}

Value f_first(FilterContext& c, const Value& in, const CallArgs&) {
  auto items = items_of(c, in);
  return items.empty() ? Value::undefined("No first item, sequence was empty.") : items.front();
}

Value f_last(FilterContext& c, const Value& in, const CallArgs&) {
  auto items = items_of(c, in);
  return items.empty() ? Value::undefined("No last item, sequence was empty.") : items.back();
}

Value f_list(FilterContext& c, const Value& in, const CallArgs&) { return Value(items_of(c, in)); }

Value f_reverse(FilterContext& c, const Value& in, const CallArgs&) {
  if (in.is_string()) {
    auto cps = utf8::decode(in.str());
    std::reverse(cps.begin(), cps.end());
    return Value(utf8::encode(cps, 0, cps.size()));
  }
  auto items = items_of(c, in);
  std::reverse(items.begin(), items.end());
  return Value(std::move(items));
}

// join: with autoescape, any Markup item escapes the others (do_join).
Value f_join(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"d", "attribute"}, "join");
  Value d = p.get_or(0, Value(""));
  auto items = items_of(c, in);
  if (p.has(1))
    for (auto& it : items) it = get_attribute_path(c.renderer, it, p.get(1, Value()));
  bool markup = c.autoescape && (d.is_safe() || std::any_of(items.begin(), items.end(), [](const Value& v) { return v.is_safe(); }));
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += markup ? to_markup(d) : sstr(c, d);
    out += markup ? to_markup(items[i]) : sstr(c, items[i]);
  }
  return markup ? Value::markup(std::move(out)) : Value(std::move(out));
}

Value f_sort(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"reverse", "case_sensitive", "attribute"}, "sort");
  bool reverse = truthy(p.get_or(0, Value(false))), cs = truthy(p.get_or(1, Value(false)));
  const Value* attr = p.opt(2);
  auto items = items_of(c, in);
  std::vector<std::pair<Value, Value>> keyed;
  for (auto& it : items) keyed.emplace_back(sort_key(c.renderer, it, attr, cs), it);
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
    return reverse ? py_compare(y.first, x.first) < 0 : py_compare(x.first, y.first) < 0;
  });
  List out;
  for (auto& kv : keyed) out.push_back(std::move(kv.second));
  return Value(std::move(out));
}

Value f_dictsort(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"case_sensitive", "by", "reverse"}, "dictsort");
  bool cs = truthy(p.get_or(0, Value(false))), reverse = truthy(p.get_or(2, Value(false)));
  std::string by = p.has(1) ? sstr(c, p.get(1, Value())) : "key";
  if (by != "key" && by != "value") throw RenderError("You can only sort by either \"key\" or \"value\"");
  if (!in.is_dict()) throw RenderError("dictsort expects a mapping");
  List items;
  for (std::size_t i = 0; i < in.dict_size(); ++i) items.emplace_back(List{in.dict_key(i), in.dict_value(i)}, true);
  std::size_t idx = by == "key" ? 0 : 1;
  std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
    Value kx = fold_case(x.list_at(idx), cs), ky = fold_case(y.list_at(idx), cs);
    return reverse ? py_compare(ky, kx) < 0 : py_compare(kx, ky) < 0;
  });
  return Value(std::move(items));
}

Value f_items(FilterContext& c, const Value& in, const CallArgs&) {
  if (in.is_undefined()) {
    c.renderer.use(in);
    return Value(List{});
  }
  if (!in.is_dict()) throw RenderError("Can only get item pairs from a mapping.");
  List items;
  for (std::size_t i = 0; i < in.dict_size(); ++i) items.emplace_back(List{in.dict_key(i), in.dict_value(i)}, true);
  return Value(std::move(items));
}

Value f_unique(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"case_sensitive", "attribute"}, "unique");
  bool cs = truthy(p.get_or(0, Value(false)));
  const Value* attr = p.opt(1);
  List out;
  std::vector<Value> seen;
  for (auto& it : items_of(c, in)) {
    Value key = sort_key(c.renderer, it, attr, cs);
    if (std::any_of(seen.begin(), seen.end(), [&](const Value& s) { return py_equal(s, key); })) continue;
    seen.push_back(key);
    out.push_back(it);
  }
  return Value(std::move(out));
}

Value min_max(FilterContext& c, const Value& in, const CallArgs& a, bool want_max) {
  Params p(a, {"case_sensitive", "attribute"}, want_max ? "max" : "min");
  bool cs = truthy(p.get_or(0, Value(false)));
  const Value* attr = p.opt(1);
  auto items = items_of(c, in);
  if (items.empty()) return Value::undefined("No aggregated item, sequence was empty.");
  std::size_t best = 0;
  Value best_key = sort_key(c.renderer, items[0], attr, cs);
  for (std::size_t i = 1; i < items.size(); ++i) {
    Value k = sort_key(c.renderer, items[i], attr, cs);
    int cmp = py_compare(k, best_key);
    if (want_max ? cmp > 0 : cmp < 0) best = i, best_key = k;
  }
  return items[best];
}

Value f_min(FilterContext& c, const Value& in, const CallArgs& a) { return min_max(c, in, a, false); }
Value f_max(FilterContext& c, const Value& in, const CallArgs& a) { return min_max(c, in, a, true); }

Value f_sum(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"attribute", "start"}, "sum");
  Value total = p.get_or(1, Value(0));
  for (auto& it : items_of(c, in)) {
    Value v = p.has(0) && !p.get(0, Value()).is_none() ? get_attribute_path(c.renderer, it, p.get(0, Value())) : it;
    if (v.is_string()) throw RenderError("unsupported operand type(s) for +: '" + type_name(total) + "' and 'str'");
    total = py_add(total, v);
  }
  return total;
}

Value f_batch(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"linecount", "fill_with"}, "batch");
  std::int64_t n = p.required(0, "linecount").as_int();
  if (n <= 0) throw RenderError("batch size must be positive");
  List out, cur;
  for (auto& it : items_of(c, in)) {
    cur.push_back(it);
    if (std::int64_t(cur.size()) == n) out.emplace_back(std::move(cur)), cur.clear();
  }
  if (!cur.empty()) {
    if (p.has(1) && !p.get(1, Value()).is_none())
      while (std::int64_t(cur.size()) < n) cur.push_back(p.get(1, Value()));
    out.emplace_back(std::move(cur));
  }
  return Value(std::move(out));
}

Value f_slice(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"slices", "fill_with"}, "slice");
  std::int64_t slices = p.required(0, "slices").as_int();
  if (slices <= 0) throw RenderError("slices must be positive");
  auto seq = items_of(c, in);
  std::int64_t length = std::int64_t(seq.size()), per = length / slices, extra = length % slices, offset = 0;
  bool fill = p.has(1) && !p.get(1, Value()).is_none();
  List out;
  for (std::int64_t s = 0; s < slices; ++s) {
    std::int64_t start = offset + s * per;
    if (s < extra) ++offset;
    std::int64_t end = offset + (s + 1) * per;
    List part(seq.begin() + start, seq.begin() + end);
    if (fill && s >= extra) part.push_back(p.get(1, Value()));
    out.emplace_back(std::move(part));
  }
  return Value(std::move(out));
}

Value f_groupby(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"attribute", "default", "case_sensitive"}, "groupby");
  const Value& attr = p.required(0, "attribute");
  const Value* dflt = p.has(1) ? &p.required(1, "default") : nullptr;
  bool cs = truthy(p.get_or(2, Value(false)));
  std::vector<std::pair<Value, Value>> keyed;
  for (auto& it : items_of(c, in)) {
    Value k = attr_or_default(c.renderer, it, attr, dflt);
    c.renderer.use(k);
    keyed.emplace_back(fold_case(k, cs), it);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return py_compare(x.first, y.first) < 0; });
  List out;
  for (std::size_t i = 0; i < keyed.size();) {
    List group;
    std::size_t j = i;
    for (; j < keyed.size() && py_equal(keyed[j].first, keyed[i].first); ++j) group.push_back(keyed[j].second);
    Value grouper = cs ? keyed[i].first : attr_or_default(c.renderer, group[0], attr, dflt);
    out.push_back(Value(List{grouper, Value(std::move(group))}, true).as_group());
    i = j;
  }
  return Value(std::move(out));
}

// Arguments after the filter/test name are passed on, like Jinja2's
// prepare_map / prepare_select_or_reject.
CallArgs rest_args(const CallArgs& a, std::size_t skip) {
  CallArgs r;
  for (std::size_t i = skip; i < a.pos.size(); ++i) r.pos.push_back(a.pos[i]);
  for (const auto& kv : a.kw)
    if (kv.first != "attribute" && kv.first != "default") r.kw.push_back(kv);
  return r;
}

Value f_map(FilterContext& c, const Value& in, const CallArgs& a) {
  auto items = items_of(c, in);
  List out;
  if (a.pos.empty()) {
    const Value* attr = a.find_kw("attribute");
    if (!attr) throw RenderError("map requires a filter name or attribute=");
    const Value* dflt = a.find_kw("default");
    for (auto& it : items) out.push_back(attr_or_default(c.renderer, it, *attr, dflt));
    return Value(std::move(out));
  }
  std::string name = sstr(c, a.pos[0]);
  CallArgs args = rest_args(a, 1);
  for (auto& it : items) out.push_back(c.renderer.apply_filter(name, it, args, c.autoescape));
  return Value(std::move(out));
}

Value select_impl(FilterContext& c, const Value& in, const CallArgs& a, bool by_attr, bool want) {
  std::size_t skip = by_attr ? 1 : 0;
  if (by_attr && a.pos.empty()) throw RenderError("Missing parameter for attribute name");
  List out;
  std::string test = a.pos.size() > skip ? sstr(c, a.pos[skip]) : "";
  CallArgs args = rest_args(a, skip + 1);
  for (auto& it : items_of(c, in)) {
    Value v = by_attr ? get_attribute_path(c.renderer, it, a.pos[0]) : it;
    bool ok = test.empty() ? c.renderer.truthy(v) : c.renderer.apply_test(test, v, args);
    if (ok == want) out.push_back(it);
  }
  return Value(std::move(out));
}

Value f_select(FilterContext& c, const Value& in, const CallArgs& a) { return select_impl(c, in, a, false, true); }
Value f_reject(FilterContext& c, const Value& in, const CallArgs& a) { return select_impl(c, in, a, false, false); }
Value f_selectattr(FilterContext& c, const Value& in, const CallArgs& a) { return select_impl(c, in, a, true, true); }
Value f_rejectattr(FilterContext& c, const Value& in, const CallArgs& a) { return select_impl(c, in, a, true, false); }

}  // namespace

void add_sequence_filters(FilterTable& t) {
  t.insert(t.end(), {
      {"length", f_length}, {"count", f_length}, {"first", f_first}, {"last", f_last}, {"list", f_list},
      {"reverse", f_reverse}, {"join", f_join}, {"sort", f_sort}, {"dictsort", f_dictsort}, {"items", f_items},
      {"unique", f_unique}, {"min", f_min}, {"max", f_max}, {"sum", f_sum}, {"batch", f_batch},
      {"slice", f_slice}, {"groupby", f_groupby}, {"map", f_map}, {"select", f_select}, {"reject", f_reject},
      {"selectattr", f_selectattr}, {"rejectattr", f_rejectattr},
  });
}

}  // namespace hyoka::tmpl
