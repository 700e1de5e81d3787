// SPDX-License-Identifier: MIT
// The parser's expressions, from `or` down to primaries, typed as they are built.
#include "rules/parser.hpp"

namespace cchc::rules {

result<std::uint32_t> Compiler::expr() {
  DepthGuard guard(depth_);
  if (auto d = nesting(); !d) return d.error();
  if (is_word("if")) {
    const Token& kw = next();
    auto c = or_expr();
    if (!c) return c;
    if (!is_word("then"))
      return fail(peek(), "cần 'then' sau điều kiện 'if'", "expected 'then' after the 'if' condition");
    next();
    auto t = expr();
    if (!t) return t;
    if (auto e = need_bool(*c, "if"); !e) return e.error();
    if (auto e = need_bool(*t, "then"); !e) return e.error();
    return add({Op::implies, Type::boolean, kw.pos, {}, {}, {}, false, {}, {*c, *t}});
  }
  return or_expr();
}

result<std::uint32_t> Compiler::not_expr() {
  if (is_word("not")) {
    DepthGuard guard(depth_);
    if (auto d = nesting(); !d) return d.error();
    const Token& t = next();
    auto e = not_expr();
    if (!e) return e;
    if (auto r = need_bool(*e, "not"); !r) return r.error();
    return add({Op::not_, Type::boolean, t.pos, {}, {}, {}, false, {}, {*e}});
  }
  return comparison();
}

result<std::uint32_t> Compiler::comparison() {
  auto lhs = additive();
  if (!lhs) return lhs;
  if (is_word("in")) {
    const Token& t = next();
    if (auto e = in_set_error(at(*lhs).type))
      return type_error(at(*lhs), std::move(e->vi), std::move(e->en));
    if (auto e = expect(Tok::lbrace, "{"); !e) return e.error();
    Node n{Op::in_set, Type::boolean, t.pos, {}, {}, {}, false, {}, {*lhs}};
    do {
      bool negative = accept(Tok::minus);
      const Token& v = next();
      if (v.kind != Tok::number || v.text.find('.') != std::string::npos)
        return fail(v, "tập mã chỉ gồm số nguyên", "a code set holds whole numbers");
      auto d = parse_decimal(v.text);
      if (!d) return fail(v, errc::out_of_range, "số quá lớn", "number too large");
      n.set.push_back(negative ? -d->units : d->units);
    } while (accept(Tok::comma));
    if (auto e = expect(Tok::rbrace, "}"); !e) return e.error();
    return add(std::move(n));
  }
  static constexpr std::pair<Tok, Op> ops[] = {{Tok::eq, Op::eq}, {Tok::ne, Op::ne},
                                               {Tok::lt, Op::lt}, {Tok::le, Op::le},
                                               {Tok::gt, Op::gt}, {Tok::ge, Op::ge}};
  for (auto [tok, op] : ops) {
    if (peek().kind != tok) continue;
    const Token& t = next();
    auto rhs = additive();
    if (!rhs) return rhs;
    if (auto e = comparison_error(op, at(*lhs).type, at(*rhs).type))
      return type_error(at(*lhs), std::move(e->vi), std::move(e->en));
    return add({op, Type::boolean, t.pos, {}, {}, {}, false, {}, {*lhs, *rhs}});
  }
  return lhs;
}

result<std::uint32_t> Compiler::unary() {
  if (peek().kind == Tok::minus) {
    DepthGuard guard(depth_);
    if (auto d = nesting(); !d) return d.error();
    const Token& t = next();
    auto e = unary();
    if (!e) return e;
    if (!numeric(at(*e).type))
      return type_error(at(*e), fmt::format("không thể đổi dấu {}", type_name_vi(at(*e).type)),
                        fmt::format("cannot negate {}", type_name_en(at(*e).type)));
    return add({Op::neg, at(*e).type, t.pos, {}, {}, {}, false, {}, {*e}});
  }
  return primary();
}

result<RowId> Compiler::resolve_row(const Token& t) {
  auto id = cat_.lookup(t.text);
  if (!id)
    return fail(t, errc::not_found, id.error().message_vi, id.error().message_en);
  if (cat_.row(*id).kind == Kind::heading)
    return fail(t, errc::kind_mismatch,
                fmt::format("{} là dòng tiêu đề, không có số liệu", t.text),
                fmt::format("{} is a heading and has no value", t.text));
  return *id;
}

result<std::vector<std::uint32_t>> Compiler::arguments() {
  std::vector<std::uint32_t> args;
  if (auto e = expect(Tok::lparen, "("); !e) return e.error();
  if (accept(Tok::rparen)) return args;
  do {
    auto a = expr();
    if (!a) return a.error();
    args.push_back(*a);
  } while (accept(Tok::comma));
  if (auto e = expect(Tok::rparen, ")"); !e) return e.error();
  return args;
}

result<std::uint32_t> Compiler::call(const Token& fn) {
  auto args = arguments();
  if (!args) return args.error();
  auto arity = [&](std::size_t n) -> result<void> {
    if (args->size() == n) return {};
    return fail(fn, fmt::format("{}() cần {} tham số", fn.text, n),
                fmt::format("{}() takes {} argument{}", fn.text, n, n == 1 ? "" : "s"));
  };
  Node n;
  n.pos = fn.pos;
  n.args = *args;
  if (fn.text == "sum") {
    if (args->empty())
      return fail(fn, "sum() cần ít nhất một tham số", "sum() takes at least one argument");
    Type t = Type::literal;
    for (auto a : *args) {
      const Type at_type = at(a).type;
      if (!numeric(at_type) || (t != Type::literal && at_type != Type::literal && at_type != t))
        return type_error(at(a),
                          fmt::format("sum() cộng các giá trị cùng loại; gặp {}",
                                      type_name_vi(at_type)),
                          fmt::format("sum() adds values of one kind; found {}",
                                      type_name_en(at_type)));
      if (at_type != Type::literal) t = at_type;
    }
    n.op = Op::sum;
    n.type = t;
  } else if (fn.text == "pct") {
    if (auto e = arity(2); !e) return e.error();
    const Type a = at((*args)[0]).type, b = at((*args)[1]).type;
    const bool ok = (a == Type::count || a == Type::money || a == Type::literal) &&
                    (b == a || b == Type::literal || a == Type::literal) &&
                    (b == Type::count || b == Type::money || b == Type::literal);
    if (!ok)
      return type_error(at((*args)[0]),
                        fmt::format("pct(tử, mẫu) cần hai số lượng (hoặc hai số tiền), gặp {} và {}",
                                    type_name_vi(a), type_name_vi(b)),
                        fmt::format("pct(part, whole) takes two counts (or two amounts), not {} "
                                    "and {}",
                                    type_name_en(a), type_name_en(b)));
    n.op = Op::pct;
    n.type = Type::percent;
  } else if (fn.text == "present" || fn.text == "absent") {
    if (auto e = arity(1); !e) return e.error();
    const Node& a = at((*args)[0]);
    if (a.op != Op::row)
      return type_error(a, fmt::format("{}() nhận một địa chỉ dòng", fn.text),
                        fmt::format("{}() takes a row address", fn.text));
    n.op = fn.text == "present" ? Op::present : Op::absent;
    n.row = a.row;
    n.type = Type::boolean;
    n.args.clear();
    nodes_->pop_back();  // the row node itself is not evaluated
  } else if (fn.text == "prev") {
    // The same row in the earlier report the rule is compared with (its `history` clause).
    if (auto e = arity(1); !e) return e.error();
    const Node& a = at((*args)[0]);
    if (a.op != Op::row)
      return type_error(a, "prev() nhận một địa chỉ dòng", "prev() takes a row address");
    n.op = Op::prev;
    n.row = a.row;
    n.type = a.type;
    n.args.clear();
    nodes_->pop_back();  // the row node itself is not evaluated
  } else if (fn.text == "first" || fn.text == "second") {
    if (auto e = arity(1); !e) return e.error();
    if (at((*args)[0]).type != Type::pair)
      return type_error(at((*args)[0]),
                        fmt::format("{}() nhận một cặp số, không phải {}", fn.text,
                                    type_name_vi(at((*args)[0]).type)),
                        fmt::format("{}() takes a pair, not {}", fn.text,
                                    type_name_en(at((*args)[0]).type)));
    n.op = fn.text == "first" ? Op::first : Op::second;
    n.type = Type::count;
  } else {
    return fail(fn, errc::not_found, fmt::format("hàm \"{}\" không tồn tại", fn.text),
                fmt::format("unknown function \"{}\" (sum, pct, present, absent, first, "
                            "second, prev)",
                            fn.text));
  }
  return add(std::move(n));
}

result<std::uint32_t> Compiler::primary() {
  const Token& t = next();
  switch (t.kind) {
    case Tok::number: {
      // The rule language writes a decimal point (the comma separates arguments).
      std::string vi = t.text;
      std::replace(vi.begin(), vi.end(), '.', ',');
      auto d = parse_decimal(vi, NumberSyntax{false, true, false, false});
      if (!d) return fail(t, d.error().code, d.error().message_vi, d.error().message_en);
      Node n{Op::literal, Type::literal, t.pos, {}, d->to_rational(), *d, false, {}, {}};
      return add(std::move(n));
    }
    case Tok::row: {
      auto id = resolve_row(t);
      if (!id) return id.error();
      Node n;
      n.op = Op::row;
      n.type = type_of_kind(cat_.row(*id).kind);
      n.pos = t.pos;
      n.row = *id;
      return add(std::move(n));
    }
    case Tok::lparen: {
      auto e = expr();
      if (!e) return e;
      if (auto r = expect(Tok::rparen, ")"); !r) return r.error();
      return e;
    }
    case Tok::ident: {
      if (t.text == "true" || t.text == "false")
        return add({Op::boolean, Type::boolean, t.pos, {}, {}, {}, t.text == "true", {}, {}});
      if (peek().kind == Tok::lparen) return call(t);
      auto d = defs_.find(t.text);
      if (d != defs_.end()) {
        // Definitions built from definitions double with each level; refuse before copying.
        if (nodes_->size() + d->second.nodes.size() > limits_.max_nodes)
          return fail(t, errc::limit_exceeded,
                      fmt::format("luật quá lớn khi khai triển \"{}\": quá {} nút", t.text,
                                  limits_.max_nodes),
                      fmt::format("the rule grows beyond {} nodes when \"{}\" is expanded",
                                  limits_.max_nodes, t.text));
        return splice(d->second, d->second.root, t.pos);
      }
      if (keyword(t.text))
        return fail(t, fmt::format("thiếu biểu thức trước \"{}\"", t.text),
                    fmt::format("expected an expression before \"{}\"", t.text));
      return fail(t, errc::not_found, fmt::format("tên \"{}\" chưa được định nghĩa", t.text),
                  fmt::format("\"{}\" is not defined (let definitions must come first)",
                              t.text));
    }
    case Tok::end:
      return fail(t, "thiếu biểu thức ở cuối tệp", "expected an expression, found the end");
    default:
      return fail(t, fmt::format("cần biểu thức, gặp \"{}\"", t.text),
                  fmt::format("expected an expression, found \"{}\"", t.text));
  }
}

}  // namespace cchc::rules
