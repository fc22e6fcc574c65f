#pragma once
// Python str operations shared by methods and filters (code point aware).
#include <cstdint>
#include <string>
#include <string_view>

#include "template/value.hpp"

namespace hyoka::tmpl {

std::vector<std::string> py_splitlines(std::string_view s);
std::string py_strip(std::string_view s, const Value& chars, bool left, bool right);
List py_split(std::string_view s, const Value& sep, std::int64_t maxsplit);
std::string py_replace(std::string_view s, std::string_view old, std::string_view repl, std::int64_t count);
std::string py_capitalize(std::string_view s);
std::string py_title(std::string_view s);
std::string py_center(std::string_view s, std::int64_t width, std::string_view fill);

}  // namespace hyoka::tmpl
