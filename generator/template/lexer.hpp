#pragma once
// Lexer: splits template source into tokens the way Jinja2's lexer does
// (default delimiters, trim_blocks/lstrip_blocks off, keep_trailing_newline
// off), including whitespace control and {% raw %} blocks.
#include <string>
#include <string_view>
#include <vector>

#include "template/token.hpp"

namespace hyoka::tmpl {

class Lexer {
 public:
  Lexer(std::string_view source, std::string name);
  // Throws TemplateError on malformed input.
  std::vector<Token> tokenize();

 private:
  void lex_data();
  void lex_tag(Tok begin, Tok end_kind);
  bool lex_raw_block();
  void skip_comment();
  void lex_inner_token();
  void lex_number();
  void lex_string();
  void push(Tok kind, std::string value, Pos pos);
  void push_data(std::string text, Pos pos);
  Pos pos_at(std::size_t offset) const;
  [[noreturn]] void fail(const std::string& msg, std::size_t offset) const;

  std::string src_;
  std::string name_;
  std::size_t i_ = 0;
  bool strip_next_ = false;  // previous tag ended with "-": lstrip the next data
  std::vector<Token> tokens_;
  std::vector<char> braces_;
  std::vector<std::size_t> line_starts_;
};

// Python unicode-escape decoding of a string literal body.
std::string unescape_string(std::string_view body);

}  // namespace hyoka::tmpl
