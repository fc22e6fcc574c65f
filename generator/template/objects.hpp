#pragma once
// Runtime objects with attributes or call behaviour: macros, the loop
// variable, namespace(), cycler(), joiner(), imported modules, super/self,
// bound methods and the built-in global functions.
#include <memory>
#include <string>
#include <vector>

#include "template/node.hpp"
#include "template/renderer.hpp"
#include "template/value.hpp"

namespace hyoka::tmpl {

class MacroObject : public Object {
 public:
  MacroObject(std::shared_ptr<const MacroDef> def, FramePtr closure)
      : def_(std::move(def)), closure_(std::move(closure)) {}
  std::string_view type_name() const override { return "Macro"; }
  Value get_attr(std::string_view name) const override;
  bool callable() const override { return true; }
  Value call(Renderer& r, CallArgs& args) override { return r.call_macro(def_, closure_, args); }
  // {{ m.txt(x) }}: the output goes straight to the page when printing it
  // would not escape it (a Markup result, or autoescape off). False: not done.
  bool call_into(Renderer& r, CallArgs& args, std::string& out, bool autoescape) {
    if (autoescape && !def_->autoescape) return false;
    r.call_macro_into(def_, closure_, args, out);
    return true;
  }
  std::string repr() const override { return "<Macro '" + def_->name + "'>"; }
  void release() override { closure_.reset(); }

 private:
  std::shared_ptr<const MacroDef> def_;
  FramePtr closure_;
};

class LoopObject : public Object {
 public:
  // Owns the items: the loop object can outlive the loop (`{% set ns.l = loop %}`).
  LoopObject(std::shared_ptr<const std::vector<Value>> items, int depth0, const ForStmt* stmt, FramePtr outer)
      : items_(*items), hold_(std::move(items)), depth0_(depth0), stmt_(stmt), outer_(std::move(outer)) {}
  std::string_view type_name() const override { return "LoopContext"; }
  Value get_attr(std::string_view name) const override;
  bool callable() const override { return stmt_->recursive; }
  Value call(Renderer& r, CallArgs& args) override;
  Value call_method(Renderer& r, std::string_view name, CallArgs& args);
  std::string repr() const override;
  void release() override {  // the items stay: items_ refers to them
    outer_.reset();
    changed_last_.clear();
  }
  std::size_t index0 = 0;

 private:
  const std::vector<Value>& items_;
  std::shared_ptr<const std::vector<Value>> hold_;
  int depth0_;
  const ForStmt* stmt_;
  FramePtr outer_;
  std::vector<Value> changed_last_;
  bool changed_seen_ = false;
};

class NamespaceObject : public Object {
 public:
  std::string_view type_name() const override { return "Namespace"; }
  Value get_attr(std::string_view name) const override;
  bool set_attr(std::string_view name, Value value) override;
  std::string repr() const override;
  void release() override { attrs.items.clear(); }
  Dict attrs;
};

class CyclerObject : public Object {
 public:
  explicit CyclerObject(std::vector<Value> items) : items_(std::move(items)) {}
  std::string_view type_name() const override { return "Cycler"; }
  Value get_attr(std::string_view name) const override;
  Value call_method(std::string_view name);

 private:
  std::vector<Value> items_;
  std::size_t pos_ = 0;
};

class JoinerObject : public Object {
 public:
  explicit JoinerObject(Value sep) : sep_(std::move(sep)) {}
  std::string_view type_name() const override { return "Joiner"; }
  bool callable() const override { return true; }
  Value call(Renderer& r, CallArgs& args) override;

 private:
  Value sep_;
  bool used_ = false;
};

// An imported template: its top-level macros and variables.
class ModuleObject : public Object {
 public:
  ModuleObject(std::string name, FramePtr frame) : name_(std::move(name)), frame_(std::move(frame)) {}
  std::string_view type_name() const override { return "TemplateModule"; }
  Value get_attr(std::string_view name) const override;
  std::string repr() const override { return "<TemplateModule '" + name_ + "'>"; }
  void release() override { frame_.reset(); }

 private:
  std::string name_;
  FramePtr frame_;
};

// super() inside a block, and self.<block>() anywhere.
class BlockRefObject : public Object {
 public:
  BlockRefObject(std::string name, std::size_t index) : name_(std::move(name)), index_(index) {}
  std::string_view type_name() const override { return "BlockReference"; }
  bool callable() const override { return true; }
  Value call(Renderer& r, CallArgs& args) override;

 private:
  std::string name_;
  std::size_t index_;
};

class SelfObject : public Object {
 public:
  std::string_view type_name() const override { return "TemplateReference"; }
  Value get_attr(std::string_view name) const override;
};

// A method looked up but not called yet, e.g. `{% set f = d.get %}`.
class BoundMethod : public Object {
 public:
  BoundMethod(Value self, std::string name) : self_(std::move(self)), name_(std::move(name)) {}
  std::string_view type_name() const override { return "builtin_function_or_method"; }
  bool callable() const override { return true; }
  Value call(Renderer& r, CallArgs& args) override { return r.call_method(self_, name_, args); }
  std::string repr() const override { return "<built-in method " + name_ + ">"; }

 private:
  Value self_;
  std::string name_;
};

using BuiltinFn = Value (*)(Renderer& r, CallArgs& args);
class BuiltinFunction : public Object {
 public:
  BuiltinFunction(const char* name, BuiltinFn fn) : name_(name), fn_(fn) {}
  std::string_view type_name() const override { return "builtin_function_or_method"; }
  bool callable() const override { return true; }
  Value call(Renderer& r, CallArgs& args) override { return fn_(r, args); }
  std::string repr() const override { return "<built-in function " + std::string(name_) + ">"; }

 private:
  const char* name_;
  BuiltinFn fn_;
};

// Jinja2's default globals: range, dict, namespace, cycler, joiner, lipsum.
const Value* find_builtin_global(std::string_view name);

// Methods of str / dict / list, as far as templates use them (is_*_method: value.hpp).
Value call_builtin_method(Renderer& r, const Value& self, std::string_view name, CallArgs& args);

}  // namespace hyoka::tmpl
