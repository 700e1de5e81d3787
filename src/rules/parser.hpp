// SPDX-License-Identifier: MIT
// Internal: the rule parser. It reads tokens (lexer.hpp) by recursive descent, resolves row
// addresses against the catalogue, asks the type rules (types.hpp) of each expression, and
// lowers it into the flat node array of a CompiledRule (program.hpp). Declarations (files,
// `let`, rules, messages) are in parse_rules.cpp, expressions in parse_expressions.cpp.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cchc/limits.hpp"
#include "program.hpp"
#include "rules/types.hpp"
#include "util/stack_guard.hpp"

namespace cchc::rules {

// A `let` definition: its own small tree, copied into each rule that uses it.
struct Definition {
  std::vector<Node> nodes;
  std::uint32_t root = 0;
};

class Compiler {
 public:
  Compiler(const std::vector<Token>& toks, const Catalog& cat, std::string_view name,
           const RuleLimits& limits)
      : toks_(&toks), cat_(cat), name_(name), limits_(limits) {}

  result<std::vector<CompiledRule>> file();

 private:
  // --- tokens ---------------------------------------------------------------------------------
  const Token& peek(std::size_t ahead = 0) const {
    return (*toks_)[std::min(pos_ + ahead, toks_->size() - 1)];
  }
  const Token& next() {
    const Token& t = peek();
    if (pos_ + 1 < toks_->size()) ++pos_;
    return t;
  }
  bool is_word(std::string_view w, std::size_t ahead = 0) const {
    return peek(ahead).kind == Tok::ident && peek(ahead).text == w;
  }
  bool accept(Tok k) {
    if (peek().kind != k) return false;
    next();
    return true;
  }

  error fail(const Token& t, errc code, std::string vi, std::string en) const {
    return make_error(code, std::move(vi), std::move(en),
                      fmt::format("{}:{}", name_, where(t.pos)));
  }
  error fail(const Token& t, std::string vi, std::string en) const {
    return fail(t, errc::parse_error, std::move(vi), std::move(en));
  }
  error fail_at(const Position& p, errc code, std::string vi, std::string en) const {
    return make_error(code, std::move(vi), std::move(en),
                      fmt::format("{}:{}", name_, where(p)));
  }
  error type_error(const Node& at, std::string vi, std::string en) const {
    return fail_at(at.pos, errc::kind_mismatch, std::move(vi), std::move(en));
  }
  result<void> expect(Tok k, std::string_view shown) {
    if (accept(k)) return {};
    return fail(peek(), fmt::format("cần '{}', gặp \"{}\"", shown, peek().text),
                fmt::format("expected '{}', found \"{}\"", shown, peek().text));
  }

  // --- nodes ----------------------------------------------------------------------------------
  std::uint32_t add(Node n) {
    nodes_->push_back(std::move(n));
    return static_cast<std::uint32_t>(nodes_->size() - 1);
  }
  Node& at(std::uint32_t i) { return (*nodes_)[i]; }

  // Copies a definition's tree into the current rule.
  std::uint32_t splice(const Definition& d, std::uint32_t i, const Position& pos) {
    Node n = d.nodes[i];  // recursion bounded: the definition's height passed size_limits()
    n.pos = pos;
    std::vector<std::uint32_t> args;
    for (auto a : n.args) args.push_back(splice(d, a, pos));
    n.args = std::move(args);
    return add(std::move(n));
  }

  // --- declarations ---------------------------------------------------------------------------
  result<void> let();

  result<CompiledRule> rule();

  // Rows in order of appearance; those outside present()/absent() also feed the missing policy.
  void collect_rows(CompiledRule& r, std::uint32_t i, bool inside_presence);
  static bool uses_prev(const CompiledRule& r, std::uint32_t i) {
    const Node& n = r.nodes[i];
    return n.op == Op::prev ||
           std::any_of(n.args.begin(), n.args.end(), [&](auto a) { return uses_prev(r, a); });
  }

  // "Tỷ lệ {B1:2} khác {pct(B1:2.2, B1:2.1)}": text with expressions; "{{" is a brace.
  result<std::vector<MessagePart>> message(const Token& s);

  // --- expressions ----------------------------------------------------------------------------
  static bool keyword(std::string_view w) {
    static const std::set<std::string_view> words{
        "rule", "let", "catalog", "severity", "missing", "check", "vi", "en", "fix",
        "if", "then", "and", "or", "not", "in", "true", "false"};
    return words.contains(w);
  }

  struct DepthGuard {
    std::size_t& d;
    explicit DepthGuard(std::size_t& depth) : d(depth) { ++d; }
    ~DepthGuard() { --d; }
  };

