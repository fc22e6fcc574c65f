#pragma once
// Binds call arguments to named parameters the way Python does for
// def f(a, b=..., c=...): positionals first, then keywords by name.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "template/value.hpp"

namespace hyoka::tmpl {

class Params {
 public:
  Params(const CallArgs& args, std::initializer_list<std::string_view> names, const char* fn) {
    slots_.assign(names.size(), nullptr);
    if (args.pos.size() > names.size())
      throw RenderError(std::string(fn) + "() takes at most " + std::to_string(names.size()) + " arguments");
    for (std::size_t i = 0; i < args.pos.size(); ++i) slots_[i] = &args.pos[i];
    for (const auto& [key, value] : args.kw) {
      std::size_t i = 0;
      for (std::string_view n : names) {
        if (key == n) break;
        ++i;
      }
      if (i == names.size()) throw RenderError(std::string(fn) + "() got an unexpected keyword argument '" + std::string(key) + "'");
      if (slots_[i]) throw RenderError(std::string(fn) + "() got multiple values for argument '" + std::string(key) + "'");
      slots_[i] = &value;
    }
  }
  bool has(std::size_t i) const { return slots_[i] != nullptr; }
  // The argument, or nullptr when it was not given or is None.
  const Value* opt(std::size_t i) const { return slots_[i] && !slots_[i]->is_none() ? slots_[i] : nullptr; }
  const Value& get(std::size_t i, const Value& dflt) const { return slots_[i] ? *slots_[i] : dflt; }
  Value get_or(std::size_t i, Value dflt) const { return slots_[i] ? *slots_[i] : dflt; }
  const Value& required(std::size_t i, const char* what) const {
    if (!slots_[i]) throw RenderError(std::string("missing required argument '") + what + "'");
    return *slots_[i];
  }

 private:
  std::vector<const Value*> slots_;
};

}  // namespace hyoka::tmpl
