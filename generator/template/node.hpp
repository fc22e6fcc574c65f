#pragma once
// AST produced by the parser. Trees are immutable once parsed and shared
// between threads; everything that can be decided at parse time (filter and
// test functions, autoescape mode, constant values, whether a loop body uses
// `loop`) is stored in the nodes.
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "template/filters.hpp"
#include "template/token.hpp"
#include "template/value.hpp"

namespace hyoka::tmpl {

enum class ExprKind : std::uint8_t {
  Const, Name, Getattr, Getitem, Slice, ListLit, DictLit, Unary, Binary, Compare,
  Concat, CondExpr, Filter, Test, Call,
};

struct Expr {
  Expr(ExprKind k, Pos p) : kind(k), pos(p) {}
  virtual ~Expr() = default;
  ExprKind kind;
  Pos pos;
};
using ExprPtr = std::unique_ptr<Expr>;

struct ConstExpr : Expr {
  ConstExpr(Pos p, Value v) : Expr(ExprKind::Const, p), value(std::move(v)) {}
  Value value;  // owned payload stays alive as long as the tree
  std::string storage;  // string constants: value borrows this
};

struct NameExpr : Expr {
  NameExpr(Pos p, std::string n) : Expr(ExprKind::Name, p), name(std::move(n)) {}
  std::string name;
};

struct GetattrExpr : Expr {
  GetattrExpr(Pos p, ExprPtr o, std::string a)
      : Expr(ExprKind::Getattr, p), obj(std::move(o)), attr(std::move(a)), dict_method(is_dict_method(attr)) {}
  ExprPtr obj;
  std::string attr;
  bool dict_method;  // `d.items` is the method, `d.name` the key: known once, not per lookup
};

struct GetitemExpr : Expr {
  GetitemExpr(Pos p, ExprPtr o, ExprPtr k) : Expr(ExprKind::Getitem, p), obj(std::move(o)), key(std::move(k)) {}
  ExprPtr obj;
  ExprPtr key;
};

struct SliceExpr : Expr {
  explicit SliceExpr(Pos p) : Expr(ExprKind::Slice, p) {}
  ExprPtr obj, start, stop, step;  // bounds may be null
};

struct ListExpr : Expr {
  ListExpr(Pos p, bool t) : Expr(ExprKind::ListLit, p), tuple(t) {}
  std::vector<ExprPtr> items;
  bool tuple;
};

struct DictExpr : Expr {
  explicit DictExpr(Pos p) : Expr(ExprKind::DictLit, p) {}
  std::vector<std::pair<ExprPtr, ExprPtr>> items;
};

enum class UnaryOp : std::uint8_t { Neg, Pos, Not };
struct UnaryExpr : Expr {
  UnaryExpr(Pos p, UnaryOp o, ExprPtr e) : Expr(ExprKind::Unary, p), op(o), operand(std::move(e)) {}
  UnaryOp op;
  ExprPtr operand;
};

enum class BinOp : std::uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, And, Or };
struct BinaryExpr : Expr {
  BinaryExpr(Pos p, BinOp o, ExprPtr l, ExprPtr r)
      : Expr(ExprKind::Binary, p), op(o), lhs(std::move(l)), rhs(std::move(r)) {}
  BinOp op;
  ExprPtr lhs, rhs;
};

enum class CmpOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };
struct CompareExpr : Expr {
  CompareExpr(Pos p, ExprPtr f) : Expr(ExprKind::Compare, p), first(std::move(f)) {}
  ExprPtr first;
  std::vector<std::pair<CmpOp, ExprPtr>> rest;  // chained like Python: a < b < c
};

struct ConcatExpr : Expr {
  ConcatExpr(Pos p, bool ae) : Expr(ExprKind::Concat, p), autoescape(ae) {}
  std::vector<ExprPtr> parts;
  bool autoescape;
};

struct CondExpr : Expr {
  explicit CondExpr(Pos p) : Expr(ExprKind::CondExpr, p) {}
  ExprPtr test, then, otherwise;  // otherwise may be null -> Undefined
};

struct Args {
  std::vector<ExprPtr> pos;
  std::vector<std::pair<std::string, ExprPtr>> kw;
  ExprPtr star;    // *args
  ExprPtr dstar;   // **kwargs
};

struct FilterExpr : Expr {
  FilterExpr(Pos p, ExprPtr in, std::string n, FilterFn f)
      : Expr(ExprKind::Filter, p), input(std::move(in)), name(std::move(n)), fn(f) {}
  ExprPtr input;  // null in {% filter %} / {% set x | f %}: the block's output
  std::string name;
  FilterFn fn;
  Args args;
  bool autoescape = false;
};

struct TestExpr : Expr {
  TestExpr(Pos p, ExprPtr in, std::string n, TestFn f)
      : Expr(ExprKind::Test, p), input(std::move(in)), name(std::move(n)), fn(f) {}
  ExprPtr input;
  std::string name;
  TestFn fn;
  Args args;
  bool autoescape = false;
};

