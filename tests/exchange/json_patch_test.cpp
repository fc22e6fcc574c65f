// The in-place JSON editor: only the value changes, in the file's style and
// the plan files' key order, byte for byte what Python's json.dumps writes.
#include <doctest/doctest.h>

#include "exchange/error.hpp"
#include "exchange/json_patch.hpp"

using namespace hyoka::exchange;
using hyoka::model::Decimal;

namespace {

// A year's keys in order; a text's ja before en.
std::vector<std::string> year_order(const std::string& pointer) {
  auto tokens = pointer_tokens(pointer);
  if (!tokens.empty() && tokens.back().size() == 4 && tokens.back()[0] == '2') return {"target", "revised_target", "actual", "reason", "note"};
  return {"ja", "en"};
}

std::string set(std::string text, const std::string& pointer, const JsonValue& value) {
  JsonPatcher patcher(std::move(text), year_order);
  patcher.set(pointer, value);
  return patcher.text();
}

std::string removed(std::string text, const std::string& pointer) {
  JsonPatcher patcher(std::move(text), year_order);
  patcher.remove(pointer);
  return patcher.text();
}

const std::string pretty =
    "{\n"
    "  \"indicators\": [\n"
    "    {\n"
    "      \"id\": \"o3\",\n"
    "      \"years\": {\n"
    "        \"2024\": {\n"
    "          \"target\": 93.0,\n"
    "          \"note\": {\n"
    "            \"ja\": \"注\"\n"
    "          }\n"
    "        }\n"
    "      }\n"
    "    }\n"
    "  ]\n"
    "}\n";

}  // namespace

TEST_CASE("a missing key goes between its neighbours in the plan files' order, indented as the file is") {
  std::string out = set(pretty, "/indicators/0/years/2024/actual", JsonValue::number(Decimal{899, 1}));
  CHECK(out ==
        "{\n  \"indicators\": [\n    {\n      \"id\": \"o3\",\n      \"years\": {\n        \"2024\": {\n"
        "          \"target\": 93.0,\n          \"actual\": 89.9,\n          \"note\": {\n            \"ja\": \"注\"\n          }\n"
        "        }\n      }\n    }\n  ]\n}\n");
}

TEST_CASE("a missing object is written expanded, in Python's json.dumps style") {
  std::string out = set(pretty, "/indicators/0/years/2024/reason/ja", JsonValue::string("理由\"と\\改行\n"));
  CHECK(out.find("          \"target\": 93.0,\n          \"reason\": {\n            \"ja\": \"理由\\\"と\\\\改行\\n\"\n          },\n"
                 "          \"note\": {") != std::string::npos);
  // A year that is not there yet: after the earlier years.
  out = set(pretty, "/indicators/0/years/2025/actual", JsonValue::object({{"pending", JsonValue::yes()}}));
  CHECK(out.find("        },\n        \"2025\": {\n          \"actual\": {\n            \"pending\": true\n          }\n        }\n      }") !=
        std::string::npos);
}

TEST_CASE("an existing value is replaced where it stands, the rest untouched") {
  std::string out = set(pretty, "/indicators/0/years/2024/target", JsonValue::number(Decimal{950, 1}));
  std::string expected = pretty;
  expected.replace(expected.find("93.0"), 4, "95.0");
  CHECK(out == expected);
}

TEST_CASE("one-line objects stay on one line; an empty object in a pretty file is expanded") {
  const std::string compact = "{\"years\": {\"2024\": {\"target\": 60.0, \"note\": {\"ja\": \"x\"}}}}\n";
  CHECK(set(compact, "/years/2024/actual", JsonValue::number(Decimal{57, 0})) ==
        "{\"years\": {\"2024\": {\"target\": 60.0, \"actual\": 57, \"note\": {\"ja\": \"x\"}}}}\n");
  CHECK(set(compact, "/years/2024/revised_target", JsonValue::number(Decimal{1, 0})) ==
        "{\"years\": {\"2024\": {\"target\": 60.0, \"revised_target\": 1, \"note\": {\"ja\": \"x\"}}}}\n");
  const std::string empty = "{\n  \"years\": {\n    \"2024\": {}\n  }\n}\n";
  CHECK(set(empty, "/years/2024/actual", JsonValue::number(Decimal{5, 0})) ==
        "{\n  \"years\": {\n    \"2024\": {\n      \"actual\": 5\n    }\n  }\n}\n");
}

TEST_CASE("CRLF files get CRLF, and a key that goes first is put before the others") {
  const std::string crlf = "{\r\n  \"2024\": {\r\n    \"actual\": 1\r\n  }\r\n}\r\n";
  CHECK(set(crlf, "/2024/target", JsonValue::number(Decimal{2, 0})) == "{\r\n  \"2024\": {\r\n    \"target\": 2,\r\n    \"actual\": 1\r\n  }\r\n}\r\n");
}

TEST_CASE("removing a key takes its comma and line with it; the last key leaves {}") {
  std::string with_actual = set(pretty, "/indicators/0/years/2024/actual", JsonValue::number(Decimal{899, 1}));
  CHECK(removed(with_actual, "/indicators/0/years/2024/actual") == pretty);
  std::string first = removed(pretty, "/indicators/0/years/2024/target");
  CHECK(first.find("        \"2024\": {\n          \"note\": {") != std::string::npos);
  std::string last = removed(pretty, "/indicators/0/years/2024/note");
  CHECK(last.find("          \"target\": 93.0\n        }") != std::string::npos);
  CHECK(removed("{\"a\": {\"b\": 1}}", "/a/b") == "{\"a\": {}}");
  CHECK(removed(pretty, "/indicators/0/years/2030/actual") == pretty);  // absent: nothing to do
}

TEST_CASE("a pointer through something that is not an object is refused, not guessed") {
  JsonPatcher patcher("{\"years\": [1, 2]}", year_order);
  CHECK_THROWS_AS(patcher.set("/years/x/actual", JsonValue::number(Decimal{1, 0})), ExchangeError);
}

TEST_CASE("strings are escaped as Python's json.dumps(ensure_ascii=False) escapes them") {
  CHECK(json_string("a\"b\\c\n\t\x01日本") == "\"a\\\"b\\\\c\\n\\t\\u0001日本\"");
  CHECK(pointer_tokens("/a~1b/c~0d") == std::vector<std::string>{"a/b", "c~d"});
}
