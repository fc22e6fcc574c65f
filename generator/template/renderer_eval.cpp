// Expression evaluation half of the renderer.
#include <cmath>

#include "template/format.hpp"
#include "template/objects.hpp"
#include "template/python.hpp"
#include "template/renderer.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

// Python slice.indices(): clamps start/stop for the given step.
struct SliceRange {
  std::int64_t start, stop, step;
};

SliceRange slice_indices(std::int64_t len, const Value& a, const Value& b, const Value& c) {
  std::int64_t step = c.is_none() || c.is_undefined() ? 1 : c.as_int();
  if (step == 0) throw RenderError("slice step cannot be zero");
  auto clamp = [&](const Value& v, std::int64_t dflt) {
    if (v.is_none() || v.is_undefined()) return dflt;
    if (!v.is_int() && !v.is_bool()) throw RenderError("slice indices must be integers or None");
    std::int64_t i = v.as_int();
    if (i < 0) i += len;
    if (step > 0) return std::clamp<std::int64_t>(i, 0, len);
    return std::clamp<std::int64_t>(i, -1, len - 1);
  };
  std::int64_t start = clamp(a, step > 0 ? 0 : len - 1);
  std::int64_t stop = clamp(b, step > 0 ? len : -1);
  return {start, stop, step};
}

template <class F>
void for_slice(const SliceRange& r, F&& f) {
  if (r.step > 0)
    for (std::int64_t i = r.start; i < r.stop; i += r.step) f(static_cast<std::size_t>(i));
  else
    for (std::int64_t i = r.start; i > r.stop; i += r.step) f(static_cast<std::size_t>(i));
}

// 'fmt' % args: a tuple gives positional arguments, a dict names them, any
// other value is the single argument. Markup % escapes the arguments.
Value string_percent(const Value& fmt, const Value& arg) {
  CallArgs args;
  auto add = [&](const Value& v) { args.pos.push_back(fmt.is_safe() && !v.is_safe() && v.is_string() ? Value(escape_html(v.str())) : v); };
  if (arg.is_tuple()) {
    for (std::size_t i = 0; i < arg.list_size(); ++i) add(arg.list_at(i));
  } else {
    add(arg);
  }
  std::string out = percent_format(fmt.str(), args);
  return fmt.is_safe() ? Value::markup(std::move(out)) : Value(std::move(out));
}

}  // namespace

Value Renderer::lookup(std::string_view name) const {
  const Frame* f = frame_.get();
  const Frame* bottom = f;
  for (; f; f = f->parent.get()) {
    if (const Value* v = f->find_local(name)) return *v;
    bottom = f;
  }
  if (!bottom || bottom->with_context) {
    for (const Json* layer : {&context_, shared_}) {
      if (!layer || !layer->is_object()) continue;
      for (const auto& [key, value] : layer->get_ref<const Json::object_t&>())
        if (same_name(key, name)) return Value::from_json(value);
    }
  }
  const Json& globals = env_.globals();
  auto it = globals.find(name);
  if (it != globals.end()) return Value::from_json(*it);
  if (const Value* v = find_builtin_global(name)) return *v;
  if (name == "self") return Value(std::make_shared<SelfObject>());
  return Value::undefined(std::string(name));
}

Value Renderer::eval(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Const: return static_cast<const ConstExpr&>(e).value;
    case ExprKind::Name: return eval_name(static_cast<const NameExpr&>(e));
    case ExprKind::Getattr: {
      const auto& g = static_cast<const GetattrExpr&>(e);
      Value obj = eval(*g.obj);
      pos_ = g.pos;
      if (obj.is_dict() && !g.dict_method) return obj.dict_get(std::string_view(g.attr));
      return getattr(obj, g.attr);
    }
    case ExprKind::Getitem: {
      const auto& g = static_cast<const GetitemExpr&>(e);
      Value obj = eval(*g.obj);
      Value key = eval(*g.key);
      pos_ = g.pos;
      return getitem(obj, key);
    }
    case ExprKind::Slice: return eval_slice(static_cast<const SliceExpr&>(e));
    case ExprKind::ListLit: return eval_list(static_cast<const ListExpr&>(e));
    case ExprKind::DictLit: return eval_dict(static_cast<const DictExpr&>(e));
    case ExprKind::Unary: return eval_unary(static_cast<const UnaryExpr&>(e));
    case ExprKind::Binary: return eval_binary(static_cast<const BinaryExpr&>(e));
    case ExprKind::Compare: return eval_compare(static_cast<const CompareExpr&>(e));
    case ExprKind::Concat: return eval_concat(static_cast<const ConcatExpr&>(e));
    case ExprKind::CondExpr: {
      const auto& c = static_cast<const CondExpr&>(e);
      if (truthy(eval(*c.test))) return eval(*c.then);
      if (c.otherwise) return eval(*c.otherwise);
      return Value::undefined("inline if-expression");
    }
    case ExprKind::Filter: return eval_filter(static_cast<const FilterExpr&>(e), nullptr);
    case ExprKind::Test: return eval_test(static_cast<const TestExpr&>(e));
    case ExprKind::Call: return *eval_call(static_cast<const CallExpr&>(e));
  }
  return Value();
}

