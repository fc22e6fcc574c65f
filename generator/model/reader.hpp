#pragma once
// Typed, checked access to one JSON object of a content file. Every problem is
// recorded (with file, position and JSON pointer) and reading goes on, so one
// run reports all of them. Keys never asked for are reported as unknown.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/json_file.hpp"
#include "model/plan.hpp"

namespace hyoka::model {

class ObjectReader {
 public:
  ObjectReader(const JsonFile& file, const nlohmann::json& object, std::string pointer, Diagnostics& diagnostics);
  ~ObjectReader();  // reports unknown keys
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  bool ok() const { return object_.is_object(); }
  const std::string& pointer() const { return pointer_; }
  std::string pointer_to(const std::string& key) const;
  void error(const std::string& pointer, const std::string& message, const std::string& fix) const;
  void warning(const std::string& pointer, const std::string& message, const std::string& fix) const;

  bool has(const char* key) const { return object_.is_object() && object_.contains(key); }
  const nlohmann::json* get(const char* key, bool required);
  std::string string(const char* key, bool required = false);
  std::string id(const char* key, bool required = true);
  std::optional<int> integer(const char* key, bool required = false);
  std::optional<Decimal> number(const char* key, bool required = false);
  bool boolean(const char* key);
  std::optional<Text> text(const char* key, bool required = false);
  Value value(const char* key);
  std::optional<int> year(const char* key, bool required = false);
  std::vector<std::string> strings(const char* key);
  std::vector<std::string> ids(const char* key);
  // Calls read(element_reader) for each object in an array.
  void objects(const char* key, const std::function<void(ObjectReader&)>& read, bool required = false);
  // Calls read(key, element_reader) for each member of an object of objects.
  void members(const char* key, const std::function<void(const std::string&, ObjectReader&)>& read);

  const JsonFile& file() const { return file_; }
  Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  bool expect(const nlohmann::json& value, bool ok, const std::string& key, const char* what, const char* example);

  const JsonFile& file_;
  const nlohmann::json& object_;
  std::string pointer_;
  Diagnostics& diagnostics_;
  // The keys read, to report the others when the reader ends. Keys are the
  // callers' string literals, and an object has a few dozen at most.
  std::vector<std::string_view> seen_;
};

// Why a string cannot be an id (ids become file and folder names on every
// system the site is copied to), or nullopt when it can.
std::optional<std::string> id_problem(const std::string& id);
// A content string for a message: in double quotes, with control characters escaped.
std::string as_quoted(const std::string& text);

// Reads a Value (number, {value, bound}, {text}, {pending}, {none}) at a pointer.
Value read_value(const JsonFile& file, const nlohmann::json& json, const std::string& pointer, Diagnostics& diagnostics);
// A number a person wrote as text ("1,234", "１２３", "12.5%"): never converted,
// since a guess could publish a wrong figure.
bool looks_like_number_text(const std::string& text);
// A C0 control character other than tab, LF and CR, or DEL: refused in every text.
std::optional<std::size_t> control_character_at(const std::string& text);
// What `hyoka check` says about a figure written as a string, and the fix;
// the spreadsheet import refuses such cells with the same words.
struct FigureProblem {
  std::string message, fix;
};
FigureProblem string_figure_problem(const std::string& text);
// Reads a JSON number keeping its printed digits.
Decimal to_decimal(const nlohmann::json& number);

}  // namespace hyoka::model
