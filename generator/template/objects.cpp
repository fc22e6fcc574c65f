#include "template/objects.hpp"

#include <algorithm>

#include "template/python.hpp"

namespace hyoka::tmpl {

Value MacroObject::get_attr(std::string_view name) const {
  if (name == "name") return Value::borrow(def_->name);
  if (name == "arguments") {
    List names;
    for (const auto& p : def_->params) names.push_back(Value::borrow(p.first));
    return Value(std::move(names), true);
  }
  if (name == "catch_kwargs") return Value(def_->catch_kwargs);
  if (name == "catch_varargs") return Value(def_->catch_varargs);
  if (name == "caller") return Value(def_->catch_caller);
  return Object::get_attr(name);
}

Value LoopObject::get_attr(std::string_view name) const {
  auto n = static_cast<std::int64_t>(items_.size());
  auto i = static_cast<std::int64_t>(index0);
  if (name == "index") return Value(i + 1);
  if (name == "index0") return Value(i);
  if (name == "revindex") return Value(n - i);
  if (name == "revindex0") return Value(n - i - 1);
  if (name == "first") return Value(i == 0);
  if (name == "last") return Value(i == n - 1);
  if (name == "length") return Value(n);
  if (name == "depth") return Value(std::int64_t(depth0_ + 1));
  if (name == "depth0") return Value(std::int64_t(depth0_));
  if (name == "previtem") return i > 0 ? items_[index0 - 1] : Value::undefined("there is no previous item");
  if (name == "nextitem") return i + 1 < n ? items_[index0 + 1] : Value::undefined("there is no next item");
  return Object::get_attr(name);
}

Value LoopObject::call(Renderer& r, CallArgs& args) {
  if (!stmt_->recursive) return Object::call(r, args);
  if (args.pos.size() != 1) throw RenderError("loop() takes exactly one argument");
  std::string out = r.render_loop_again(*stmt_, outer_, args.pos[0], depth0_ + 1);
  return stmt_->autoescape ? Value::markup(std::move(out)) : Value(std::move(out));
}

Value LoopObject::call_method(Renderer& r, std::string_view name, CallArgs& args) {
  if (name == "cycle") {
    if (args.pos.empty()) throw RenderError("no items for cycling given");
    return args.pos[index0 % args.pos.size()];
  }
  if (name == "changed") {
    bool changed = !changed_seen_ || changed_last_.size() != args.pos.size() ||
                   !std::equal(args.pos.begin(), args.pos.end(), changed_last_.begin(), py_equal);
    changed_seen_ = true;
    changed_last_ = args.pos;
    return Value(changed);
  }
  return r.call(get_attr(name), args);
}

std::string LoopObject::repr() const {
  return "<LoopContext " + std::to_string(index0 + 1) + "/" + std::to_string(items_.size()) + ">";
}

Value NamespaceObject::get_attr(std::string_view name) const {
  if (const Value* v = attrs.find(name)) return *v;
  return Value::undefined_attr("Namespace object", std::string(name));
}

bool NamespaceObject::set_attr(std::string_view name, Value value) {
  attrs.set(Value(std::string(name)), std::move(value));
  return true;
}

std::string NamespaceObject::repr() const { return "<Namespace " + py_repr(Value(Dict(attrs))) + ">"; }

Value CyclerObject::get_attr(std::string_view name) const {
  if (name == "current") return items_.empty() ? Value(nullptr) : items_[pos_];
  return Object::get_attr(name);
}

Value CyclerObject::call_method(std::string_view name) {
  if (name == "reset") {
    pos_ = 0;
    return Value(nullptr);
  }
  Value v = items_[pos_];
  pos_ = (pos_ + 1) % items_.size();
  return v;
}

Value JoinerObject::call(Renderer&, CallArgs&) {
  if (!used_) {
    used_ = true;
    return Value(std::string());
  }
  return sep_;
}

Value ModuleObject::get_attr(std::string_view name) const {
  if (const Value* v = frame_->find_local(name)) return *v;
  return Value::undefined_attr(repr(), std::string(name));
}

Value BlockRefObject::call(Renderer& r, CallArgs&) {
  std::string out = r.render_block(name_, index_);
  return Value::markup(std::move(out));
}

Value SelfObject::get_attr(std::string_view name) const {
  return Value(std::make_shared<BlockRefObject>(std::string(name), 0));
}

// ------------------------------------------------------------ globals

namespace {

Value g_range(Renderer&, CallArgs& args) {
  std::int64_t start = 0, stop = 0, step = 1;
  auto num = [](const Value& v) {
    if (!v.is_int() && !v.is_bool()) throw RenderError("'" + type_name(v) + "' object cannot be interpreted as an integer");
    return v.as_int();
  };
  if (args.pos.size() == 1) stop = num(args.pos[0]);
  else if (args.pos.size() >= 2) start = num(args.pos[0]), stop = num(args.pos[1]);
  if (args.pos.size() >= 3) step = num(args.pos[2]);
  if (args.pos.empty() || args.pos.size() > 3) throw RenderError("range expected 1 to 3 arguments");
  if (step == 0) throw RenderError("range() arg 3 must not be zero");
  List out;
  for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (out.size() >= 1000000) throw RenderError("range too big");
    out.emplace_back(i);
  }
  return Value(std::move(out));
}

Value g_dict(Renderer&, CallArgs& args) {
  Dict d;
  if (!args.pos.empty() && args.pos[0].is_dict())
    for (std::size_t i = 0; i < args.pos[0].dict_size(); ++i) d.set(args.pos[0].dict_key(i), args.pos[0].dict_value(i));
  for (auto& [k, v] : args.kw) d.set(Value(std::string(k)), v);
  return Value(std::move(d));
}

Value g_namespace(Renderer& r, CallArgs& args) {
  auto ns = r.track(std::make_shared<NamespaceObject>());
  if (!args.pos.empty() && args.pos[0].is_dict())
    for (std::size_t i = 0; i < args.pos[0].dict_size(); ++i)
      ns->attrs.set(args.pos[0].dict_key(i), args.pos[0].dict_value(i));
  for (auto& [k, v] : args.kw) ns->attrs.set(Value(std::string(k)), v);
  return Value(std::static_pointer_cast<Object>(ns));
}

Value g_cycler(Renderer&, CallArgs& args) {
  if (args.pos.empty()) throw RenderError("at least one item has to be provided");
  return Value(std::make_shared<CyclerObject>(args.pos));
}

Value g_joiner(Renderer&, CallArgs& args) {
  Value sep = !args.pos.empty() ? args.pos[0] : args.find_kw("sep") ? *args.find_kw("sep") : Value(", ");
  return Value(std::make_shared<JoinerObject>(sep));
}

struct GlobalEntry {
  const char* name;
  Value value;
};

// Immutable after construction: builtin function objects are stateless.
const std::vector<GlobalEntry>& builtin_globals() {
  static const std::vector<GlobalEntry> table = {
      {"range", Value(std::make_shared<BuiltinFunction>("range", g_range))},
      {"dict", Value(std::make_shared<BuiltinFunction>("dict", g_dict))},
      {"namespace", Value(std::make_shared<BuiltinFunction>("namespace", g_namespace))},
      {"cycler", Value(std::make_shared<BuiltinFunction>("cycler", g_cycler))},
      {"joiner", Value(std::make_shared<BuiltinFunction>("joiner", g_joiner))},
  };
  return table;
}

}  // namespace

const Value* find_builtin_global(std::string_view name) {
  for (const auto& g : builtin_globals())
    if (name == g.name) return &g.value;
  return nullptr;
}

}  // namespace hyoka::tmpl
