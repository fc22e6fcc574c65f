#pragma once
// Edits a JSON content file's text in place, so that a git diff shows only
// the values that changed: the value at a JSON pointer is replaced where it
// stands; a missing key is inserted among its siblings in the plan files' key
// order, in the file's own style (indentation, line ends, one line or many);
// a removed key takes its comma and line with it. Everything else stays byte
// for byte. The sample files are written as Python's json.dumps(indent=2,
// ensure_ascii=False) writes them, and so are the values inserted.
#include <functional>
#include <string>
#include <vector>

#include "model/decimal.hpp"

namespace hyoka::exchange {

struct JsonMember;

// A value to write: a number as its digits (93.0 stays 93.0), a string, true, or an object.
struct JsonValue {
  enum class Kind { number, string, boolean, object };
  Kind kind = Kind::string;
  std::string scalar;
  std::vector<JsonMember> members;  // of an object, in order

  static JsonValue number(const model::Decimal& value);
  static JsonValue string(std::string text);
  static JsonValue yes();
  static JsonValue object(std::vector<JsonMember> members);
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// The order keys take in an object, given the object's pointer ("/indicators/3/years/2024").
// Keys missing from the list are not moved; numeric keys (years) sort by number.
using KeyOrder = std::function<std::vector<std::string>(const std::string& object_pointer)>;

class JsonPatcher {
 public:
  JsonPatcher(std::string text, KeyOrder order);
  // Sets the value at the pointer, inserting the missing keys on the way.
  // Throws ExchangeError when the pointer runs through something not an object.
  void set(const std::string& pointer, const JsonValue& value);
  // Removes the member at the pointer; nothing when it is not there.
  void remove(const std::string& pointer);
  const std::string& text() const { return text_; }

 private:
  struct Member {
    std::string key;
    std::size_t key_at, value_at, value_end;
  };
  struct Found {
    std::size_t container = 0;       // the deepest value found: its offset
    std::size_t depth = 0;           // how many pointer tokens it covers
  };

  Found find(const std::vector<std::string>& tokens) const;
  // Members up to and with `until` (all when null); elements up to index `until`.
  std::vector<Member> members(std::size_t object_at, const std::string* until = nullptr) const;
  std::vector<std::size_t> elements(std::size_t array_at, std::size_t until = static_cast<std::size_t>(-1)) const;
  std::size_t value_end(std::size_t at) const;
  std::size_t string_end(std::size_t at) const;
  std::size_t skip_space(std::size_t at) const;
  std::string indent_at(std::size_t at) const;
  bool multiline(std::size_t object_at) const;
  std::string render(const JsonValue& value, const std::string& indent, bool multiline) const;
  void insert(std::size_t object_at, const std::string& object_pointer, const std::string& key, const JsonValue& value);

  std::string text_;
  KeyOrder order_;
  std::string newline_ = "\n", unit_ = "  ";
};

// A JSON string literal as Python's json.dumps(ensure_ascii=False) writes it.
std::string json_string(std::string_view text);
// "/indicators/3/years/2024" → {"indicators", "3", "years", "2024"} (~1 and ~0 unescaped).
std::vector<std::string> pointer_tokens(const std::string& pointer);

}  // namespace hyoka::exchange
