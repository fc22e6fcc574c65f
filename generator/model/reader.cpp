#include "model/reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace hyoka::model {
namespace {

const char* type_name(const nlohmann::json& value) {
  if (value.is_string()) return "a string";
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "true/false";
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  return "null";
}

}  // namespace

std::optional<std::string> id_problem(const std::string& id) {
  if (id.empty()) return "the id is empty";
  if (id.size() > 64) return "the id is longer than 64 characters";
  for (char c : id) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return "the id contains a control character";
    if (c == '/' || c == '\\') return "the id contains a slash";
    if (u >= 0x80) return "the id contains a non-ASCII character";
    if (!std::isalnum(u) && c != '.' && c != '_' && c != '-') return std::string("the id contains '") + c + "'";
  }
  if (!std::isalnum(static_cast<unsigned char>(id.front()))) return "the id does not start with a letter or digit";
  if (id.back() == '.') return "the id ends with '.' (Windows drops it from file names)";
  // CON, PRN, AUX, NUL, COM0–9, LPT0–9 name devices on Windows, with any extension.
  std::string stem = id.substr(0, id.find('.'));
  for (char& c : stem) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static const std::set<std::string> reserved = [] {
    std::set<std::string> names{"CON", "PRN", "AUX", "NUL"};
    for (char d = '0'; d <= '9'; ++d) names.insert({std::string("COM") + d, std::string("LPT") + d});
    return names;
  }();
  if (reserved.count(stem)) return stem + " is a reserved device name on Windows";
  return std::nullopt;
}

std::string as_quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

const char* const id_fix =
    "use 1–64 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit, not ending with '.', "
    "not a Windows device name such as CON or NUL (the id becomes a file name)";

// A string that a person meant as a number ("1,234", "１２３", "12.5%").
bool looks_numeric(const std::string& s) {
  bool ascii = s.find_first_of("0123456789") != std::string::npos && s.find_first_not_of("0123456789.,%-+ ") == std::string::npos;
  bool full_width = s.size() >= 3 && s.compare(0, 2, "\xEF\xBC") == 0 &&
                    static_cast<unsigned char>(s[2]) >= 0x90 && static_cast<unsigned char>(s[2]) <= 0x99;  // ０–９
  return ascii || full_width;
}

}  // namespace

bool looks_like_number_text(const std::string& text) { return looks_numeric(text); }

std::optional<std::size_t> control_character_at(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto u = static_cast<unsigned char>(s[i]);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return i;
  }
  return std::nullopt;
}

FigureProblem string_figure_problem(const std::string& text) {
  std::string fix = looks_numeric(text) ? "write the number without quotes, commas, % or full-width digits, e.g. 1234"
                                        : "write {\"text\": {\"ja\": " + as_quoted(text) + "}} for a text, {\"pending\": true} for 集計中, {\"none\": true} for ―";
  return {"a figure cannot be a plain string (" + as_quoted(text) + ")", fix};
}

Decimal to_decimal(const nlohmann::json& number) {
  if (number.is_number_integer()) return Decimal{number.get<std::int64_t>(), 0};
  if (number.is_number_unsigned()) return Decimal{static_cast<std::int64_t>(number.get<std::uint64_t>()), 0};
  // nlohmann prints floats as the shortest round-trip digits, keeping "93.0".
  return Decimal::parse(number.dump()).value_or(Decimal::from_double(number.get<double>()));
}

ObjectReader::ObjectReader(const JsonFile& file, const nlohmann::json& object, std::string pointer, Diagnostics& diagnostics)
    : file_(file), object_(object), pointer_(std::move(pointer)), diagnostics_(diagnostics) {
  if (!object_.is_object())
    error(pointer_, std::string("expected an object, found ") + type_name(object_), "write { … } here");
}

ObjectReader::~ObjectReader() {
  if (!object_.is_object()) return;
  for (const auto& [key, value] : object_.items()) {
    if (key == "$schema" || std::find(seen_.begin(), seen_.end(), key) != seen_.end()) continue;
    error(pointer_to(key), "unknown key " + as_quoted(key), "remove it or check its spelling against the schema");
  }
}

std::string ObjectReader::pointer_to(const std::string& key) const { return pointer_ + "/" + pointer_token(key); }

void ObjectReader::error(const std::string& pointer, const std::string& message, const std::string& fix) const {
  diagnostics_.error(file_.path(), file_.locate(pointer), (pointer.empty() ? "" : pointer + ": ") + message, fix);
}

void ObjectReader::warning(const std::string& pointer, const std::string& message, const std::string& fix) const {
  diagnostics_.warning(file_.path(), file_.locate(pointer), (pointer.empty() ? "" : pointer + ": ") + message, fix);
}

