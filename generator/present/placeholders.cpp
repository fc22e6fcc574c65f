#include "present/placeholders.hpp"

#include <algorithm>

namespace hyoka::present {

std::string fill(std::string_view text, std::span<const Arg> args) {
  if (args.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size() + 32);
  std::size_t pos = 0;
  for (std::size_t open; (open = text.find('{', pos)) != std::string_view::npos;) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const auto arg = std::find_if(args.begin(), args.end(), [&](const Arg& a) { return a.name == name; });
    out.append(text, pos, open - pos);
    if (arg == args.end()) {
      out += '{';
      pos = open + 1;
      continue;
    }
    out += arg->value;
    pos = close + 1;
  }
  out.append(text, pos);
  return out;
}

}  // namespace hyoka::present
