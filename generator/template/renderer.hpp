#pragma once
// Renderer: walks a parsed Template with a context and produces text.
// One Renderer per render call; it holds all mutable state, so one
// Environment can render on many threads at once.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "template/environment.hpp"
#include "template/node.hpp"
#include "template/value.hpp"

namespace hyoka::tmpl {

// A variable scope. Frames chain to their parent; the bottom frame decides
// whether the render context is visible (imports are context-free).
struct Frame {
  std::shared_ptr<Frame> parent;
  bool with_context = true;

  const Value* find_local(std::string_view name) const;
  void set(std::string_view name, Value value);  // adds or replaces
  void clear();                                  // a loop's next iteration starts empty

 private:
  using Var = std::pair<std::string_view, Value>;  // names live in the AST
  // Most scopes hold a few names (a macro's parameters, a loop's target):
  // those live in the frame itself, which is made for every macro call.
  static constexpr std::size_t kInline = 4;
  std::array<Var, kInline> first_{};
  std::size_t count_ = 0;
  std::vector<Var> more_;

  template <class Self>  // Frame or const Frame
  static auto* find(Self& frame, std::string_view name);
};
using FramePtr = std::shared_ptr<Frame>;

class LoopObject;

class Renderer {
 public:
  Renderer(const Environment& env, const Json& context, const Json* shared = nullptr);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  std::string render(const Template& t);

  // ---- services for filters, methods and objects
  bool strict() const { return strict_; }
  void use(const Value& v) const;  // strict mode: using an undefined value is an error
  Value lookup(std::string_view name) const;
  Value getattr(const Value& obj, std::string_view name);
  Value getitem(const Value& obj, const Value& key);
  Value call(const Value& callee, CallArgs& args);
  Value call_method(const Value& obj, std::string_view name, CallArgs& args);
  std::vector<Value> iterate(const Value& v) const;
  bool truthy(const Value& v) const;
  std::string str(const Value& v) const;
  Value apply_filter(std::string_view name, const Value& input, const CallArgs& args, bool autoescape);
  bool apply_test(std::string_view name, const Value& input, const CallArgs& args);
  Value call_macro(const std::shared_ptr<const MacroDef>& def, const FramePtr& closure, CallArgs& args);
  // The same, writing the macro's output to `out` instead of returning it.
  void call_macro_into(const std::shared_ptr<const MacroDef>& def, const FramePtr& closure, CallArgs& args,
                       std::string& out);
  std::string render_loop_again(const ForStmt& stmt, const FramePtr& outer, const Value& iterable, int depth);
  std::string render_block(const std::string& name, std::size_t index);
  bool has_block(const std::string& name, std::size_t index) const;
  const Environment& env() const { return env_; }
  // Values made while rendering can form reference cycles: a macro holds the
  // scope that holds the macro, `{% set ns.me = ns %}`, `l.append(l)`. Every
  // object or list that can close one is tracked here, and the destructor
  // releases them all (no value outlives its render), so nothing leaks.
  template <class T>
  const std::shared_ptr<T>& track(const std::shared_ptr<T>& object) {
    tracked_objects_.push_back(object);
    return object;
  }
  void track_list(const Value& list) {
    const auto& owner = list.holder();
    bool same = !tracked_lists_.empty() && !tracked_lists_.back().owner_before(owner) &&
                !owner.owner_before(tracked_lists_.back());
    if (!same) tracked_lists_.push_back(owner);  // appends in a loop: once
  }

 private:
  // statements
  void exec_body(const Body& body);
  void exec(const Stmt& s);
  void exec_print(const PrintStmt& s);
  void print(const Value& v, bool autoescape);
  void exec_if(const IfStmt& s);
  void exec_for(const ForStmt& s, const FramePtr& outer, const Value& iterable, int depth);
  void exec_set(const SetStmt& s);
  void exec_set_block(const SetBlockStmt& s);
  void exec_macro(const MacroStmt& s);
  void exec_call_block(const CallBlockStmt& s);
  void exec_filter_block(const FilterBlockStmt& s);
  void exec_with(const WithStmt& s);
  void exec_block(const BlockStmt& s);
  void exec_extends(const ExtendsStmt& s);
  void exec_include(const IncludeStmt& s);
  void exec_import(const ImportStmt& s);
  void exec_from_import(const FromImportStmt& s);
  void assign(const Target& t, const Value& v, Frame& frame);
  std::string capture(const Body& body);
  std::shared_ptr<const Template> load(const Value& name_or_list, bool ignore_missing);
  std::shared_ptr<const Template> load_named(const Value& name_or_list, bool ignore_missing);
  FramePtr import_module(const Value& name, bool with_context);
  void render_root(const Template& t, const FramePtr& frame);

  // expressions
  Value eval(const Expr& e);
  Value eval_name(const NameExpr& e);
  Value eval_unary(const UnaryExpr& e);
  Value eval_binary(const BinaryExpr& e);
  Value eval_compare(const CompareExpr& e);
  Value eval_concat(const ConcatExpr& e);
  Value eval_slice(const SliceExpr& e);
  Value eval_list(const ListExpr& e);
  Value eval_dict(const DictExpr& e);
  Value eval_filter(const FilterExpr& e, const Value* block_input);
  Value eval_test(const TestExpr& e);
  // `f(…)`, `obj.f(…)`. With `print_to`, a macro whose output would be
  // printed as is writes straight into it, and nothing is returned.
  std::optional<Value> eval_call(const CallExpr& e, std::string* print_to = nullptr, bool autoescape = false);
  void eval_args(const Args& a, CallArgs& out);
  Value eval_with_input(const Expr& e, const Value& input);

  // error context
  template <class F>
  void in_template(const std::string* name, const char* how, Pos from, F&& body);

  const Environment& env_;
  const Json& context_;
  const Json* shared_;  // looked up after context_
  bool strict_;
  std::string* out_ = nullptr;
  FramePtr frame_;
  FramePtr root_frame_;  // template-level frame of the current root render
  const std::string* tmpl_name_ = nullptr;
  Pos pos_;
  int depth_ = 0;
  bool extends_done_ = false;
  std::shared_ptr<const Template> parent_;
  std::map<std::string, std::vector<const BlockStmt*>, std::less<>> blocks_;
  std::vector<std::shared_ptr<const Template>> keep_alive_;
  std::string sink_;  // output after {% extends %} goes nowhere
  std::vector<std::weak_ptr<Object>> tracked_objects_;
  std::vector<std::weak_ptr<void>> tracked_lists_;
};

}  // namespace hyoka::tmpl