const nlohmann::json* ObjectReader::get(const char* key, bool required) {
  if (std::find(seen_.begin(), seen_.end(), key) == seen_.end()) seen_.emplace_back(key);
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) error(pointer_, std::string("missing required key \"") + key + "\"", std::string("add \"") + key + "\"");
    return nullptr;
  }
  return &*it;
}

bool ObjectReader::expect(const nlohmann::json& value, bool ok, const std::string& key, const char* what, const char* example) {
  if (ok) return true;
  std::string message = std::string("expected ") + what + ", found " + type_name(value);
  if (value.is_string() && looks_numeric(value.get<std::string>()))
    message += " (" + as_quoted(value.get<std::string>()) + " is text: numbers are written without quotes, commas, % or full-width digits)";
  error(pointer_to(key), message, std::string("write ") + example);
  return false;
}

std::string ObjectReader::string(const char* key, bool required) {
  const auto* value = get(key, required);
  if (!value || !expect(*value, value->is_string(), key, "a string", "\"…\"")) return {};
  std::string result = value->get<std::string>();
  if (auto at = control_character_at(result)) {
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(result[*at])));
    error(pointer_to(key), std::string("the text contains the control character ") + code + " at character " + std::to_string(*at + 1),
          "remove it (it is invisible; it often comes from copying out of another program)");
    return {};
  }
  return result;
}

std::string ObjectReader::id(const char* key, bool required) {
  const auto* value = has(key) ? &object_[key] : nullptr;
  std::string result = string(key, required);
  if (result.empty() && value && value->is_string() && value->get_ref<const std::string&>().empty()) {
    error(pointer_to(key), "the id is empty", id_fix);
  } else if (!result.empty()) {
    if (auto problem = id_problem(result)) {
      error(pointer_to(key), as_quoted(result) + " is not a valid id: " + *problem, id_fix);
      return {};  // an invalid id never reaches a file name
    }
  }
  return result;
}

std::optional<int> ObjectReader::integer(const char* key, bool required) {
  const auto* value = get(key, required);
  if (!value || !expect(*value, value->is_number_integer(), key, "an integer", "a whole number such as 2024")) return std::nullopt;
  constexpr std::int64_t limit = 1'000'000'000;
  bool fits = value->is_number_unsigned() ? value->get<std::uint64_t>() <= static_cast<std::uint64_t>(limit)
                                          : value->get<std::int64_t>() >= -limit && value->get<std::int64_t>() <= limit;
  if (!fits) {
    error(pointer_to(key), "the number " + value->dump() + " is too large here", "write a whole number below 1,000,000,000");
    return std::nullopt;
  }
  return value->get<int>();
}

std::optional<Decimal> ObjectReader::number(const char* key, bool required) {
  const auto* value = get(key, required);
  if (!value || !expect(*value, value->is_number(), key, "a number", "a number such as 39907 or 12.5")) return std::nullopt;
  return to_decimal(*value);
}

bool ObjectReader::boolean(const char* key) {
  const auto* value = get(key, false);
  if (!value || !expect(*value, value->is_boolean(), key, "true or false", "true or false")) return false;
  return value->get<bool>();
}

std::optional<Text> ObjectReader::text(const char* key, bool required) {
  const auto* value = get(key, required);
  if (!value) return std::nullopt;
  if (!expect(*value, value->is_object(), key, "a text object", "{\"ja\": \"…\", \"en\": \"…\"}")) return std::nullopt;
  ObjectReader reader(file_, *value, pointer_to(key), diagnostics_);
  Text text;
  text.ja = reader.string("ja", true);
  if (reader.has("en")) text.en = reader.string("en");
  // Empty as written (not emptied by an error already reported).
  auto empty = [&](const char* k) { return (*value)[k].is_string() && (*value)[k].get_ref<const std::string&>().empty(); };
  if (reader.has("ja") && empty("ja")) reader.error(reader.pointer_to("ja"), "the Japanese text is empty", "write the text or remove the key");
  if (reader.has("en") && empty("en")) reader.error(reader.pointer_to("en"), "the English text is empty", "translate it or remove \"en\"");
  return text;
}

Value ObjectReader::value(const char* key) {
  const auto* json = get(key, false);
  if (!json) return {};
  return read_value(file_, *json, pointer_to(key), diagnostics_);
}

std::optional<int> ObjectReader::year(const char* key, bool required) {
  auto result = integer(key, required);
  if (result && (*result < 1900 || *result > 2200)) {
    error(pointer_to(key), "year " + std::to_string(*result) + " is not a Western fiscal year", "write e.g. 2024 for 令和6年度");
    return std::nullopt;
  }
  return result;
}