Value Renderer::eval_name(const NameExpr& e) {
  pos_ = e.pos;
  return lookup(e.name);
}

Value Renderer::eval_unary(const UnaryExpr& e) {
  Value v = eval(*e.operand);
  pos_ = e.pos;
  switch (e.op) {
    case UnaryOp::Not: return Value(!truthy(v));
    case UnaryOp::Neg: return py_neg(v);
    case UnaryOp::Pos: return py_pos(v);
  }
  return v;
}

Value Renderer::eval_binary(const BinaryExpr& e) {
  Value a = eval(*e.lhs);
  if (e.op == BinOp::And) return truthy(a) ? eval(*e.rhs) : a;
  if (e.op == BinOp::Or) return truthy(a) ? a : eval(*e.rhs);
  Value b = eval(*e.rhs);
  pos_ = e.pos;
  switch (e.op) {
    case BinOp::Add: return py_add(a, b);
    case BinOp::Sub: return py_sub(a, b);
    case BinOp::Mul: return py_mul(a, b);
    case BinOp::Div: return py_div(a, b);
    case BinOp::FloorDiv: return py_floordiv(a, b);
    case BinOp::Mod:
      if (a.is_string()) return string_percent(a, b);
      return py_mod(a, b);
    case BinOp::Pow: return py_pow(a, b);
    default: return Value();
  }
}

Value Renderer::eval_compare(const CompareExpr& e) {
  Value left = eval(*e.first);
  for (const auto& [op, expr] : e.rest) {
    Value right = eval(*expr);
    pos_ = e.pos;
    bool ok;
    switch (op) {
      case CmpOp::Eq: use(left); use(right); ok = py_equal(left, right); break;
      case CmpOp::Ne: use(left); use(right); ok = !py_equal(left, right); break;
      case CmpOp::Lt: ok = py_compare(left, right) < 0; break;
      case CmpOp::Le: ok = py_compare(left, right) <= 0; break;
      case CmpOp::Gt: ok = py_compare(left, right) > 0; break;
      case CmpOp::Ge: ok = py_compare(left, right) >= 0; break;
      case CmpOp::In: use(right); use(left); ok = py_contains(right, left); break;
      case CmpOp::NotIn: use(right); use(left); ok = !py_contains(right, left); break;
      default: ok = false;
    }
    if (!ok) return Value(false);
    left = std::move(right);
  }
  return Value(true);
}

// `~` joins str() of the parts; with autoescape, any Markup part makes the
// result Markup and escapes the others (jinja2.runtime.markup_join).
Value Renderer::eval_concat(const ConcatExpr& e) {
  std::vector<Value> parts;
  parts.reserve(e.parts.size());
  bool any_safe = false;
  for (const auto& p : e.parts) {
    parts.push_back(eval(*p));
    use(parts.back());
    any_safe |= parts.back().is_safe();
  }
  std::string out;
  if (e.autoescape && any_safe) {
    for (const auto& v : parts) out += to_markup(v);
    return Value::markup(std::move(out));
  }
  for (const auto& v : parts) append_str(out, v);
  return Value(std::move(out));
}

Value Renderer::eval_slice(const SliceExpr& e) {
  Value obj = eval(*e.obj);
  Value a = e.start ? eval(*e.start) : Value(nullptr);
  Value b = e.stop ? eval(*e.stop) : Value(nullptr);
  Value c = e.step ? eval(*e.step) : Value(nullptr);
  pos_ = e.pos;
  if (obj.is_string()) {
    std::vector<char32_t> cps = utf8::decode(obj.str());
    std::string out;
    for_slice(slice_indices(std::int64_t(cps.size()), a, b, c), [&](std::size_t i) { utf8::append(out, cps[i]); });
    return obj.is_safe() ? Value::markup(std::move(out)) : Value(std::move(out));
  }
  if (obj.is_list()) {
    List out;
    for_slice(slice_indices(std::int64_t(obj.list_size()), a, b, c), [&](std::size_t i) { out.push_back(obj.list_at(i)); });
    return Value(std::move(out), obj.is_tuple());
  }
  use(obj);
  if (obj.is_undefined()) throw RenderError(obj.undefined_message());
  throw RenderError("'" + type_name(obj) + "' object is not subscriptable");
}