  // Called on entering each nesting level: the count is the documented limit, the stack check
  // keeps a thread with a small stack, or a build with large frames, from overflowing first.
  result<void> nesting() {
    if (depth_ > limits_.max_depth)
      return fail(peek(), errc::limit_exceeded,
                  fmt::format("biểu thức lồng quá {} cấp", limits_.max_depth),
                  fmt::format("expression nested deeper than {}", limits_.max_depth));
    if (detail::stack_is_short())
      return fail(peek(), errc::limit_exceeded,
                  fmt::format("biểu thức lồng quá sâu so với ngăn xếp của luồng ({} cấp)", depth_),
                  fmt::format("expression nested too deep for this thread's stack ({} levels)",
                              depth_));
    return {};
  }

  result<std::uint32_t> expr();

  // Parsing bounds the nesting as written; this bounds it after `let` names are expanded, which
  // is what evaluation recurses through.
  result<void> size_limits(const std::vector<Node>& nodes, const Token& where) {
    if (nodes.size() > limits_.max_nodes)
      return fail(where, errc::limit_exceeded,
                  fmt::format("luật quá lớn: quá {} nút", limits_.max_nodes),
                  fmt::format("the rule is larger than {} nodes", limits_.max_nodes));
    if (tree_height(nodes) <= limits_.max_depth) return {};
    return fail(where, errc::limit_exceeded,
                fmt::format("biểu thức lồng quá {} cấp khi khai triển các định nghĩa let",
                            limits_.max_depth),
                fmt::format("expression nested deeper than {} once let definitions are expanded",
                            limits_.max_depth));
  }

  // A chain "a + b + c …" builds a tree as deep as it is long; evaluation recurses that deep.
  result<void> chain_limit(const Token& t, std::size_t chain) {
    if (depth_ + chain <= limits_.max_depth) return {};
    return fail(t, errc::limit_exceeded,
                fmt::format("biểu thức lồng quá {} cấp", limits_.max_depth),
                fmt::format("expression nested deeper than {}", limits_.max_depth));
  }

  result<void> need_bool(std::uint32_t i, std::string_view where_word) {
    if (auto e = condition_error(at(i).type, where_word))
      return type_error(at(i), std::move(e->vi), std::move(e->en));
    return {};
  }

  result<std::uint32_t> logical(Op op, std::string_view word,
                                result<std::uint32_t> (Compiler::*sub)()) {
    auto lhs = (this->*sub)();
    if (!lhs) return lhs;
    std::size_t chain = 0;
    while (is_word(word)) {
      const Token& t = next();
      if (auto e = chain_limit(t, ++chain); !e) return e.error();
      auto rhs = (this->*sub)();
      if (!rhs) return rhs;
      if (auto e = need_bool(*lhs, word); !e) return e.error();
      if (auto e = need_bool(*rhs, word); !e) return e.error();
      lhs = add({op, Type::boolean, t.pos, {}, {}, {}, false, {}, {*lhs, *rhs}});
    }
    return lhs;
  }
  result<std::uint32_t> or_expr() { return logical(Op::or_, "or", &Compiler::and_expr); }
  result<std::uint32_t> and_expr() { return logical(Op::and_, "and", &Compiler::not_expr); }

  result<std::uint32_t> not_expr();

  result<std::uint32_t> comparison();

  result<Type> arithmetic_type(Op op, const Node& lhs, const Node& rhs) {
    auto t = rules::arithmetic_type(op, lhs.type, rhs.type);
    if (auto* e = std::get_if<TypeError>(&t)) return type_error(lhs, std::move(e->vi), std::move(e->en));
    return std::get<Type>(t);
  }

  result<std::uint32_t> binary(std::initializer_list<std::pair<Tok, Op>> ops,
                               result<std::uint32_t> (Compiler::*sub)()) {
    auto lhs = (this->*sub)();
    if (!lhs) return lhs;
    std::size_t chain = 0;
    for (;;) {
      bool matched = false;
      for (auto [tok, op] : ops) {
        if (peek().kind != tok) continue;
        const Token& t = next();
        if (auto e = chain_limit(t, ++chain); !e) return e.error();
        auto rhs = (this->*sub)();
        if (!rhs) return rhs;
        auto type = arithmetic_type(op, at(*lhs), at(*rhs));
        if (!type) return type.error();
        lhs = add({op, *type, t.pos, {}, {}, {}, false, {}, {*lhs, *rhs}});
        matched = true;
        break;
      }
      if (!matched) return lhs;
    }
  }
  result<std::uint32_t> additive() {
    return binary({{Tok::plus, Op::add}, {Tok::minus, Op::sub}}, &Compiler::multiplicative);
  }
  result<std::uint32_t> multiplicative() {
    return binary({{Tok::star, Op::mul}, {Tok::slash, Op::div}}, &Compiler::unary);
  }

  result<std::uint32_t> unary();

  result<RowId> resolve_row(const Token& t);

  result<std::vector<std::uint32_t>> arguments();

  result<std::uint32_t> call(const Token& fn);

  result<std::uint32_t> primary();

  const std::vector<Token>* toks_;
  const Catalog& cat_;
  std::string name_;
  RuleLimits limits_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::vector<Node>* nodes_ = nullptr;
  std::map<std::string, Definition, std::less<>> defs_;
};

}  // namespace cchc::rules