std::vector<std::string> ObjectReader::strings(const char* key) {
  std::vector<std::string> result;
  const auto* value = get(key, false);
  if (!value || !expect(*value, value->is_array(), key, "an array of strings", "[\"…\"]")) return result;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    if (item.is_string()) result.push_back(item.get<std::string>());
    else error(pointer_to(key) + "/" + std::to_string(i), std::string("expected a string, found ") + type_name(item), "write \"…\"");
  }
  return result;
}

std::vector<std::string> ObjectReader::ids(const char* key) {
  std::vector<std::string> result;
  const auto* value = get(key, false);
  if (!value || !expect(*value, value->is_array(), key, "an array of ids", "[\"…\"]")) return result;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    std::string pointer = pointer_to(key) + "/" + std::to_string(i);
    if (!item.is_string()) {
      error(pointer, std::string("expected an id string, found ") + type_name(item), "write \"…\"");
    } else if (auto problem = id_problem(item.get<std::string>())) {
      error(pointer, as_quoted(item.get<std::string>()) + " is not a valid id: " + *problem, id_fix);
    } else {
      result.push_back(item.get<std::string>());
    }
  }
  return result;
}

void ObjectReader::objects(const char* key, const std::function<void(ObjectReader&)>& read, bool required) {
  const auto* value = get(key, required);
  if (!value || !expect(*value, value->is_array(), key, "an array", "[ {…}, … ]")) return;
  for (std::size_t i = 0; i < value->size(); ++i) {
    ObjectReader element(file_, (*value)[i], pointer_to(key) + "/" + std::to_string(i), diagnostics_);
    if (element.ok()) read(element);
  }
}

void ObjectReader::members(const char* key, const std::function<void(const std::string&, ObjectReader&)>& read) {
  const auto* value = get(key, false);
  if (!value || !expect(*value, value->is_object(), key, "an object", "{ \"2024\": {…} }")) return;
  for (const auto& [name, member] : value->items()) {
    ObjectReader element(file_, member, pointer_to(key) + "/" + pointer_token(name), diagnostics_);
    if (element.ok()) read(name, element);
  }
}

Value read_value(const JsonFile& file, const nlohmann::json& json, const std::string& pointer, Diagnostics& diagnostics) {
  Value result;
  if (json.is_number()) {
    if (json.is_number_float() && !std::isfinite(json.get<double>())) {
      diagnostics.error(file.path(), file.locate(pointer), pointer + ": the number is too large", "write a finite number");
      return result;
    }
    result.kind = Value::Kind::number;
    result.number = to_decimal(json);
    return result;
  }
  if (json.is_string()) {
    auto problem = string_figure_problem(json.get<std::string>());
    diagnostics.error(file.path(), file.locate(pointer), pointer + ": " + problem.message, problem.fix);
    return result;
  }
  ObjectReader reader(file, json, pointer, diagnostics);
  if (!reader.ok()) return result;
  result.note = reader.text("note");
  int forms = reader.has("value") + reader.has("text") + reader.has("pending") + reader.has("none");
  if (forms != 1) {
    reader.error(pointer, "a figure needs exactly one of \"value\", \"text\", \"pending\", \"none\"",
                 "write e.g. {\"value\": 95.0, \"bound\": \"at_least\"} or {\"pending\": true}");
    reader.get("value", false), reader.get("text", false), reader.get("pending", false), reader.get("none", false), reader.get("bound", false);
    return result;
  }
  if (reader.has("value")) {
    if (auto number = reader.number("value")) {
      result.kind = Value::Kind::number;
      result.number = *number;
    }
    std::string bound = reader.string("bound");
    if (bound == "at_least") result.bound = Bound::at_least;
    else if (bound == "at_most") result.bound = Bound::at_most;
    else if (!bound.empty()) reader.error(reader.pointer_to("bound"), "unknown bound \"" + bound + "\"", "write \"at_least\" (以上) or \"at_most\" (以下)");
  } else if (reader.has("text")) {
    if (auto text = reader.text("text")) {
      result.kind = Value::Kind::text;
      result.text = *text;
    }
  } else {
    const char* key = reader.has("pending") ? "pending" : "none";
    if (reader.boolean(key)) result.kind = reader.has("pending") ? Value::Kind::pending : Value::Kind::none;
    else reader.error(reader.pointer_to(key), std::string("\"") + key + "\" must be true", "write true or remove the figure");
  }
  return result;
}

}  // namespace hyoka::model