struct CallExpr : Expr {
  CallExpr(Pos p, ExprPtr c) : Expr(ExprKind::Call, p), callee(std::move(c)) {}
  ExprPtr callee;
  Args args;
};

// ---------------------------------------------------------------- statements

enum class StmtKind : std::uint8_t {
  Text, Print, If, For, Set, SetBlock, Macro, CallBlock, FilterBlock, With, Block,
  Extends, Include, Import, FromImport, Scope,
};

struct Stmt {
  Stmt(StmtKind k, Pos p) : kind(k), pos(p) {}
  virtual ~Stmt() = default;
  StmtKind kind;
  Pos pos;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

// Assignment target: a name, a tuple of targets, or namespace attribute.
struct Target {
  std::string name;
  std::string attr;  // non-empty: `name.attr` (namespace assignment)
  std::vector<Target> items;
  bool tuple = false;
};

struct TextStmt : Stmt {
  TextStmt(Pos p, std::string t) : Stmt(StmtKind::Text, p), text(std::move(t)) {}
  std::string text;
};

struct PrintStmt : Stmt {
  PrintStmt(Pos p, ExprPtr e, bool ae) : Stmt(StmtKind::Print, p), expr(std::move(e)), autoescape(ae) {}
  ExprPtr expr;
  bool autoescape;
};

struct IfStmt : Stmt {
  explicit IfStmt(Pos p) : Stmt(StmtKind::If, p) {}
  std::vector<std::pair<ExprPtr, Body>> branches;
  Body otherwise;
};

struct ForStmt : Stmt {
  explicit ForStmt(Pos p) : Stmt(StmtKind::For, p) {}
  Target target;
  ExprPtr iter, filter;
  Body body, otherwise;
  bool recursive = false;
  bool uses_loop = true;  // body or filter mentions `loop`
  bool autoescape = false;
};

struct SetStmt : Stmt {
  explicit SetStmt(Pos p) : Stmt(StmtKind::Set, p) {}
  Target target;
  ExprPtr value;
};

struct SetBlockStmt : Stmt {
  explicit SetBlockStmt(Pos p) : Stmt(StmtKind::SetBlock, p) {}
  Target target;
  ExprPtr filter;  // innermost FilterExpr has a null input
  Body body;
  bool autoescape = false;
};

// Shared by {% macro %} and {% call %} (whose body is the `caller` macro).
struct MacroDef {
  std::string name;
  std::vector<std::pair<std::string, ExprPtr>> params;  // default may be null
  Body body;
  bool catch_varargs = false, catch_kwargs = false, catch_caller = false;
  bool autoescape = false;
  std::string template_name;
};

struct MacroStmt : Stmt {
  explicit MacroStmt(Pos p) : Stmt(StmtKind::Macro, p) {}
  std::shared_ptr<MacroDef> def;
};

struct CallBlockStmt : Stmt {
  explicit CallBlockStmt(Pos p) : Stmt(StmtKind::CallBlock, p) {}
  ExprPtr call;  // a CallExpr
  std::shared_ptr<MacroDef> caller;
  bool autoescape = false;
};

struct FilterBlockStmt : Stmt {
  explicit FilterBlockStmt(Pos p) : Stmt(StmtKind::FilterBlock, p) {}
  ExprPtr filter;
  Body body;
  bool autoescape = false;
};

struct WithStmt : Stmt {
  explicit WithStmt(Pos p) : Stmt(StmtKind::With, p) {}
  std::vector<std::pair<Target, ExprPtr>> assignments;
  Body body;
};

struct BlockStmt : Stmt {
  explicit BlockStmt(Pos p) : Stmt(StmtKind::Block, p) {}
  std::string name;
  Body body;
  bool scoped = false;
  bool required = false;
  std::string template_name;
};

struct ExtendsStmt : Stmt {
  ExtendsStmt(Pos p, ExprPtr t) : Stmt(StmtKind::Extends, p), tmpl(std::move(t)) {}
  ExprPtr tmpl;
};

struct IncludeStmt : Stmt {
  explicit IncludeStmt(Pos p) : Stmt(StmtKind::Include, p) {}
  ExprPtr tmpl;
  bool ignore_missing = false;
  bool with_context = true;
};

struct ImportStmt : Stmt {
  explicit ImportStmt(Pos p) : Stmt(StmtKind::Import, p) {}
  ExprPtr tmpl;
  std::string alias;
  bool with_context = false;
};

struct FromImportStmt : Stmt {
  explicit FromImportStmt(Pos p) : Stmt(StmtKind::FromImport, p) {}
  ExprPtr tmpl;
  std::vector<std::pair<std::string, std::string>> names;  // name, alias
  bool with_context = false;
};

struct ScopeStmt : Stmt {
  explicit ScopeStmt(Pos p) : Stmt(StmtKind::Scope, p) {}
  Body body;
};

// A parsed template: immutable, shared via shared_ptr<const Template>.
struct Template {
  std::string name;
  bool autoescape = false;
  Body body;
  std::map<std::string, const BlockStmt*, std::less<>> blocks;  // every block, nested ones too
};

}  // namespace hyoka::tmpl
