#include "exchange/json_patch.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "exchange/error.hpp"
#include "model/json_file.hpp"

namespace hyoka::exchange {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool numeric(const std::string& key) {
  return !key.empty() && key.size() < 10 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

ExchangeError broken(const std::string& what) {
  return {"the file cannot be edited: " + what, "check it with `hyoka check` and import again"};
}

}  // namespace

JsonValue JsonValue::number(const model::Decimal& value) { return {Kind::number, value.to_string(), {}}; }
JsonValue JsonValue::string(std::string text) { return {Kind::string, std::move(text), {}}; }
JsonValue JsonValue::yes() { return {Kind::boolean, "true", {}}; }
JsonValue JsonValue::object(std::vector<JsonMember> members) { return {Kind::object, {}, std::move(members)}; }

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::vector<std::string> pointer_tokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  for (std::size_t at = 0; at < pointer.size();) {
    std::size_t next = pointer.find('/', at + 1);
    std::string token = pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size()) out += token[++i] == '1' ? '/' : '~';
      else out += token[i];
    }
    tokens.push_back(out);
    at = next == std::string::npos ? pointer.size() : next;
  }
  return tokens;
}

JsonPatcher::JsonPatcher(std::string text, KeyOrder order) : text_(std::move(text)), order_(std::move(order)) {
  if (text_.find("\r\n") != std::string::npos) newline_ = "\r\n";
  // The indentation unit: the first indented line's leading blanks.
  auto line = text_.find('\n');
  if (line != std::string::npos) {
    std::size_t start = line + 1, end = start;
    while (end < text_.size() && (text_[end] == ' ' || text_[end] == '\t')) ++end;
    if (end > start) unit_ = text_.substr(start, end - start);
  }
}

std::size_t JsonPatcher::skip_space(std::size_t at) const {
  while (at < text_.size() && space(text_[at])) ++at;
  return at;
}

