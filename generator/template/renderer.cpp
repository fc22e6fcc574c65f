#include "template/renderer.hpp"

#include <algorithm>
#include <cstring>

#include "template/error.hpp"
#include "template/objects.hpp"
#include "template/python.hpp"

namespace hyoka::tmpl {

namespace {
// Deep enough for real recursive navigation trees, shallow enough that the
// C++ stack (also in worker threads) never overflows.
constexpr int kMaxDepth = 120;

std::size_t count_lines(const char* s) { return static_cast<std::size_t>(std::count(s, s + std::strlen(s), '\n')); }
}  // namespace

template <class Self>
auto* Frame::find(Self& frame, std::string_view name) {
  decltype(&frame.first_[0].second) found = nullptr;
  for (std::size_t i = 0; i < std::min(frame.count_, kInline) && !found; ++i)
    if (same_name(frame.first_[i].first, name)) found = &frame.first_[i].second;
  for (std::size_t i = 0; i < frame.more_.size() && !found; ++i)
    if (same_name(frame.more_[i].first, name)) found = &frame.more_[i].second;
  return found;
}

const Value* Frame::find_local(std::string_view name) const { return find(*this, name); }

void Frame::set(std::string_view name, Value value) {
  if (Value* existing = find(*this, name)) {
    *existing = std::move(value);
    return;
  }
  if (count_ < kInline) first_[count_] = {name, std::move(value)};
  else more_.emplace_back(name, std::move(value));
  ++count_;
}

void Frame::clear() {
  for (std::size_t i = 0; i < std::min(count_, kInline); ++i) first_[i] = {};
  more_.clear();
  count_ = 0;
}

Renderer::Renderer(const Environment& env, const Json& context, const Json* shared)
    : env_(env), context_(context), shared_(shared), strict_(env.options().strict_undefined) {}

Renderer::~Renderer() {
  for (const auto& weak : tracked_objects_)
    if (auto object = weak.lock()) object->release();
  for (const auto& weak : tracked_lists_)
    if (auto list = weak.lock()) static_cast<List*>(list.get())->clear();
}

std::string Renderer::render(const Template& t) {
  std::string out;
  out.reserve(16384);  // a typical page: grown once or never
  out_ = &out;
  auto frame = std::make_shared<Frame>();
  tmpl_name_ = &t.name;
  try {
    render_root(t, frame);
  } catch (const RenderError& e) {
    throw TemplateError(*tmpl_name_, int(pos_.line), int(pos_.column), e.what());
  }
  return out;
}

// Renders a template with its own inheritance state (used for the page
// itself, includes and imports).
void Renderer::render_root(const Template& t, const FramePtr& frame) {
  auto saved_blocks = std::move(blocks_);
  auto saved_parent = std::move(parent_);
  bool saved_extends = extends_done_;
  FramePtr saved_frame = frame_, saved_root = root_frame_;
  std::string* saved_out = out_;
  blocks_.clear();
  for (const auto& [name, block] : t.blocks) blocks_[name].push_back(block);
  parent_.reset();
  extends_done_ = false;
  frame_ = root_frame_ = frame;
  std::string discarded;
  exec_body(t.body);
  while (parent_) {
    auto parent = std::move(parent_);
    keep_alive_.push_back(parent);
    for (const auto& [name, block] : parent->blocks) blocks_[name].push_back(block);
    extends_done_ = false;
    out_ = saved_out;
    in_template(&parent->name, "extended by", pos_, [&] { exec_body(parent->body); });
  }
  out_ = saved_out;
  blocks_ = std::move(saved_blocks);
  parent_ = std::move(saved_parent);
  extends_done_ = saved_extends;
  frame_ = saved_frame;
  root_frame_ = saved_root;
}

template <class F>
void Renderer::in_template(const std::string* name, const char* how, Pos from, F&& body) {
  const std::string* saved_name = tmpl_name_;
  Pos saved_pos = pos_;
  auto chain = [&](const TemplateError& e) {
    std::size_t lines = count_lines(e.what());
    if (lines > 8) return TemplateError(e);
    if (lines == 8) return TemplateError(e, "...");
    return TemplateError(e, std::string(how) + " " + *saved_name + ":" + std::to_string(from.line) + ":" +
                                std::to_string(from.column));
  };
  if (depth_ >= kMaxDepth) throw RenderError("maximum recursion depth exceeded");
  ++depth_;
  tmpl_name_ = name;
  try {
    body();
  } catch (const RenderError& e) {
    --depth_;
    TemplateError inner(*tmpl_name_, int(pos_.line), int(pos_.column), e.what());
    tmpl_name_ = saved_name;
    pos_ = saved_pos;
    throw chain(inner);
  } catch (const TemplateError& e) {
    --depth_;
    tmpl_name_ = saved_name;
    pos_ = saved_pos;
    throw chain(e);
  }
  --depth_;
  tmpl_name_ = saved_name;
  pos_ = saved_pos;
}

void Renderer::use(const Value& v) const {
  if (strict_ && v.is_undefined()) throw RenderError(v.undefined_message());
}

bool Renderer::truthy(const Value& v) const {
  use(v);
  return tmpl::truthy(v);
}

std::string Renderer::str(const Value& v) const {
  use(v);
  return py_str(v);
}

// ------------------------------------------------------------ statements

void Renderer::exec_body(const Body& body) {
  for (const auto& s : body) exec(*s);
}

void Renderer::exec(const Stmt& s) {
  pos_ = s.pos;
  switch (s.kind) {
    case StmtKind::Text:
      *out_ += static_cast<const TextStmt&>(s).text;
      return;
    case StmtKind::Print: return exec_print(static_cast<const PrintStmt&>(s));
    case StmtKind::If: return exec_if(static_cast<const IfStmt&>(s));
    case StmtKind::For: {
      const auto& f = static_cast<const ForStmt&>(s);
      Value iterable = eval(*f.iter);
      return exec_for(f, frame_, iterable, 0);
    }
    case StmtKind::Set: return exec_set(static_cast<const SetStmt&>(s));
    case StmtKind::SetBlock: return exec_set_block(static_cast<const SetBlockStmt&>(s));
    case StmtKind::Macro: return exec_macro(static_cast<const MacroStmt&>(s));
    case StmtKind::CallBlock: return exec_call_block(static_cast<const CallBlockStmt&>(s));
    case StmtKind::FilterBlock: return exec_filter_block(static_cast<const FilterBlockStmt&>(s));
    case StmtKind::With: return exec_with(static_cast<const WithStmt&>(s));
    case StmtKind::Block: return exec_block(static_cast<const BlockStmt&>(s));
    case StmtKind::Extends: return exec_extends(static_cast<const ExtendsStmt&>(s));
    case StmtKind::Include: return exec_include(static_cast<const IncludeStmt&>(s));
    case StmtKind::Import: return exec_import(static_cast<const ImportStmt&>(s));
    case StmtKind::FromImport: return exec_from_import(static_cast<const FromImportStmt&>(s));
    case StmtKind::Scope: return exec_body(static_cast<const ScopeStmt&>(s).body);
  }
}

void Renderer::exec_print(const PrintStmt& s) {
  if (s.expr->kind == ExprKind::Call) {
    if (auto v = eval_call(static_cast<const CallExpr&>(*s.expr), out_, s.autoescape)) print(*v, s.autoescape);
    return;
  }
  print(eval(*s.expr), s.autoescape);
}

void Renderer::print(const Value& v, bool autoescape) {
  std::string& out = *out_;
  switch (v.kind()) {
    case Kind::String:
      if (autoescape && !v.is_safe()) escape_html(out, v.str());
      else out += v.str();
      return;
    case Kind::Undefined: use(v); return;
    case Kind::Int: case Kind::Float: case Kind::Bool: case Kind::None: append_str(out, v); return;
    default:
      if (autoescape) out += to_markup(v);
      else append_str(out, v);
  }
}

void Renderer::exec_if(const IfStmt& s) {
  for (const auto& [test, body] : s.branches) {
    if (truthy(eval(*test))) return exec_body(body);
  }
  exec_body(s.otherwise);
}

void Renderer::exec_for(const ForStmt& s, const FramePtr& outer, const Value& iterable, int depth) {
  auto items = std::make_shared<std::vector<Value>>(iterate(iterable));
  auto frame = std::make_shared<Frame>();
  frame->parent = outer;
  FramePtr saved = frame_;
  frame_ = frame;
  if (s.filter) {  // the inline `if` filters before loop.* is computed
    std::vector<Value> kept;
    for (auto& item : *items) {
      assign(s.target, item, *frame);
      if (truthy(eval(*s.filter))) kept.push_back(std::move(item));
    }
    *items = std::move(kept);
  }
  std::shared_ptr<LoopObject> loop;
  Value loop_value;
  if (s.uses_loop) {
    loop = track(std::make_shared<LoopObject>(items, depth, &s, outer));
    loop_value = Value(std::static_pointer_cast<Object>(loop));
  }
  for (std::size_t i = 0; i < items->size(); ++i) {
    // Every iteration starts from the outer scope: a `set` in the body does
    // not carry over to the next iteration (Jinja2 semantics).
    frame->clear();
    if (loop) {
      loop->index0 = i;
      frame->set("loop", loop_value);
    }
    assign(s.target, (*items)[i], *frame);
    exec_body(s.body);
  }
  if (items->empty()) exec_body(s.otherwise);
  frame_ = saved;
}

std::string Renderer::render_loop_again(const ForStmt& stmt, const FramePtr& outer, const Value& iterable,
                                        int depth) {
  std::string buf;
  std::string* saved = out_;
  out_ = &buf;
  if (depth_ >= kMaxDepth) throw RenderError("maximum recursion depth exceeded");
  ++depth_;
  exec_for(stmt, outer, iterable, depth);
  --depth_;
  out_ = saved;
  return buf;
}

void Renderer::assign(const Target& t, const Value& v, Frame& frame) {
  if (!t.tuple) {
    if (!t.attr.empty()) {
      Value ns = lookup(t.name);
      if (!ns.is_object() || !ns.object()->set_attr(t.attr, v))
        throw RenderError("can only assign attributes of namespace objects");
      return;
    }
    frame.set(t.name, v);
    return;
  }
  std::vector<Value> parts = iterate(v);
  if (parts.size() != t.items.size())
    throw RenderError(parts.size() > t.items.size()
                          ? "too many values to unpack (expected " + std::to_string(t.items.size()) + ")"
                          : "not enough values to unpack (expected " + std::to_string(t.items.size()) + ", got " +
                                std::to_string(parts.size()) + ")");
  for (std::size_t i = 0; i < parts.size(); ++i) assign(t.items[i], parts[i], frame);
}

void Renderer::exec_set(const SetStmt& s) { assign(s.target, eval(*s.value), *frame_); }

std::string Renderer::capture(const Body& body) {
  std::string buf;
  std::string* saved = out_;
  out_ = &buf;
  exec_body(body);
  out_ = saved;
  return buf;
}

void Renderer::exec_set_block(const SetBlockStmt& s) {
  std::string text = capture(s.body);
  Value v = s.autoescape ? Value::markup(std::move(text)) : Value(std::move(text));
  if (s.filter) v = eval_with_input(*s.filter, v);
  assign(s.target, v, *frame_);
}

void Renderer::exec_macro(const MacroStmt& s) {
  frame_->set(s.def->name, Value(track(std::make_shared<MacroObject>(s.def, frame_))));
}

void Renderer::exec_call_block(const CallBlockStmt& s) {
  const auto& call = static_cast<const CallExpr&>(*s.call);
  Value caller(track(std::make_shared<MacroObject>(s.caller, frame_)));
  Value callee = eval(*call.callee);
  CallArgs args;
  eval_args(call.args, args);
  args.kw.emplace_back("caller", caller);
  pos_ = call.pos;
  Value result = this->call(callee, args);
  std::string& out = *out_;
  if (s.autoescape) out += to_markup(result);
  else append_str(out, result);
}

void Renderer::exec_filter_block(const FilterBlockStmt& s) {
  auto frame = std::make_shared<Frame>();
  frame->parent = frame_;
  FramePtr saved = frame_;
  frame_ = frame;
  std::string text = capture(s.body);
  frame_ = saved;
  Value v = s.autoescape ? Value::markup(std::move(text)) : Value(std::move(text));
  Value result = eval_with_input(*s.filter, v);
  if (s.autoescape) *out_ += to_markup(result);
  else append_str(*out_, result);
}

void Renderer::exec_with(const WithStmt& s) {
  auto frame = std::make_shared<Frame>();
  frame->parent = frame_;
  // Values are evaluated in the outer scope, like Jinja2.
  for (const auto& [target, expr] : s.assignments) assign(target, eval(*expr), *frame);
  FramePtr saved = frame_;
  frame_ = frame;
  exec_body(s.body);
  frame_ = saved;
}

void Renderer::exec_block(const BlockStmt& s) {
  if (extends_done_) return;  // the parent template renders it
  auto it = blocks_.find(s.name);
  if (it == blocks_.end()) return;
  const BlockStmt& top = *it->second.front();
  auto frame = std::make_shared<Frame>();
  frame->parent = s.scoped ? frame_ : root_frame_;
  FramePtr saved = frame_;
  frame_ = frame;
  in_template(&top.template_name, "in block of", s.pos, [&] {
    if (top.required) throw RenderError("Required block '" + top.name + "' not found");
    frame->set("super", Value(std::make_shared<BlockRefObject>(s.name, 1)));
    exec_body(top.body);
  });
  frame_ = saved;
}

bool Renderer::has_block(const std::string& name, std::size_t index) const {
  auto it = blocks_.find(name);
  return it != blocks_.end() && index < it->second.size();
}

std::string Renderer::render_block(const std::string& name, std::size_t index) {
  auto it = blocks_.find(name);
  if (it == blocks_.end() || index >= it->second.size())
    throw RenderError(index == 0 ? "no block named '" + name + "'" : "no parent block of '" + name + "'");
  const BlockStmt& b = *it->second[index];
  auto frame = std::make_shared<Frame>();
  frame->parent = root_frame_;
  FramePtr saved = frame_;
  frame_ = frame;
  std::string buf;
  std::string* saved_out = out_;
  out_ = &buf;
  in_template(&b.template_name, "in block of", pos_, [&] {
    frame->set("super", Value(std::make_shared<BlockRefObject>(name, index + 1)));
    exec_body(b.body);
  });
  out_ = saved_out;
  frame_ = saved;
  return buf;
}

void Renderer::exec_extends(const ExtendsStmt& s) {
  if (parent_) throw RenderError("extended multiple times");
  Value name = eval(*s.tmpl);
  pos_ = s.pos;
  parent_ = load(name, false);
  extends_done_ = true;
  // Output after {% extends %} is discarded, as in Jinja2.
  sink_.clear();
  out_ = &sink_;
}

std::shared_ptr<const Template> Renderer::load(const Value& name, bool ignore_missing) {
  try {
    return load_named(name, ignore_missing);
  } catch (const TemplateError& e) {  // syntax error in the loaded template
    throw TemplateError(e, "loaded from " + *tmpl_name_ + ":" + std::to_string(pos_.line) + ":" +
                               std::to_string(pos_.column));
  }
}

std::shared_ptr<const Template> Renderer::load_named(const Value& name, bool ignore_missing) {
  if (name.is_list()) {
    std::string tried;
    for (const Value& n : iterate(name)) {
      try {
        return env_.get_template(str(n));
      } catch (const TemplateNotFound&) {
        tried += (tried.empty() ? "" : ", ") + py_str(n);
      }
    }
    if (ignore_missing) return nullptr;
    throw TemplateNotFound("none of the templates given were found: " + tried);
  }
  if (name.is_object()) throw RenderError("template objects are not supported");
  try {
    return env_.get_template(str(name));
  } catch (const TemplateNotFound&) {
    if (ignore_missing) return nullptr;
    throw;
  }
}

void Renderer::exec_include(const IncludeStmt& s) {
  Value name = eval(*s.tmpl);
  pos_ = s.pos;
  auto t = load(name, s.ignore_missing);
  if (!t) return;
  keep_alive_.push_back(t);
  auto frame = std::make_shared<Frame>();
  if (s.with_context) frame->parent = frame_;
  frame->with_context = s.with_context;
  in_template(&t->name, "included from", s.pos, [&] { render_root(*t, frame); });
}

FramePtr Renderer::import_module(const Value& name, bool with_context) {
  auto t = load(name, false);
  keep_alive_.push_back(t);
  auto frame = std::make_shared<Frame>();
  if (with_context) frame->parent = frame_;
  frame->with_context = with_context;
  std::string discard;
  std::string* saved = out_;
  out_ = &discard;
  in_template(&t->name, "imported from", pos_, [&] { render_root(*t, frame); });
  out_ = saved;
  return frame;
}

void Renderer::exec_import(const ImportStmt& s) {
  Value name = eval(*s.tmpl);
  pos_ = s.pos;
  FramePtr module = import_module(name, s.with_context);
  frame_->set(s.alias, Value(track(std::make_shared<ModuleObject>(py_str(name), module))));
}

void Renderer::exec_from_import(const FromImportStmt& s) {
  Value name = eval(*s.tmpl);
  pos_ = s.pos;
  FramePtr module = import_module(name, s.with_context);
  for (const auto& [n, alias] : s.names) {
    const Value* v = module->find_local(n);
    // A missing name is only an error once it is used, like Jinja2.
    frame_->set(alias, v ? *v : Value::undefined(n));
  }
}

Value Renderer::call_macro(const std::shared_ptr<const MacroDef>& def, const FramePtr& closure, CallArgs& args) {
  std::string buf;
  buf.reserve(256);
  call_macro_into(def, closure, args, buf);
  return def->autoescape ? Value::markup(std::move(buf)) : Value(std::move(buf));
}

void Renderer::call_macro_into(const std::shared_ptr<const MacroDef>& def, const FramePtr& closure, CallArgs& args,
                               std::string& buf) {
  auto frame = std::make_shared<Frame>();
  frame->parent = closure;
  std::size_t np = def->params.size();
  if (args.pos.size() > np && !def->catch_varargs)
    throw RenderError("macro '" + def->name + "' takes not more than " + std::to_string(np) + " argument(s)");
  // Macros are called thousands of times a site: no heap for the usual few parameters.
  bool few[16] = {};
  std::unique_ptr<bool[]> many(np > 16 ? new bool[np]() : nullptr);
  bool* bound = many ? many.get() : few;
  for (std::size_t i = 0; i < np && i < args.pos.size(); ++i) {
    frame->set(def->params[i].first, args.pos[i]);
    bound[i] = true;
  }
  Dict extra_kw;
  Value caller;
  for (auto& [key, val] : args.kw) {
    // An init-capture: clang before 16 cannot capture a structured binding.
    auto it = std::find_if(def->params.begin(), def->params.end(), [&k = key](const auto& p) { return p.first == k; });
    if (it != def->params.end()) {
      std::size_t idx = static_cast<std::size_t>(it - def->params.begin());
      if (bound[idx]) throw RenderError("macro '" + def->name + "' got multiple values for argument '" + it->first + "'");
      frame->set(it->first, val);
      bound[idx] = true;
    } else if (key == "caller" && def->catch_caller) {
      caller = val;
    } else if (def->catch_kwargs) {
      extra_kw.items.emplace_back(Value(std::string(key)), val);
    } else {
      throw RenderError("macro '" + def->name + "' takes no keyword argument '" + std::string(key) + "'");
    }
  }
  std::string* saved_out = out_;
  FramePtr saved_frame = frame_;
  frame_ = frame;
  out_ = &buf;
  in_template(&def->template_name, "in macro called from", pos_, [&] {
    // Defaults are evaluated at call time and may refer to earlier parameters.
    for (std::size_t i = 0; i < np; ++i) {
      if (bound[i]) continue;
      const auto& [pname, dflt] = def->params[i];
      frame->set(pname, dflt ? eval(*dflt) : Value::undefined(pname));
    }
    if (def->catch_varargs) {
      List rest;
      for (std::size_t i = np; i < args.pos.size(); ++i) rest.push_back(args.pos[i]);
      frame->set("varargs", Value(std::move(rest), true));
    }
    if (def->catch_kwargs) frame->set("kwargs", Value(std::move(extra_kw)));
    if (def->catch_caller) frame->set("caller", caller);
    exec_body(def->body);
  });
  out_ = saved_out;
  frame_ = saved_frame;
}

}  // namespace hyoka::tmpl
