#pragma once
#include <cstdint>
#include <string>

namespace hyoka::tmpl {

struct Pos {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

enum class Tok : std::uint8_t {
  Data,        // literal template text
  VarBegin,    // {{
  VarEnd,      // }}
  BlockBegin,  // {%
  BlockEnd,    // %}
  Name,
  String,      // value holds the unescaped text
  Int,
  Float,
  Op,          // value holds the operator text
  Eof,
};

struct Token {
  Tok kind;
  std::string value;
  Pos pos;
};

const char* token_description(Tok kind);

}  // namespace hyoka::tmpl
