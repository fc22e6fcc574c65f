#pragma once
// Filters and tests: Jinja2's built-ins, and those the host program adds
// to its Environment (as Jinja2's environment.filters / .tests). Filters are
// resolved to function pointers at parse time, so an unknown filter is a
// syntax error and rendering never looks names up.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "template/value.hpp"

namespace hyoka::tmpl {

class Renderer;

struct FilterContext {
  Renderer& renderer;
  bool autoescape;  // of the template the filter call appears in
};

using FilterFn = Value (*)(FilterContext& ctx, const Value& input, const CallArgs& args);
using TestFn = bool (*)(FilterContext& ctx, const Value& input, const CallArgs& args);

// The filters and tests templates of one Environment may name. A host's
// filter of a built-in's name replaces it, as in Jinja2.
class Extensions {
 public:
  void add_filter(std::string name, FilterFn fn) { filters_.emplace_back(std::move(name), fn); }
  void add_test(std::string name, TestFn fn) { tests_.emplace_back(std::move(name), fn); }
  FilterFn filter(std::string_view name) const;  // nullptr when there is none of that name
  TestFn test(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, FilterFn>> filters_;
  std::vector<std::pair<std::string, TestFn>> tests_;
};

// Jinja2's built-ins alone.
FilterFn builtin_filter(std::string_view name);
TestFn builtin_test(std::string_view name);

}  // namespace hyoka::tmpl
