#pragma once
// Parser: tokens -> Template AST, following Jinja2's grammar and operator
// precedence (jinja2/parser.py), so templates mean the same thing here.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "template/filters.hpp"
#include "template/node.hpp"
#include "template/token.hpp"

namespace hyoka::tmpl {

// Filters and tests are looked up in `extensions` (Jinja2's built-ins when empty).
std::shared_ptr<const Template> parse_template(std::string_view source, const std::string& name, bool autoescape,
                                               const Extensions& extensions = {});

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string name, bool autoescape, const Extensions& extensions);
  std::shared_ptr<Template> parse();

 private:
  using EndTags = std::initializer_list<std::string_view>;
  // statements
  Body subparse(EndTags end_tags);
  StmtPtr parse_statement();
  StmtPtr parse_for();
  StmtPtr parse_if();
  StmtPtr parse_set();
  StmtPtr parse_macro();
  StmtPtr parse_call_block();
  StmtPtr parse_filter_block();
  StmtPtr parse_with();
  StmtPtr parse_block();
  StmtPtr parse_include();
  StmtPtr parse_import();
  StmtPtr parse_from();
  StmtPtr parse_autoescape();
  void parse_signature(MacroDef& def);
  void parse_context_modifier(bool& with_context);
  void finish_macro(MacroDef& def, const int counts_before[3]);
  Target parse_assign_target(bool with_tuple, bool with_namespace, std::string_view extra_end = {});
  Target parse_target_primary(bool with_namespace);
  Body parse_body_until(EndTags end_tags);

  // expressions
  ExprPtr parse_tuple(bool with_condexpr = true, std::string_view extra_end = {}, bool explicit_parens = false);
  ExprPtr parse_expression(bool with_condexpr = true);
  ExprPtr parse_condexpr();
  ExprPtr parse_or();
  ExprPtr parse_and();
  ExprPtr parse_not();
  ExprPtr parse_compare();
  ExprPtr parse_math1();
  ExprPtr parse_concat();
  ExprPtr parse_math2();
  ExprPtr parse_pow();
  ExprPtr parse_unary(bool with_filter = true);
  ExprPtr parse_primary();
  ExprPtr parse_list();
  ExprPtr parse_dict();
  ExprPtr parse_postfix(ExprPtr node);
  ExprPtr parse_filter_expr(ExprPtr node);
  ExprPtr parse_subscript(ExprPtr node);
  ExprPtr parse_subscribed();
  ExprPtr parse_filter(ExprPtr node, bool start_inline = false);
  ExprPtr parse_test(ExprPtr node);
  ExprPtr parse_call(ExprPtr node);
  void parse_args(Args& args);
  bool is_tuple_end(std::string_view extra_end) const;

  // token stream
  const Token& cur() const { return tokens_[i_]; }
  const Token& peek(std::size_t n = 1) const;
  const Token& advance();
  bool at_op(std::string_view op) const;
  bool at_name(std::string_view name) const;
  bool skip_op(std::string_view op);
  bool skip_name(std::string_view name);
  void expect_op(std::string_view op);
  void expect_name(std::string_view name);
  std::string expect_identifier();
  void expect(Tok kind);
  [[noreturn]] void fail(const std::string& msg, Pos pos) const;
  [[noreturn]] void fail_unexpected() const;

  std::vector<Token> tokens_;
  std::size_t i_ = 0;
  std::string name_;
  bool autoescape_;
  const Extensions& extensions_;
  std::shared_ptr<Template> tmpl_;
  std::vector<std::string> open_tags_;  // for "unexpected end" messages
  int name_counts_[4] = {0, 0, 0, 0};   // mentions of loop, varargs, kwargs, caller
  int depth_ = 0;                       // expression nesting, bounded to protect the stack
};

}  // namespace hyoka::tmpl
