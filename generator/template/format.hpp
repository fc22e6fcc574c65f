#pragma once
// Python string formatting: str.format() with the format-spec
// mini-language, and printf-style `%` formatting (the `format` filter).
#include <string>
#include <string_view>

#include "template/value.hpp"

namespace hyoka::tmpl {

// format(value, spec) as Python's built-in format() does it.
std::string format_value(const Value& v, std::string_view spec);
// "...".format(*args, **kwargs)
std::string str_format(std::string_view fmt, const CallArgs& args);
// "..." % args  (args is a tuple of positionals, or a mapping for %(name)s)
std::string percent_format(std::string_view fmt, const CallArgs& args);
// Inserts a separator every three digits into the integer part of a number text.
std::string group_digits(std::string_view number, char sep);

}  // namespace hyoka::tmpl
