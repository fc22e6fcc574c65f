// Lexer unit tests: token kinds, positions, whitespace control, raw blocks.
#include <doctest/doctest.h>

#include "template/error.hpp"
#include "template/lexer.hpp"

using namespace hyoka::tmpl;

namespace {
std::vector<Token> lex(std::string_view src) { return Lexer(src, "t.txt").tokenize(); }

std::string kinds(const std::vector<Token>& toks) {
  std::string out;
  for (const auto& t : toks) {
    switch (t.kind) {
      case Tok::Data: out += "D(" + t.value + ")"; break;
      case Tok::VarBegin: out += "{{"; break;
      case Tok::VarEnd: out += "}}"; break;
      case Tok::BlockBegin: out += "{%"; break;
      case Tok::BlockEnd: out += "%}"; break;
      case Tok::Name: out += "N(" + t.value + ")"; break;
      case Tok::String: out += "S(" + t.value + ")"; break;
      case Tok::Int: out += "I(" + t.value + ")"; break;
      case Tok::Float: out += "F(" + t.value + ")"; break;
      case Tok::Op: out += "O(" + t.value + ")"; break;
      case Tok::Eof: out += "$"; break;
    }
  }
  return out;
}
}  // namespace

TEST_CASE("lexer: data and expressions") {
  CHECK(kinds(lex("a {{ x.y + 1 }} b")) == "D(a ){{N(x)O(.)N(y)O(+)I(1)}}D( b)$");
  CHECK(kinds(lex("{% if a >= 2 %}")) == "{%N(if)N(a)O(>=)I(2)%}$");
  CHECK(kinds(lex("{{ a // b ** c != d }}")) == "{{N(a)O(//)N(b)O(**)N(c)O(!=)N(d)}}$");
}

TEST_CASE("lexer: numbers") {
  CHECK(kinds(lex("{{ 1_000 }}")) == "{{I(1000)}}$");
  CHECK(kinds(lex("{{ 1.5 }}{{ 1e3 }}{{ 2.5e-3 }}")) == "{{F(1.5)}}{{F(1e3)}}{{F(2.5e-3)}}$");
  CHECK(kinds(lex("{{ 0x1F }}{{ 0b11 }}{{ 0o17 }}")) == "{{I(31)}}{{I(3)}}{{I(15)}}$");
  CHECK(kinds(lex("{{ a.0.1 }}")) == "{{N(a)O(.)I(0)O(.)I(1)}}$");  // no float after a dot
}

TEST_CASE("lexer: strings with escapes and Japanese") {
  auto t = lex(R"({{ 'a\nb' "it's" '\u65e5本' '\x41' }})");
  REQUIRE(t.size() >= 6);
  CHECK(t[1].value == "a\nb");
  CHECK(t[2].value == "it's");
  CHECK(t[3].value == "日本");
  CHECK(t[4].value == "A");
}

TEST_CASE("lexer: whitespace control strips across newlines") {
  CHECK(kinds(lex("a \n {%- if x -%} \n b")) == "D(a){%N(if)N(x)%}D(b)$");
  CHECK(kinds(lex("a  {{- 1 -}}  b")) == "D(a){{I(1)}}D(b)$");
  CHECK(kinds(lex("a {#- c -#} b")) == "D(a)D(b)$");
}

TEST_CASE("lexer: comments, raw and trailing newline") {
  CHECK(kinds(lex("a{# {{ x }} #}b")) == "D(a)D(b)$");
  CHECK(kinds(lex("{% raw %}{{ x }}{% endraw %}")) == "D({{ x }})$");
  CHECK(kinds(lex("x\n")) == "D(x)$");       // keep_trailing_newline=False drops one
  CHECK(kinds(lex("x\n\n")) == "D(x\n)$");
  CHECK(kinds(lex("a\r\nb")) == "D(a\nb)$");  // newlines normalised
}

TEST_CASE("lexer: dict literal braces do not end a print tag") {
  CHECK(kinds(lex("{{ {'a': {'b': 1}} }}")) ==
        "{{O({)S(a)O(:)O({)S(b)O(:)I(1)O(})O(})}}$");
}

TEST_CASE("lexer: positions are line and code point column") {
  auto t = lex("日本\n  {{ x }}");
  REQUIRE(t.size() >= 3);
  CHECK(t[1].pos.line == 2);
  CHECK(t[1].pos.column == 3);
  CHECK(t[2].pos.column == 6);
}

TEST_CASE("lexer: errors name file, line and column") {
  try {
    lex("ok\n{{ 'abc }}");
    FAIL("expected an error");
  } catch (const TemplateError& e) {
    CHECK(e.file == "t.txt");
    CHECK(e.line == 2);
    CHECK(e.column == 4);
  }
  CHECK_THROWS_AS(lex("{# never closed"), TemplateError);
  CHECK_THROWS_AS(lex("{{ a ) }}"), TemplateError);
  CHECK_THROWS_AS(lex("{{ a ^ b }}"), TemplateError);
  CHECK_THROWS_AS(lex("{% raw %}x"), TemplateError);
}
