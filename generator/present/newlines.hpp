#pragma once
// Line ends as text arrives from files, cells and templates written on any
// system: CR LF and a lone CR both read as LF, as Python's universal newlines.
#include <string>
#include <string_view>

namespace hyoka::present {

std::string unix_newlines(std::string_view text);

}  // namespace hyoka::present