Value Renderer::eval_list(const ListExpr& e) {
  List items;
  items.reserve(e.items.size());
  for (const auto& item : e.items) items.push_back(eval(*item));
  return Value(std::move(items), e.tuple);
}

Value Renderer::eval_dict(const DictExpr& e) {
  Dict d;
  d.items.reserve(e.items.size());
  for (const auto& [k, v] : e.items) {
    Value key = eval(*k);
    d.set(std::move(key), eval(*v));
  }
  return Value(std::move(d));
}

void Renderer::eval_args(const Args& a, CallArgs& out) {
  out.pos.reserve(a.pos.size());
  for (const auto& p : a.pos) out.pos.push_back(eval(*p));
  if (a.star) {
    for (auto& v : iterate(eval(*a.star))) out.pos.push_back(std::move(v));
  }
  for (const auto& [k, v] : a.kw) out.kw.emplace_back(k, eval(*v));
  if (a.dstar) {
    Value d = eval(*a.dstar);
    if (!d.is_dict()) throw RenderError("argument after ** must be a mapping");
    out.keep_alive.push_back(d);
    for (std::size_t i = 0; i < d.dict_size(); ++i) {
      Value key = d.dict_key(i);
      if (!key.is_string()) throw RenderError("keywords must be strings");
      out.keep_alive.push_back(key);
      out.kw.emplace_back(out.keep_alive.back().str(), d.dict_value(i));
    }
  }
}

Value Renderer::eval_filter(const FilterExpr& e, const Value* block_input) {
  Value input = e.input ? eval(*e.input) : *block_input;
  CallArgs args;
  eval_args(e.args, args);
  pos_ = e.pos;
  FilterContext ctx{*this, e.autoescape};
  return e.fn(ctx, input, args);
}

Value Renderer::eval_with_input(const Expr& e, const Value& input) {
  if (e.kind != ExprKind::Filter) return eval(e);
  const auto& f = static_cast<const FilterExpr&>(e);
  if (!f.input) return eval_filter(f, &input);
  Value inner = eval_with_input(*f.input, input);
  CallArgs args;
  eval_args(f.args, args);
  pos_ = f.pos;
  FilterContext ctx{*this, f.autoescape};
  return f.fn(ctx, inner, args);
}

Value Renderer::eval_test(const TestExpr& e) {
  Value input = eval(*e.input);
  CallArgs args;
  eval_args(e.args, args);
  pos_ = e.pos;
  FilterContext ctx{*this, e.autoescape};
  return Value(e.fn(ctx, input, args));
}

std::optional<Value> Renderer::eval_call(const CallExpr& e, std::string* print_to, bool autoescape) {
  Value callee;
  if (e.callee->kind == ExprKind::Getattr) {
    const auto& g = static_cast<const GetattrExpr&>(*e.callee);
    Value obj = eval(*g.obj);
    if (!obj.is_object() || dynamic_cast<LoopObject*>(obj.object()) || dynamic_cast<CyclerObject*>(obj.object())) {
      CallArgs args;  // a method of a value, loop or cycler: no bound-method object
      eval_args(e.args, args);
      pos_ = e.pos;
      return call_method(obj, g.attr, args);
    }
    callee = obj.object()->get_attr(g.attr);  // a module's macro, a namespace's member: before the arguments
  } else {
    callee = eval(*e.callee);
  }
  CallArgs args;
  eval_args(e.args, args);
  pos_ = e.pos;
  if (auto* macro = print_to && callee.is_object() ? dynamic_cast<MacroObject*>(callee.object()) : nullptr)
    if (macro->call_into(*this, args, *print_to, autoescape)) return std::nullopt;
  return call(callee, args);
}

Value Renderer::call(const Value& callee, CallArgs& args) {
  if (callee.is_object() && callee.object()->callable()) return callee.object()->call(*this, args);
  if (callee.is_undefined()) throw RenderError(callee.undefined_message());
  throw RenderError("'" + type_name(callee) + "' object is not callable");
}