// Every edit finds its place from the top of the file again (offsets move
// as the text changes), so skipping values is the import's inner loop:
// strings by memchr, containers by a table of the bytes that matter.
std::size_t JsonPatcher::string_end(std::size_t at) const {
  for (std::size_t from = at + 1;;) {
    std::size_t quote = text_.find('"', from);
    if (quote == std::string::npos) throw broken("a string is never closed");
    std::size_t backslashes = 0;
    while (text_[quote - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
}

std::size_t JsonPatcher::value_end(std::size_t at) const {
  if (at >= text_.size()) throw broken("a value is missing at the end");
  char c = text_[at];
  if (c == '"') return string_end(at);
  if (c == '{' || c == '[') {
    static const auto structural = [] {
      std::array<bool, 256> table{};
      for (unsigned char s : std::string_view("\"{}[]")) table[s] = true;
      return table;
    }();
    int depth = 0;
    for (; at < text_.size(); ++at) {
      const auto d = static_cast<unsigned char>(text_[at]);
      if (!structural[d]) continue;
      if (d == '"') at = string_end(at) - 1;
      else if (d == '{' || d == '[') ++depth;
      else if (--depth == 0) return at + 1;
    }
    throw broken("a bracket is never closed");
  }
  while (at < text_.size() && !space(text_[at]) && text_[at] != ',' && text_[at] != '}' && text_[at] != ']') ++at;
  return at;
}

std::vector<JsonPatcher::Member> JsonPatcher::members(std::size_t object_at, const std::string* until) const {
  std::vector<Member> out;
  std::size_t at = skip_space(object_at + 1);
  while (at < text_.size() && text_[at] != '}') {
    if (text_[at] == ',') {
      at = skip_space(at + 1);
      continue;
    }
    if (text_[at] != '"') throw broken("an object key is not a string");
    const std::size_t key_at = at, key_end = value_end(at);
    std::string key;
    for (std::size_t i = key_at + 1; i + 1 < key_end; ++i) {
      if (text_[i] == '\\') ++i;  // keys of content files hold no escapes but \" and \\ at most
      key += text_[i];
    }
    at = skip_space(key_end);
    if (at >= text_.size() || text_[at] != ':') throw broken("a colon is missing after a key");
    const std::size_t value_at = skip_space(at + 1), end = value_end(value_at);
    out.push_back({key, key_at, value_at, end});
    if (until && key == *until) break;
    at = skip_space(end);
  }
  return out;
}

std::vector<std::size_t> JsonPatcher::elements(std::size_t array_at, std::size_t until) const {
  std::vector<std::size_t> out;
  std::size_t at = skip_space(array_at + 1);
  while (at < text_.size() && text_[at] != ']' && out.size() <= until) {
    if (text_[at] == ',') {
      at = skip_space(at + 1);
      continue;
    }
    out.push_back(at);
    at = skip_space(value_end(at));
  }
  return out;
}

JsonPatcher::Found JsonPatcher::find(const std::vector<std::string>& tokens) const {
  Found found{skip_space(0), 0};
  for (const auto& token : tokens) {
    const char c = found.container < text_.size() ? text_[found.container] : '\0';
    std::optional<std::size_t> next;
    if (c == '{') {
      auto items = members(found.container, &token);
      if (!items.empty() && items.back().key == token) next = items.back().value_at;
    } else if (c == '[' && numeric(token)) {
      std::size_t index = std::stoul(token);
      auto items = elements(found.container, index);
      if (index < items.size()) next = items[index];
    }
    if (!next) return found;
    found = {*next, found.depth + 1};
  }
  return found;
}

std::string JsonPatcher::indent_at(std::size_t at) const {
  std::size_t start = text_.rfind('\n', at);
  start = start == std::string::npos ? 0 : start + 1;
  std::size_t end = start;
  while (end < text_.size() && (text_[end] == ' ' || text_[end] == '\t')) ++end;
  return text_.substr(start, end - start);
}

// Written over several lines: a line break before the first member; an empty
// object follows the file (a pretty-printed file expands it).
bool JsonPatcher::multiline(std::size_t object_at) const {
  auto items = members(object_at);
  if (items.empty()) {
    std::size_t root = skip_space(0);
    return object_at != root && multiline(root);
  }
  return text_.find('\n', object_at) < items.front().key_at;
}

std::string JsonPatcher::render(const JsonValue& value, const std::string& indent, bool expanded) const {
  switch (value.kind) {
    case JsonValue::Kind::number:
    case JsonValue::Kind::boolean: return value.scalar;
    case JsonValue::Kind::string: return json_string(value.scalar);
    case JsonValue::Kind::object: break;
  }
  if (value.members.empty()) return "{}";
  std::string out = "{";
  const std::string inner = indent + unit_;
  for (std::size_t i = 0; i < value.members.size(); ++i) {
    const auto& [key, member] = value.members[i];  // JsonMember
    out += i ? (expanded ? "," : ", ") : "";
    if (expanded) out += newline_ + inner;
    out += json_string(key) + ": " + render(member, inner, expanded);
  }
  return out + (expanded ? newline_ + indent : "") + "}";
}

void JsonPatcher::insert(std::size_t object_at, const std::string& object_pointer, const std::string& key, const JsonValue& value) {
  const auto items = members(object_at);
  const bool expanded = multiline(object_at);
  const auto order = order_ ? order_(object_pointer) : std::vector<std::string>{};
  auto rank = [&](const std::string& k) -> std::optional<long> {
    auto it = std::find(order.begin(), order.end(), k);
    if (it != order.end()) return it - order.begin();
    if (numeric(k)) return std::stol(k);
    return std::nullopt;
  };
  const auto wanted = rank(key);
  const Member* after = nullptr;
  for (const auto& member : items) {
    auto r = rank(member.key);
    if (wanted && r && *r < *wanted) after = &member;
  }
  if (items.empty()) {
    const std::string outer = indent_at(object_at), inner = outer + unit_;
    const std::string body = json_string(key) + ": " + render(value, inner, expanded);
    const std::string replacement = expanded ? "{" + newline_ + inner + body + newline_ + outer + "}" : "{" + body + "}";
    text_.replace(object_at, value_end(object_at) - object_at, replacement);
    return;
  }
  const std::string inner = expanded ? indent_at(items.front().key_at) : indent_at(object_at);
  const std::string member = json_string(key) + ": " + render(value, inner, expanded);
  const std::string separator = expanded ? "," + newline_ + inner : ", ";
  if (after) text_.insert(after->value_end, separator + member);
  else text_.insert(items.front().key_at, member + separator);
}

void JsonPatcher::set(const std::string& pointer, const JsonValue& value) {
  const auto tokens = pointer_tokens(pointer);
  const Found found = find(tokens);
  if (found.depth == tokens.size()) {
    std::size_t end = value_end(found.container);
    // The parent's style decides whether an object value spreads over lines.
    std::vector<std::string> parent(tokens.begin(), tokens.end() - (tokens.empty() ? 0 : 1));
    bool expanded = !tokens.empty() && multiline(find(parent).container);
    text_.replace(found.container, end - found.container, render(value, indent_at(found.container), expanded));
    return;
  }
  if (text_[found.container] != '{')
    throw ExchangeError("the file cannot be edited at " + pointer + ": it holds something other than an object there",
                        "check the file against the schema (hyoka check) and import again");
  JsonValue nested = value;
  for (std::size_t i = tokens.size() - 1; i > found.depth; --i) nested = JsonValue::object({{tokens[i], nested}});
  std::string object_pointer;
  for (std::size_t i = 0; i < found.depth; ++i) object_pointer += "/" + model::pointer_token(tokens[i]);
  insert(found.container, object_pointer, tokens[found.depth], nested);
}

void JsonPatcher::remove(const std::string& pointer) {
  auto tokens = pointer_tokens(pointer);
  if (tokens.empty()) return;
  const std::string key = tokens.back();
  tokens.pop_back();
  const Found parent = find(tokens);
  if (parent.depth != tokens.size() || text_[parent.container] != '{') return;
  const auto items = members(parent.container);
  auto it = std::find_if(items.begin(), items.end(), [&](const Member& m) { return m.key == key; });
  if (it == items.end()) return;
  if (items.size() == 1) {
    text_.replace(parent.container, value_end(parent.container) - parent.container, "{}");
  } else if (it + 1 != items.end()) {
    text_.erase(it->key_at, (it + 1)->key_at - it->key_at);
  } else {
    text_.erase((it - 1)->value_end, it->value_end - (it - 1)->value_end);
  }
}

}  // namespace hyoka::exchange
