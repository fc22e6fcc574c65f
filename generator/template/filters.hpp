#pragma once
// Registry of built-in and project filters and tests. Filters are resolved
// to function pointers at parse time, so an unknown filter is a syntax
// error and rendering never looks names up.
#include <string_view>

#include "template/value.hpp"

namespace hyoka::tmpl {

class Renderer;

struct FilterContext {
  Renderer& renderer;
  bool autoescape;  // of the template the filter call appears in
};

using FilterFn = Value (*)(FilterContext& ctx, const Value& input, const CallArgs& args);
using TestFn = bool (*)(FilterContext& ctx, const Value& input, const CallArgs& args);

FilterFn find_filter(std::string_view name);
TestFn find_test(std::string_view name);

}  // namespace hyoka::tmpl
