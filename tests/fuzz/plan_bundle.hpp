#pragma once
// The input format of fuzz_plan_loader: one plan folder in one byte string.
//
//   { ...plan.json... }
//   ==> policies/1-1-1.json <==
//   { ...one policy... }
//   ==> policies/1-1-1.ja.md <==
//   commentary
//
// The text before the first header is plan.json. Each "==> NAME <==" line
// starts a file; NAME is "plan.json", "divisions.json", "glossary.json" or
// "policies/…" / "projects/…" with a plain file name ([A-Za-z0-9._-], no
// leading dot). Headers with other names are kept as part of the previous file.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hyoka::fuzz {

inline bool safe_bundle_name(std::string_view name) {
  std::string_view file = name;
  if (auto slash = name.find('/'); slash != std::string_view::npos) {
    std::string_view dir = name.substr(0, slash);
    if (dir != "policies" && dir != "projects") return false;
    file = name.substr(slash + 1);
  }
  if (file.empty() || file.size() > 64 || file.front() == '.') return false;
  for (char c : file) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// (relative path, contents) in input order; a later file of the same name wins.
inline std::vector<std::pair<std::string, std::string>> split_bundle(std::string_view input) {
  static constexpr std::string_view open = "==> ", close = " <==";
  std::vector<std::pair<std::string, std::string>> files;
  std::string name = "plan.json";
  std::size_t start = 0, pos = 0;
  while (pos <= input.size()) {
    // A header is a whole line: at the start of the input or after '\n'.
    std::size_t at = input.find(open, pos);
    if (at == std::string_view::npos) break;
    pos = at + 1;
    if (at != 0 && input[at - 1] != '\n') continue;
    std::size_t end = input.find('\n', at);
    std::string_view line = input.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (line.size() < open.size() + close.size() || line.substr(line.size() - close.size()) != close) continue;
    std::string_view header = line.substr(open.size(), line.size() - open.size() - close.size());
    if (!safe_bundle_name(header)) continue;
    if (at > 0) {  // a header on the first line: no implicit plan.json
      std::size_t body_end = at > start ? at - 1 : at;  // the '\n' before the header belongs to it
      files.emplace_back(name, std::string(input.substr(start, body_end - start)));
    }
    name = std::string(header);
    start = end == std::string_view::npos ? input.size() : end + 1;
    pos = start;
  }
  files.emplace_back(name, std::string(input.substr(start)));
  return files;
}

}  // namespace hyoka::fuzz
