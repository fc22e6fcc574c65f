// Parser unit tests: tree shapes, precedence and syntax errors.
#include <doctest/doctest.h>

#include "template/error.hpp"
#include "template/parser.hpp"

using namespace hyoka::tmpl;

namespace {
std::shared_ptr<const Template> parse(std::string_view src) { return parse_template(src, "p.html", true); }

const Expr& print_expr(const Template& t, std::size_t i = 0) {
  REQUIRE(t.body.size() > i);
  REQUIRE(t.body[i]->kind == StmtKind::Print);
  return *static_cast<const PrintStmt&>(*t.body[i]).expr;
}
}  // namespace

TEST_CASE("parser: operator precedence follows Jinja2") {
  auto t = parse("{{ 1 + 2 * 3 }}");
  const auto& add = static_cast<const BinaryExpr&>(print_expr(*t));
  CHECK(add.op == BinOp::Add);
  CHECK(static_cast<const BinaryExpr&>(*add.rhs).op == BinOp::Mul);

  // Filters bind tighter than unary minus's operand: -x|abs == abs(-x).
  auto f = parse("{{ -x|abs }}");
  CHECK(print_expr(*f).kind == ExprKind::Filter);

  // `not` is lower than comparisons.
  auto n = parse("{{ not a == b }}");
  const auto& u = static_cast<const UnaryExpr&>(print_expr(*n));
  CHECK(u.op == UnaryOp::Not);
  CHECK(u.operand->kind == ExprKind::Compare);
}

TEST_CASE("parser: chained comparisons and tests") {
  auto t = parse("{{ a < b < c }}{{ x is not divisibleby 3 }}");
  const auto& c = static_cast<const CompareExpr&>(print_expr(*t));
  CHECK(c.rest.size() == 2);
  const auto& neg = static_cast<const UnaryExpr&>(print_expr(*t, 1));
  CHECK(neg.op == UnaryOp::Not);
  const auto& test = static_cast<const TestExpr&>(*neg.operand);
  CHECK(test.name == "divisibleby");
  CHECK(test.args.pos.size() == 1);
}

TEST_CASE("parser: constants are folded into Const nodes") {
  auto t = parse("{{ 'a' 'b' }}{{ none }}{{ True }}{{ 1.5 }}");
  CHECK(print_expr(*t).kind == ExprKind::Const);
  CHECK(static_cast<const ConstExpr&>(print_expr(*t)).value.str() == "ab");
  CHECK(static_cast<const ConstExpr&>(print_expr(*t, 1)).value.is_none());
  CHECK(static_cast<const ConstExpr&>(print_expr(*t, 2)).value.as_bool());
}

TEST_CASE("parser: statements and blocks") {
  auto t = parse("{% for k, v in d.items() if v recursive %}{{ loop.index }}{% else %}-{% endfor %}"
                 "{% block main scoped %}{% endblock main %}");
  REQUIRE(t->body.size() == 2);
  const auto& f = static_cast<const ForStmt&>(*t->body[0]);
  CHECK(f.target.tuple);
  CHECK(f.target.items.size() == 2);
  CHECK(f.filter);
  CHECK(f.recursive);
  CHECK(f.uses_loop);
  CHECK(f.otherwise.size() == 1);
  CHECK(t->blocks.count("main") == 1);
  CHECK(t->blocks.at("main")->scoped);
}

TEST_CASE("parser: macro signature flags") {
  auto t = parse("{% macro m(a, b=1) %}{{ varargs }}{{ caller() }}{% endmacro %}");
  const auto& m = static_cast<const MacroStmt&>(*t->body[0]);
  CHECK(m.def->params.size() == 2);
  CHECK(m.def->catch_varargs);
  CHECK_FALSE(m.def->catch_kwargs);
  CHECK(m.def->catch_caller);
  CHECK(m.def->autoescape);
}

TEST_CASE("parser: filters resolve at parse time") {
  try {
    parse("line1\n{{ x|grde }}");
    FAIL("expected error");
  } catch (const TemplateError& e) {
    CHECK(std::string(e.what()) == "p.html:2:6: unknown filter 'grde'");
    CHECK(e.line == 2);
    CHECK(e.column == 6);
  }
}

TEST_CASE("parser: syntax errors") {
  CHECK_THROWS_AS(parse("{% if x %}"), TemplateError);
  CHECK_THROWS_AS(parse("{% for x in y %}{% endif %}"), TemplateError);
  CHECK_THROWS_AS(parse("{% endfor %}"), TemplateError);
  CHECK_THROWS_AS(parse("{{ }}"), TemplateError);
  CHECK_THROWS_AS(parse("{{ a b }}"), TemplateError);
  CHECK_THROWS_AS(parse("{% set 1 = 2 %}"), TemplateError);
  CHECK_THROWS_AS(parse("{% macro m(a=1, b) %}{% endmacro %}"), TemplateError);
  CHECK_THROWS_AS(parse("{% block a %}{% endblock b %}"), TemplateError);
  CHECK_THROWS_AS(parse("{{ x is nosuchtest }}"), TemplateError);
  CHECK_THROWS_AS(parse("{% call foo %}{% endcall %}"), TemplateError);
}

TEST_CASE("parser: absurd nesting fails cleanly instead of overflowing the stack") {
  std::string deep = "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}";
  CHECK_THROWS_AS(parse(deep), TemplateError);
  std::string tags;
  for (int i = 0; i < 2000; ++i) tags += "{% if 1 %}";
  CHECK_THROWS_AS(parse(tags), TemplateError);
}
