#include "template/parser.hpp"

#include <cstdlib>

#include "template/error.hpp"
#include "template/lexer.hpp"
#include "template/python.hpp"

namespace hyoka::tmpl {


std::shared_ptr<const Template> parse_template(std::string_view source, const std::string& name, bool autoescape,
                                               const Extensions& extensions) {
  Lexer lexer(source, name);
  Parser parser(lexer.tokenize(), name, autoescape, extensions);
  return parser.parse();
}

Parser::Parser(std::vector<Token> tokens, std::string name, bool autoescape, const Extensions& extensions)
    : tokens_(std::move(tokens)), name_(std::move(name)), autoescape_(autoescape), extensions_(extensions) {}

std::shared_ptr<Template> Parser::parse() {
  tmpl_ = std::make_shared<Template>();
  tmpl_->name = name_;
  tmpl_->autoescape = autoescape_;
  tmpl_->body = subparse({});
  if (cur().kind != Tok::Eof) fail_unexpected();
  return std::move(tmpl_);
}

// ------------------------------------------------------------ token stream

const Token& Parser::peek(std::size_t n) const { return tokens_[std::min(i_ + n, tokens_.size() - 1)]; }

const Token& Parser::advance() {
  const Token& t = tokens_[i_];
  if (i_ + 1 < tokens_.size()) ++i_;
  return t;
}

bool Parser::at_op(std::string_view op) const { return cur().kind == Tok::Op && cur().value == op; }
bool Parser::at_name(std::string_view name) const { return cur().kind == Tok::Name && cur().value == name; }

bool Parser::skip_op(std::string_view op) {
  if (!at_op(op)) return false;
  advance();
  return true;
}

bool Parser::skip_name(std::string_view name) {
  if (!at_name(name)) return false;
  advance();
  return true;
}

void Parser::expect_op(std::string_view op) {
  if (!skip_op(op)) fail("expected '" + std::string(op) + "'", cur().pos);
}

void Parser::expect_name(std::string_view name) {
  if (!skip_name(name)) fail("expected '" + std::string(name) + "'", cur().pos);
}

std::string Parser::expect_identifier() {
  if (cur().kind != Tok::Name) fail("expected name", cur().pos);
  return advance().value;
}

void Parser::expect(Tok kind) {
  if (cur().kind != kind) {
    if (cur().kind == Tok::Eof && !open_tags_.empty())
      fail("unexpected end of template, expected 'end" + open_tags_.back() + "'", cur().pos);
    fail(std::string("expected ") + token_description(kind) + ", got " + token_description(cur().kind) +
             (cur().value.empty() ? "" : " '" + cur().value + "'"),
         cur().pos);
  }
  advance();
}

void Parser::fail(const std::string& msg, Pos pos) const {
  throw TemplateError(name_, int(pos.line), int(pos.column), msg);
}

void Parser::fail_unexpected() const {
  if (cur().kind == Tok::Eof) {
    if (!open_tags_.empty()) fail("unexpected end of template, expected 'end" + open_tags_.back() + "'", cur().pos);
    fail("unexpected end of template", cur().pos);
  }
  fail(std::string("unexpected ") + token_description(cur().kind) +
           (cur().value.empty() ? "" : " '" + cur().value + "'"),
       cur().pos);
}

// ------------------------------------------------------------ statements

// Parses until "{% <one of end_tags>"; leaves the end tag name as current token.
Body Parser::subparse(EndTags end_tags) {
  Body body;
  while (cur().kind != Tok::Eof) {
    if (cur().kind == Tok::Data) {
      const Token& t = advance();
      body.push_back(std::make_unique<TextStmt>(t.pos, t.value));
    } else if (cur().kind == Tok::VarBegin) {
      Pos p = advance().pos;
      ExprPtr e = parse_tuple();
      expect(Tok::VarEnd);
      body.push_back(std::make_unique<PrintStmt>(p, std::move(e), autoescape_));
    } else if (cur().kind == Tok::BlockBegin) {
      advance();
      if (cur().kind == Tok::Name) {
        for (auto tag : end_tags)
          if (cur().value == tag) return body;
      }
      body.push_back(parse_statement());
    } else {
      fail_unexpected();
    }
  }
  if (end_tags.size() != 0) {
    std::string expected;
    for (auto t : end_tags) expected += (expected.empty() ? "'" : " or '") + std::string(t) + "'";
    fail("unexpected end of template, expected " + expected, cur().pos);
  }
  return body;
}

Body Parser::parse_body_until(EndTags end_tags) {
  expect(Tok::BlockEnd);
  return subparse(end_tags);
}

StmtPtr Parser::parse_statement() {
  const Token& t = cur();
  if (t.kind != Tok::Name) fail("tag name expected", t.pos);
  const std::string& n = t.value;
  if (open_tags_.size() > 100) fail("statements nested too deeply", t.pos);
  open_tags_.push_back(n);
  StmtPtr s;
  if (n == "for") s = parse_for();
  else if (n == "if") s = parse_if();
  else if (n == "set") s = parse_set();
  else if (n == "macro") s = parse_macro();
  else if (n == "call") s = parse_call_block();
  else if (n == "filter") s = parse_filter_block();
  else if (n == "with") s = parse_with();
  else if (n == "block") s = parse_block();
  else if (n == "include") s = parse_include();
  else if (n == "import") s = parse_import();
  else if (n == "from") s = parse_from();
  else if (n == "autoescape") s = parse_autoescape();
  else if (n == "extends") {
    Pos p = advance().pos;
    s = std::make_unique<ExtendsStmt>(p, parse_expression());
  } else {
    fail("Encountered unknown tag '" + n + "'.", t.pos);
  }
  open_tags_.pop_back();
  expect(Tok::BlockEnd);
  return s;
}

StmtPtr Parser::parse_for() {
  auto s = std::make_unique<ForStmt>(advance().pos);
  s->autoescape = autoescape_;
  int loop_before = name_counts_[0];
  s->target = parse_assign_target(true, false, "in");
  expect_name("in");
  s->iter = parse_tuple(false, "recursive");
  if (skip_name("if")) s->filter = parse_expression();
  s->recursive = skip_name("recursive");
  s->body = parse_body_until({"endfor", "else"});
  if (skip_name("else")) s->otherwise = parse_body_until({"endfor"});
  advance();  // endfor
  s->uses_loop = name_counts_[0] != loop_before;
  return s;
}

StmtPtr Parser::parse_if() {
  auto s = std::make_unique<IfStmt>(advance().pos);
  while (true) {
    ExprPtr test = parse_tuple(false);
    Body body = parse_body_until({"elif", "else", "endif"});
    s->branches.emplace_back(std::move(test), std::move(body));
    if (skip_name("elif")) continue;
    if (skip_name("else")) s->otherwise = parse_body_until({"endif"});
    break;
  }
  advance();  // endif
  return s;
}

StmtPtr Parser::parse_set() {
  Pos p = advance().pos;
  Target target = parse_assign_target(true, true);
  if (skip_op("=")) {
    auto s = std::make_unique<SetStmt>(p);
    s->target = std::move(target);
    s->value = parse_tuple();
    return s;
  }
  auto s = std::make_unique<SetBlockStmt>(p);
  s->target = std::move(target);
  s->autoescape = autoescape_;
  if (at_op("|")) s->filter = parse_filter(nullptr);
  s->body = parse_body_until({"endset"});
  advance();
  return s;
}

void Parser::parse_signature(MacroDef& def) {
  expect_op("(");
  while (!at_op(")")) {
    if (!def.params.empty()) expect_op(",");
    if (at_op(")")) break;
    std::string name = expect_identifier();
    ExprPtr dflt;
    if (skip_op("=")) dflt = parse_expression();
    else if (!def.params.empty() && def.params.back().second)
      fail("non-default argument follows default argument", cur().pos);
    def.params.emplace_back(std::move(name), std::move(dflt));
  }
  advance();
}

// varargs/kwargs/caller are only accepted by a macro whose body mentions them.
void Parser::finish_macro(MacroDef& def, const int before[3]) {
  def.catch_varargs = name_counts_[1] != before[0];
  def.catch_kwargs = name_counts_[2] != before[1];
  def.catch_caller = name_counts_[3] != before[2];
  def.autoescape = autoescape_;
  def.template_name = name_;
}

StmtPtr Parser::parse_macro() {
  auto s = std::make_unique<MacroStmt>(advance().pos);
  s->def = std::make_shared<MacroDef>();
  s->def->name = expect_identifier();
  int before[3] = {name_counts_[1], name_counts_[2], name_counts_[3]};
  parse_signature(*s->def);
  s->def->body = parse_body_until({"endmacro"});
  advance();
  finish_macro(*s->def, before);
  return s;
}

StmtPtr Parser::parse_call_block() {
  auto s = std::make_unique<CallBlockStmt>(advance().pos);
  s->caller = std::make_shared<MacroDef>();
  s->caller->name = "caller";
  s->autoescape = autoescape_;
  int before[3] = {name_counts_[1], name_counts_[2], name_counts_[3]};
  if (at_op("(")) parse_signature(*s->caller);
  Pos p = cur().pos;
  s->call = parse_expression();
  if (s->call->kind != ExprKind::Call) fail("expected call", p);
  s->caller->body = parse_body_until({"endcall"});
  advance();
  finish_macro(*s->caller, before);
  return s;
}

StmtPtr Parser::parse_filter_block() {
  auto s = std::make_unique<FilterBlockStmt>(advance().pos);
  s->autoescape = autoescape_;
  s->filter = parse_filter(nullptr, true);
  s->body = parse_body_until({"endfilter"});
  advance();
  return s;
}

StmtPtr Parser::parse_with() {
  auto s = std::make_unique<WithStmt>(advance().pos);
  while (cur().kind != Tok::BlockEnd) {
    if (!s->assignments.empty()) expect_op(",");
    Target t = parse_assign_target(false, false);
    expect_op("=");
    s->assignments.emplace_back(std::move(t), parse_expression());
  }
  s->body = parse_body_until({"endwith"});
  advance();
  return s;
}

StmtPtr Parser::parse_block() {
  auto s = std::make_unique<BlockStmt>(advance().pos);
  s->name = expect_identifier();
  s->template_name = name_;
  s->scoped = skip_name("scoped");
  s->required = skip_name("required");
  if (tmpl_->blocks.count(s->name)) fail("block '" + s->name + "' defined twice", s->pos);
  s->body = parse_body_until({"endblock"});
  advance();
  if (cur().kind == Tok::Name) {
    if (cur().value != s->name) fail("mismatching name of block '" + s->name + "'", cur().pos);
    advance();
  }
  tmpl_->blocks[s->name] = s.get();
  return s;
}

void Parser::parse_context_modifier(bool& with_context) {
  if ((at_name("with") || at_name("without")) && peek().kind == Tok::Name && peek().value == "context") {
    with_context = advance().value == "with";
    advance();
  }
}

StmtPtr Parser::parse_include() {
  auto s = std::make_unique<IncludeStmt>(advance().pos);
  s->tmpl = parse_expression();
  if (at_name("ignore") && peek().kind == Tok::Name && peek().value == "missing") {
    advance();
    advance();
    s->ignore_missing = true;
  }
  parse_context_modifier(s->with_context);
  return s;
}

StmtPtr Parser::parse_import() {
  auto s = std::make_unique<ImportStmt>(advance().pos);
  s->tmpl = parse_expression();
  expect_name("as");
  s->alias = expect_identifier();
  parse_context_modifier(s->with_context);
  return s;
}

StmtPtr Parser::parse_from() {
  auto s = std::make_unique<FromImportStmt>(advance().pos);
  s->tmpl = parse_expression();
  expect_name("import");
  while (true) {
    if ((at_name("with") || at_name("without")) && peek().kind == Tok::Name && peek().value == "context") {
      parse_context_modifier(s->with_context);
      break;
    }
    if (!s->names.empty() && !skip_op(",")) break;
    if (cur().kind != Tok::Name) {
      if (s->names.empty()) fail("expected name", cur().pos);
      break;
    }
    if ((at_name("with") || at_name("without")) && peek().kind == Tok::Name && peek().value == "context") continue;
    std::string name = expect_identifier();
    if (name.starts_with("_")) fail("names starting with an underline can not be imported", cur().pos);
    std::string alias = skip_name("as") ? expect_identifier() : name;
    s->names.emplace_back(std::move(name), std::move(alias));
  }
  return s;
}

StmtPtr Parser::parse_autoescape() {
  auto s = std::make_unique<ScopeStmt>(advance().pos);
  Pos p = cur().pos;
  ExprPtr e = parse_expression();
  if (e->kind != ExprKind::Const) fail("autoescape needs a constant true/false", p);
  bool saved = autoescape_;
  autoescape_ = truthy(static_cast<ConstExpr&>(*e).value);
  s->body = parse_body_until({"endautoescape"});
  advance();
  autoescape_ = saved;
  return s;
}

Target Parser::parse_target_primary(bool with_namespace) {
  if (skip_op("(")) {
    Target t = parse_assign_target(true, false);
    expect_op(")");
    return t;
  }
  Target t;
  t.name = expect_identifier();
  if (with_namespace && at_op(".") && peek().kind == Tok::Name) {
    advance();
    t.attr = advance().value;
  }
  if (t.name == "true" || t.name == "false" || t.name == "none" || t.name == "True" || t.name == "False" ||
      t.name == "None")
    fail("can't assign to '" + t.name + "'", cur().pos);
  return t;
}

Target Parser::parse_assign_target(bool with_tuple, bool with_namespace, std::string_view extra_end) {
  Target first = parse_target_primary(with_namespace);
  if (!with_tuple || !at_op(",")) return first;
  Target t;
  t.tuple = true;
  t.items.push_back(std::move(first));
  while (skip_op(",")) {
    if (is_tuple_end(extra_end) || at_op("=") || at_op(")")) break;
    t.items.push_back(parse_target_primary(false));
  }
  return t;
}

}  // namespace hyoka::tmpl