Value Renderer::call_method(const Value& obj, std::string_view name, CallArgs& args) {
  if (obj.is_object()) {
    if (auto* loop = dynamic_cast<LoopObject*>(obj.object())) return loop->call_method(*this, name, args);
    if (auto* cyc = dynamic_cast<CyclerObject*>(obj.object())) {
      if (name == "next" || name == "reset") return cyc->call_method(name);
    }
    return call(obj.object()->get_attr(name), args);
  }
  if ((obj.is_dict() && is_dict_method(name)) || (obj.is_string() && is_str_method(name)) ||
      (obj.is_list() && is_list_method(name)))
    return call_builtin_method(*this, obj, name, args);
  return call(getattr(obj, name), args);
}

Value Renderer::getattr(const Value& obj, std::string_view name) {
  switch (obj.kind()) {
    case Kind::Dict:
      if (is_dict_method(name)) return Value(std::make_shared<BoundMethod>(obj, std::string(name)));
      return obj.dict_get(name);
    case Kind::Object: return obj.object()->get_attr(name);
    case Kind::Undefined: throw RenderError(obj.undefined_message());
    case Kind::String:
      if (is_str_method(name)) return Value(std::make_shared<BoundMethod>(obj, std::string(name)));
      break;
    case Kind::List:
      if (obj.is_group() && name == "grouper") return obj.list_at(0);
      if (obj.is_group() && name == "list") return obj.list_at(1);
      if (is_list_method(name)) return Value(std::make_shared<BoundMethod>(obj, std::string(name)));
      break;
    default: break;
  }
  return Value::undefined_attr(type_name(obj) + " object", std::string(name));
}

Value Renderer::getitem(const Value& obj, const Value& key) {
  switch (obj.kind()) {
    case Kind::Dict: {
      Value v = obj.dict_get(key);
      if (v.is_undefined() && key.is_string() && is_dict_method(key.str())) return getattr(obj, key.str());
      return v;
    }
    case Kind::List:
    case Kind::String: {
      if (!key.is_int() && !key.is_bool()) {
        if (key.is_string()) return getattr(obj, key.str());
        break;
      }
      std::int64_t n = std::int64_t(obj.is_list() ? obj.list_size() : utf8::length(obj.str()));
      std::int64_t i = key.as_int();
      if (i < 0) i += n;
      if (i < 0 || i >= n) break;
      if (obj.is_list()) return obj.list_at(std::size_t(i));
      std::string_view s = obj.str();
      std::size_t b = utf8::offset_of(s, std::size_t(i));
      std::size_t k = b;
      utf8::next(s, k);
      return Value(std::string(s.substr(b, k - b)));
    }
    case Kind::Object:
      if (key.is_string()) return obj.object()->get_attr(key.str());
      break;
    case Kind::Undefined: throw RenderError(obj.undefined_message());
    default: break;
  }
  return Value::undefined_attr(type_name(obj) + " object", py_repr(key));
}

std::vector<Value> Renderer::iterate(const Value& v) const {
  std::vector<Value> out;
  switch (v.kind()) {
    case Kind::List:
      out.reserve(v.list_size());
      for (std::size_t i = 0; i < v.list_size(); ++i) out.push_back(v.list_at(i));
      return out;
    case Kind::Dict:
      out.reserve(v.dict_size());
      for (std::size_t i = 0; i < v.dict_size(); ++i) out.push_back(v.dict_key(i));
      return out;
    case Kind::String: {
      std::string_view s = v.str();
      for (std::size_t i = 0; i < s.size();) {
        std::size_t b = i;
        utf8::next(s, i);
        out.emplace_back(std::string(s.substr(b, i - b)));
      }
      return out;
    }
    case Kind::Undefined: use(v); return out;
    default: throw RenderError("'" + type_name(v) + "' object is not iterable");
  }
}

Value Renderer::apply_filter(std::string_view name, const Value& input, const CallArgs& args, bool autoescape) {
  FilterFn fn = env_.extensions().filter(name);
  if (!fn) throw RenderError("No filter named '" + std::string(name) + "'");
  FilterContext ctx{*this, autoescape};
  return fn(ctx, input, args);
}

bool Renderer::apply_test(std::string_view name, const Value& input, const CallArgs& args) {
  TestFn fn = env_.extensions().test(name);
  if (!fn) throw RenderError("No test named '" + std::string(name) + "'");
  FilterContext ctx{*this, false};
  return fn(ctx, input, args);
}

}  // namespace hyoka::tmpl
