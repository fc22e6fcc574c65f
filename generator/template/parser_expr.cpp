// Expression half of the parser; precedence levels follow jinja2/parser.py.
#include <cerrno>

#include "template/error.hpp"
#include "template/parser.hpp"

namespace hyoka::tmpl {

namespace {
constexpr int kMaxNesting = 150;

ExprPtr make_const(Pos p, Value v) { return std::make_unique<ConstExpr>(p, std::move(v)); }

// String constants borrow from storage inside the node: no refcounting when
// the constant is used.
ExprPtr make_string(Pos p, std::string s) {
  auto c = std::make_unique<ConstExpr>(p, Value(nullptr));
  c->storage = std::move(s);
  c->value = Value::borrow(c->storage);
  return c;
}
}  // namespace

bool Parser::is_tuple_end(std::string_view extra_end) const {
  if (cur().kind == Tok::VarEnd || cur().kind == Tok::BlockEnd || at_op(")")) return true;
  return !extra_end.empty() && at_name(extra_end);
}

ExprPtr Parser::parse_tuple(bool with_condexpr, std::string_view extra_end, bool explicit_parens) {
  Pos p = cur().pos;
  std::vector<ExprPtr> items;
  bool saw_comma = false;
  while (true) {
    if (!items.empty()) {
      if (!skip_op(",")) break;
      saw_comma = true;
    }
    if (is_tuple_end(extra_end)) break;
    items.push_back(parse_expression(with_condexpr));
    if (!at_op(",")) break;
  }
  if (!saw_comma) {
    if (!items.empty()) return std::move(items[0]);
    if (!explicit_parens) fail("Expected an expression, got " + std::string(token_description(cur().kind)), p);
  }
  auto t = std::make_unique<ListExpr>(p, true);
  t->items = std::move(items);
  return t;
}

ExprPtr Parser::parse_expression(bool with_condexpr) {
  if (++depth_ > kMaxNesting) fail("expression nested too deeply", cur().pos);
  ExprPtr e = with_condexpr ? parse_condexpr() : parse_or();
  --depth_;
  return e;
}

ExprPtr Parser::parse_condexpr() {
  ExprPtr expr1 = parse_or();
  while (at_name("if")) {
    Pos p = advance().pos;
    auto c = std::make_unique<CondExpr>(p);
    c->test = parse_or();
    if (skip_name("else")) c->otherwise = parse_condexpr();
    c->then = std::move(expr1);
    expr1 = std::move(c);
  }
  return expr1;
}

ExprPtr Parser::parse_or() {
  ExprPtr left = parse_and();
  while (at_name("or")) {
    Pos p = advance().pos;
    left = std::make_unique<BinaryExpr>(p, BinOp::Or, std::move(left), parse_and());
  }
  return left;
}

ExprPtr Parser::parse_and() {
  ExprPtr left = parse_not();
  while (at_name("and")) {
    Pos p = advance().pos;
    left = std::make_unique<BinaryExpr>(p, BinOp::And, std::move(left), parse_not());
  }
  return left;
}

ExprPtr Parser::parse_not() {
  if (at_name("not")) {
    Pos p = advance().pos;
    if (++depth_ > kMaxNesting) fail("expression nested too deeply", p);
    auto e = std::make_unique<UnaryExpr>(p, UnaryOp::Not, parse_not());
    --depth_;
    return e;
  }
  return parse_compare();
}

ExprPtr Parser::parse_compare() {
  Pos p = cur().pos;
  ExprPtr first = parse_math1();
  std::unique_ptr<CompareExpr> cmp;
  while (true) {
    CmpOp op;
    if (at_op("==")) op = CmpOp::Eq;
    else if (at_op("!=")) op = CmpOp::Ne;
    else if (at_op("<")) op = CmpOp::Lt;
    else if (at_op("<=")) op = CmpOp::Le;
    else if (at_op(">")) op = CmpOp::Gt;
    else if (at_op(">=")) op = CmpOp::Ge;
    else if (at_name("in")) op = CmpOp::In;
    else if (at_name("not") && peek().kind == Tok::Name && peek().value == "in") {
      advance();
      op = CmpOp::NotIn;
    } else {
      break;
    }
    advance();
    if (!cmp) cmp = std::make_unique<CompareExpr>(p, std::move(first));
    cmp->rest.emplace_back(op, parse_math1());
  }
  if (cmp) return cmp;
  return first;
}

ExprPtr Parser::parse_math1() {
  ExprPtr left = parse_concat();
  while (at_op("+") || at_op("-")) {
    BinOp op = cur().value == "+" ? BinOp::Add : BinOp::Sub;
    Pos p = advance().pos;
    left = std::make_unique<BinaryExpr>(p, op, std::move(left), parse_concat());
  }
  return left;
}

ExprPtr Parser::parse_concat() {
  Pos p = cur().pos;
  ExprPtr first = parse_math2();
  if (!at_op("~")) return first;
  auto c = std::make_unique<ConcatExpr>(p, autoescape_);
  c->parts.push_back(std::move(first));
  while (skip_op("~")) c->parts.push_back(parse_math2());
  return c;
}

ExprPtr Parser::parse_math2() {
  ExprPtr left = parse_pow();
  while (true) {
    BinOp op;
    if (at_op("*")) op = BinOp::Mul;
    else if (at_op("/")) op = BinOp::Div;
    else if (at_op("//")) op = BinOp::FloorDiv;
    else if (at_op("%")) op = BinOp::Mod;
    else break;
    Pos p = advance().pos;
    left = std::make_unique<BinaryExpr>(p, op, std::move(left), parse_pow());
  }
  return left;
}

ExprPtr Parser::parse_pow() {
  ExprPtr left = parse_unary();
  while (at_op("**")) {
    Pos p = advance().pos;
    left = std::make_unique<BinaryExpr>(p, BinOp::Pow, std::move(left), parse_unary());
  }
  return left;
}

ExprPtr Parser::parse_unary(bool with_filter) {
  if (++depth_ > kMaxNesting) fail("expression nested too deeply", cur().pos);
  ExprPtr node;
  if (at_op("-") || at_op("+")) {
    UnaryOp op = cur().value == "-" ? UnaryOp::Neg : UnaryOp::Pos;
    Pos p = advance().pos;
    node = std::make_unique<UnaryExpr>(p, op, parse_unary(false));
  } else {
    node = parse_primary();
  }
  node = parse_postfix(std::move(node));
  if (with_filter) node = parse_filter_expr(std::move(node));
  --depth_;
  return node;
}

ExprPtr Parser::parse_primary() {
  const Token& t = cur();
  Pos p = t.pos;
  switch (t.kind) {
    case Tok::Name: {
      std::string n = advance().value;
      if (n == "true" || n == "True") return make_const(p, Value(true));
      if (n == "false" || n == "False") return make_const(p, Value(false));
      if (n == "none" || n == "None") return make_const(p, Value(nullptr));
      if (n == "loop") ++name_counts_[0];
      else if (n == "varargs") ++name_counts_[1];
      else if (n == "kwargs") ++name_counts_[2];
      else if (n == "caller") ++name_counts_[3];
      return std::make_unique<NameExpr>(p, std::move(n));
    }
    case Tok::String: {
      std::string s = advance().value;
      while (cur().kind == Tok::String) s += advance().value;  // adjacent literals concatenate
      return make_string(p, std::move(s));
    }
    case Tok::Int: {
      const std::string& text = advance().value;
      errno = 0;
      long long v = std::strtoll(text.c_str(), nullptr, 10);
      if (errno == ERANGE) return make_const(p, Value(std::strtod(text.c_str(), nullptr)));
      return make_const(p, Value(static_cast<std::int64_t>(v)));
    }
    case Tok::Float: return make_const(p, Value(std::strtod(advance().value.c_str(), nullptr)));
    case Tok::Op:
      if (t.value == "(") {
        advance();
        ExprPtr e = parse_tuple(true, {}, true);
        expect_op(")");
        return e;
      }
      if (t.value == "[") return parse_list();
      if (t.value == "{") return parse_dict();
      break;
    default: break;
  }
  fail_unexpected();
}

ExprPtr Parser::parse_list() {
  auto l = std::make_unique<ListExpr>(advance().pos, false);
  while (!at_op("]")) {
    if (!l->items.empty()) expect_op(",");
    if (at_op("]")) break;
    l->items.push_back(parse_expression());
  }
  advance();
  return l;
}

ExprPtr Parser::parse_dict() {
  auto d = std::make_unique<DictExpr>(advance().pos);
  while (!at_op("}")) {
    if (!d->items.empty()) expect_op(",");
    if (at_op("}")) break;
    ExprPtr key = parse_expression();
    expect_op(":");
    d->items.emplace_back(std::move(key), parse_expression());
  }
  advance();
  return d;
}

ExprPtr Parser::parse_postfix(ExprPtr node) {
  while (true) {
    if (at_op(".") || at_op("[")) node = parse_subscript(std::move(node));
    else if (at_op("(")) node = parse_call(std::move(node));
    else return node;
  }
}

ExprPtr Parser::parse_filter_expr(ExprPtr node) {
  while (true) {
    if (at_op("|")) node = parse_filter(std::move(node));
    else if (at_name("is")) node = parse_test(std::move(node));
    else if (at_op("(")) node = parse_call(std::move(node));
    else return node;
  }
}

ExprPtr Parser::parse_subscript(ExprPtr node) {
  const Token& t = advance();
  Pos p = t.pos;
  if (t.value == ".") {
    if (cur().kind == Tok::Name) return std::make_unique<GetattrExpr>(p, std::move(node), advance().value);
    if (cur().kind != Tok::Int) fail("expected name or number", cur().pos);
    errno = 0;
    long long index = std::strtoll(cur().value.c_str(), nullptr, 10);
    if (errno == ERANGE) fail("integer index too large for 64 bits", cur().pos);
    ExprPtr key = make_const(advance().pos, Value(static_cast<std::int64_t>(index)));
    return std::make_unique<GetitemExpr>(p, std::move(node), std::move(key));
  }
  std::vector<ExprPtr> args;
  while (!at_op("]")) {
    if (!args.empty()) {
      expect_op(",");
      if (at_op("]")) break;
    }
    args.push_back(parse_subscribed());
  }
  advance();
  if (args.size() == 1) {
    if (args[0]->kind == ExprKind::Slice) {
      auto* s = static_cast<SliceExpr*>(args[0].get());
      s->obj = std::move(node);
      return std::move(args[0]);
    }
    return std::make_unique<GetitemExpr>(p, std::move(node), std::move(args[0]));
  }
  // A slice needs the object it slices: inside a tuple it has none (Jinja2 does
  // not compile it either; the renderer used to dereference the missing object).
  for (const auto& arg : args)
    if (arg->kind == ExprKind::Slice) fail("invalid syntax: a slice inside a tuple subscript", arg->pos);
  auto tuple = std::make_unique<ListExpr>(p, true);
  tuple->items = std::move(args);
  return std::make_unique<GetitemExpr>(p, std::move(node), std::move(tuple));
}

// One subscript: an expression or a slice a:b:c (any part optional).
ExprPtr Parser::parse_subscribed() {
  Pos p = cur().pos;
  ExprPtr first;
  if (!at_op(":")) {
    first = parse_expression();
    if (!at_op(":")) return first;
  }
  advance();
  auto s = std::make_unique<SliceExpr>(p);
  s->start = std::move(first);
  if (!at_op("]") && !at_op(",") && !at_op(":")) s->stop = parse_expression();
  if (skip_op(":") && !at_op("]") && !at_op(",")) s->step = parse_expression();
  return s;
}

void Parser::parse_args(Args& args) {
  expect_op("(");
  bool first = true;
  while (!at_op(")")) {
    if (!first) {
      expect_op(",");
      if (at_op(")")) break;
    }
    first = false;
    if (skip_op("*")) {
      args.star = parse_expression();
    } else if (skip_op("**")) {
      args.dstar = parse_expression();
    } else if (cur().kind == Tok::Name && peek().kind == Tok::Op && peek().value == "=") {
      std::string key = advance().value;
      advance();
      args.kw.emplace_back(std::move(key), parse_expression());
    } else {
      if (!args.kw.empty() || args.star || args.dstar)
        fail("positional argument follows keyword argument", cur().pos);
      args.pos.push_back(parse_expression());
    }
  }
  advance();
}

ExprPtr Parser::parse_call(ExprPtr node) {
  auto c = std::make_unique<CallExpr>(cur().pos, std::move(node));
  parse_args(c->args);
  return c;
}

ExprPtr Parser::parse_filter(ExprPtr node, bool start_inline) {
  while (at_op("|") || start_inline) {
    if (!start_inline) advance();
    start_inline = false;
    Pos p = cur().pos;
    std::string name = expect_identifier();
    while (at_op(".") && peek().kind == Tok::Name) {
      advance();
      name += "." + advance().value;
    }
    FilterFn fn = extensions_.filter(name);
    if (!fn) fail("unknown filter '" + name + "'", p);
    auto f = std::make_unique<FilterExpr>(p, std::move(node), std::move(name), fn);
    f->autoescape = autoescape_;
    if (at_op("(")) parse_args(f->args);
    node = std::move(f);
  }
  return node;
}

ExprPtr Parser::parse_test(ExprPtr node) {
  Pos is_pos = advance().pos;  // "is"
  bool negated = skip_name("not");
  Pos p = cur().pos;
  std::string name = expect_identifier();
  while (at_op(".") && peek().kind == Tok::Name) {
    advance();
    name += "." + advance().value;
  }
  TestFn fn = extensions_.test(name);
  if (!fn) fail("unknown test '" + name + "'", p);
  auto t = std::make_unique<TestExpr>(p, std::move(node), std::move(name), fn);
  t->autoescape = autoescape_;
  if (at_op("(")) {
    parse_args(t->args);
  } else {
    const Token& c = cur();
    bool arg_start = c.kind == Tok::Name || c.kind == Tok::String || c.kind == Tok::Int || c.kind == Tok::Float ||
                     (c.kind == Tok::Op && (c.value == "(" || c.value == "[" || c.value == "{"));
    if (arg_start && !(c.kind == Tok::Name && (c.value == "else" || c.value == "or" || c.value == "and"))) {
      if (c.kind == Tok::Name && c.value == "is") fail("You cannot chain multiple tests with is", c.pos);
      ExprPtr arg = parse_postfix(parse_primary());
      t->args.pos.push_back(std::move(arg));
    }
  }
  if (negated) return std::make_unique<UnaryExpr>(is_pos, UnaryOp::Not, std::move(t));
  return t;
}

}  // namespace hyoka::tmpl
