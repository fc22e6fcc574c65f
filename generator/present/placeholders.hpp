#pragma once
// Filling "{name}" placeholders in UI strings, layout labels and the
// templates' `t` filter, all by the same rule: one pass (a value that itself
// holds "{name}" is not filled again), and a brace that names no argument
// of the call is kept as written.
#include <concepts>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace hyoka::present {

struct Arg {
  Arg(std::string_view name, std::string value) : name(name), value(std::move(value)) {}
  Arg(std::string_view name, const char* value) : name(name), value(value) {}
  Arg(std::string_view name, std::integral auto value) : name(name), value(std::to_string(value)) {}
  std::string_view name;
  std::string value;
};

std::string fill(std::string_view text, std::span<const Arg> args);
inline std::string fill(std::string_view text, std::initializer_list<Arg> args) {
  return fill(text, std::span<const Arg>(args.begin(), args.size()));
}

}  // namespace hyoka::present
