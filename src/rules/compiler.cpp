// SPDX-License-Identifier: MIT
#include "compiler.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/enum_names.hpp"
#include "util/stack_guard.hpp"

namespace cchc::rules {
namespace {

constexpr detail::NameTable<Type, 9> type_names_en{{
    {Type::boolean, "a condition"}, {Type::count, "a count"}, {Type::percent, "a percent"},
    {Type::money, "an amount of money"}, {Type::number, "a ratio"}, {Type::literal, "a number"},
    {Type::yes_no, "a yes/no code"}, {Type::code, "a code"}, {Type::pair, "a pair"},
}};
constexpr detail::NameTable<Type, 9> type_names_vi{{
    {Type::boolean, "điều kiện"}, {Type::count, "số lượng"}, {Type::percent, "tỷ lệ (%)"},
    {Type::money, "số tiền"}, {Type::number, "tỉ số"}, {Type::literal, "hằng số"},
    {Type::yes_no, "mã Có/Không"}, {Type::code, "mã"}, {Type::pair, "cặp số"},
}};

bool numeric(Type t) {
  return t == Type::count || t == Type::percent || t == Type::money || t == Type::number ||
         t == Type::literal;
}
bool dimensioned(Type t) { return t == Type::count || t == Type::percent || t == Type::money; }

Type type_of_kind(Kind k) {
  switch (k) {
    case Kind::count: return Type::count;
    case Kind::percent: return Type::percent;
    case Kind::money: return Type::money;
    case Kind::yes_no: return Type::yes_no;
    case Kind::code: return Type::code;
    case Kind::pair: return Type::pair;
    case Kind::heading: break;
  }
  return Type::literal;
}

// A `let` definition: its own small tree, copied into each rule that uses it.
struct Definition {
  std::vector<Node> nodes;
  std::uint32_t root = 0;
};

// The height of the deepest tree in `nodes`. Children always precede their parent (add() and
// splice() append bottom-up), so one forward pass suffices and nothing here recurses.
std::size_t tree_height(const std::vector<Node>& nodes) {
  std::vector<std::uint32_t> height(nodes.size(), 1);
  std::uint32_t deepest = 0;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (auto a : nodes[i].args) height[i] = std::max(height[i], height[a] + 1);
    deepest = std::max(deepest, height[i]);
  }
  return deepest;
}

class Compiler {
 public:
  Compiler(const std::vector<Token>& toks, const Catalog& cat, std::string_view name,
           const RuleLimits& limits)
      : toks_(&toks), cat_(cat), name_(name), limits_(limits) {}

  result<std::vector<CompiledRule>> file() {
    std::vector<CompiledRule> rules;
    std::set<std::string> ids;
    while (peek().kind != Tok::end) {
      const Token& t = peek();
      if (is_word("catalog")) {
        next();
        const Token& id = next();
        if (id.kind != Tok::ident && id.kind != Tok::string)
          return fail(id, "cần mã danh mục sau 'catalog'", "a catalogue id must follow 'catalog'");
        if (id.text != cat_.id())
          return fail(id, errc::invalid_argument,
                      fmt::format("tệp luật dành cho danh mục {}, không phải {}", id.text,
                                  cat_.id()),
                      fmt::format("the rules are for catalogue {}, not {}", id.text, cat_.id()));
      } else if (is_word("let")) {
        if (auto r = let(); !r) return r.error();
      } else if (is_word("rule")) {
        auto r = rule();
        if (!r) return r.error();
        if (!ids.insert(r->id).second)
          return fail(t, fmt::format("luật \"{}\" bị trùng", r->id),
                      fmt::format("duplicate rule id \"{}\"", r->id));
        rules.push_back(std::move(*r));
      } else {
        return fail(t, fmt::format("cần 'rule', 'let' hoặc 'catalog', gặp \"{}\"", t.text),
                    fmt::format("expected 'rule', 'let' or 'catalog', found \"{}\"", t.text));
      }
    }
    return rules;
  }

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
  result<void> let() {
    next();  // let
    const Token& name = next();
    if (name.kind != Tok::ident)
      return fail(name, "cần tên sau 'let'", "a name must follow 'let'");
    if (keyword(name.text))
      return fail(name, fmt::format("\"{}\" là từ khóa", name.text),
                  fmt::format("\"{}\" is a keyword", name.text));
    if (defs_.contains(name.text))
      return fail(name, fmt::format("tên \"{}\" đã được định nghĩa", name.text),
                  fmt::format("\"{}\" is already defined", name.text));
    if (auto r = expect(Tok::assign, "="); !r) return r.error();
    Definition d;
    nodes_ = &d.nodes;
    auto root = expr();
    nodes_ = nullptr;
    if (!root) return root.error();
    d.root = *root;
    if (auto h = size_limits(d.nodes, name); !h) return h.error();
    // Defined after its own body is compiled, so a definition cannot refer to itself: names
    // are visible only below their definition, and recursion cannot be written.
    defs_.emplace(name.text, std::move(d));
    return {};
  }

  result<CompiledRule> rule() {
    const Token& kw = next();  // rule
    const Token& id = next();
    if (id.kind != Tok::ident && id.kind != Tok::string)
      return fail(id, "cần mã luật sau 'rule'", "a rule id must follow 'rule'");
    CompiledRule r;
    r.id = id.text;
    if (r.id.empty()) return fail(id, "mã luật trống", "empty rule id");
    r.origin = fmt::format("{}:{}", name_, kw.pos.line);
    nodes_ = &r.nodes;
    if (auto e = expect(Tok::lbrace, "{"); !e) return e.error();
    bool has_check = false, has_vi = false, has_en = false;
    while (!accept(Tok::rbrace)) {
      const Token& clause = next();
      if (clause.kind == Tok::end)
        return fail(clause, "thiếu '}' đóng luật", "missing '}' closing the rule");
      if (clause.kind != Tok::ident)
        return fail(clause, fmt::format("cần mệnh đề (check, vi, en, …), gặp \"{}\"", clause.text),
                    fmt::format("expected a clause (check, vi, en, …), found \"{}\"", clause.text));
      if (clause.text == "severity") {
        const Token& v = next();
        auto s = severity_from_string(v.text);
        if (v.kind != Tok::ident || !s)
          return fail(v, "mức độ phải là error, warning hoặc info",
                      "severity is error, warning or info");
        r.severity = *s;
      } else if (clause.text == "missing") {
        const Token& v = next();
        auto m = missing_policy_from_string(v.text);
        if (v.kind != Tok::ident || !m)
          return fail(v, "missing phải là skip_any, skip_all hoặc zero",
                      "missing is skip_any, skip_all or zero");
        r.missing = *m;
      } else if (clause.text == "check") {
        if (has_check) return fail(clause, "luật có hai mệnh đề check", "two check clauses");
        const auto first = static_cast<std::uint32_t>(nodes_->size());
        auto c = expr();
        if (!c) return c.error();
        if (at(*c).type != Type::boolean)
          return type_error(at(*c),
                            fmt::format("check phải là điều kiện, không phải {}",
                                        type_name_vi(at(*c).type)),
                            fmt::format("check must be a condition, not {}",
                                        type_name_en(at(*c).type)));
        r.check = *c;
        r.check_first = first;  // parsing one expression appends exactly its subtree
        has_check = true;
      } else if (clause.text == "vi" || clause.text == "en") {
        const Token& s = next();
        if (s.kind != Tok::string)
          return fail(s, "cần chuỗi thông báo trong ngoặc kép", "a quoted message must follow");
        auto parts = message(s);
        if (!parts) return parts.error();
        if (clause.text == "vi") {
          r.message_vi = s.text;
          r.vi = std::move(*parts);
          has_vi = true;
        } else {
          r.message_en = s.text;
          r.en = std::move(*parts);
          has_en = true;
        }
      } else if (clause.text == "fix") {
        const Token& row = next();
        if (row.kind != Tok::row) return fail(row, "cần địa chỉ dòng sau 'fix'", "a row must follow 'fix'");
        auto id_or = resolve_row(row);
        if (!id_or) return id_or.error();
        if (auto e = expect(Tok::assign, "="); !e) return e.error();
        auto v = expr();
        if (!v) return v.error();
        const Type want = type_of_kind(cat_.row(*id_or).kind);
        const Type got = at(*v).type;
        if (!(got == want || (got == Type::literal && numeric(want))))
          return type_error(at(*v),
                            fmt::format("giá trị sửa phải là {}, không phải {}", type_name_vi(want),
                                        type_name_vi(got)),
                            fmt::format("the fix must be {}, not {}", type_name_en(want),
                                        type_name_en(got)));
        r.fix_row = *id_or;
        r.fix_expr = *v;
      } else {
        return fail(clause, fmt::format("mệnh đề \"{}\" không tồn tại", clause.text),
                    fmt::format("unknown clause \"{}\" (severity, missing, check, vi, en, fix)",
                                clause.text));
      }
    }
    if (!has_check) return fail(kw, "luật thiếu mệnh đề check", "the rule has no check");
    if (!has_vi || !has_en)
      return fail(kw, "luật cần thông báo tiếng Việt (vi) và tiếng Anh (en)",
                  "the rule needs a Vietnamese (vi) and an English (en) message");
    if (auto h = size_limits(r.nodes, kw); !h) return h.error();
    collect_rows(r, r.check, false);
    nodes_ = nullptr;
    return r;
  }

  // Rows in order of appearance; those outside present()/absent() also feed the missing policy.
  void collect_rows(CompiledRule& r, std::uint32_t i, bool inside_presence) {
    const Node& n = r.nodes[i];
    const bool presence = n.op == Op::present || n.op == Op::absent;
    if (n.op == Op::row || presence) {
      if (std::find(r.rows.begin(), r.rows.end(), n.row) == r.rows.end()) r.rows.push_back(n.row);
      if (!presence && !inside_presence &&
          std::find(r.policy_rows.begin(), r.policy_rows.end(), n.row) == r.policy_rows.end())
        r.policy_rows.push_back(n.row);
    }
    for (auto a : n.args) collect_rows(r, a, inside_presence || presence);
  }

  // "Tỷ lệ {B1:2} khác {pct(B1:2.2, B1:2.1)}": text with expressions; "{{" is a brace.
  result<std::vector<MessagePart>> message(const Token& s) {
    std::vector<MessagePart> parts;
    std::string text;
    const std::string& m = s.text;
    for (std::size_t i = 0; i < m.size(); ++i) {
      if (m[i] == '{' && i + 1 < m.size() && m[i + 1] == '{') {
        text += '{';
        ++i;
      } else if (m[i] == '}' && i + 1 < m.size() && m[i + 1] == '}') {
        text += '}';
        ++i;
      } else if (m[i] == '{') {
        const auto close = m.find('}', i);
        if (close == std::string::npos)
          return fail(s, "thiếu '}' trong thông báo", "unclosed '{' in the message");
        auto toks = tokenize(std::string_view(m).substr(i + 1, close - i - 1));
        if (!toks) return fail(s, toks.error().message_vi, toks.error().message_en);
        // The placeholder is compiled here, into this rule, with the definitions in scope: the
        // token stream is switched for the while.
        const std::vector<Token>* outer = toks_;
        const std::size_t outer_pos = pos_;
        toks_ = &*toks;
        pos_ = 0;
        auto e = expr();
        const bool ended = e && peek().kind == Tok::end;
        toks_ = outer;
        pos_ = outer_pos;
        if (!e) return fail(s, e.error().code, "trong thông báo: " + e.error().message_vi,
                            "in the message: " + e.error().message_en);
        if (!ended)
          return fail(s, "biểu thức trong thông báo không hợp lệ",
                      "malformed expression in the message");
        if (!text.empty()) parts.push_back({std::move(text), std::nullopt});
        text.clear();
        parts.push_back({{}, *e});
        i = close;
      } else {
        text += m[i];
      }
    }
    if (!text.empty()) parts.push_back({std::move(text), std::nullopt});
    return parts;
  }

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

  result<std::uint32_t> expr() {
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
    if (at(i).type == Type::boolean) return {};
    return type_error(at(i),
                      fmt::format("'{}' cần điều kiện, không phải {}", where_word,
                                  type_name_vi(at(i).type)),
                      fmt::format("'{}' needs a condition, not {}", where_word,
                                  type_name_en(at(i).type)));
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

  result<std::uint32_t> not_expr() {
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

  result<std::uint32_t> comparison() {
    auto lhs = additive();
    if (!lhs) return lhs;
    if (is_word("in")) {
      const Token& t = next();
      const Type lt = at(*lhs).type;
      if (lt != Type::code && lt != Type::yes_no && lt != Type::count && lt != Type::literal)
        return type_error(at(*lhs),
                          fmt::format("'in' áp dụng cho mã hoặc số lượng, không cho {}",
                                      type_name_vi(lt)),
                          fmt::format("'in' applies to codes and counts, not to {}",
                                      type_name_en(lt)));
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
      const Type a = at(*lhs).type, b = at(*rhs).type;
      const bool ordered = op != Op::eq && op != Op::ne;
      auto mismatch = [&]() {
        std::string hint_vi, hint_en;
        if ((a == Type::percent && b == Type::count) || (a == Type::count && b == Type::percent) ||
            (a == Type::percent && b == Type::number) || (a == Type::number && b == Type::percent)) {
          hint_vi = "; dùng pct(tử, mẫu)";
          hint_en = "; use pct(part, whole)";
        }
        return type_error(at(*lhs),
                          fmt::format("không thể so sánh {} với {}{}", type_name_vi(a),
                                      type_name_vi(b), hint_vi),
                          fmt::format("cannot compare {} with {}{}", type_name_en(a),
                                      type_name_en(b), hint_en));
      };
      if (a == Type::boolean || b == Type::boolean || a == Type::pair || b == Type::pair)
        return mismatch();
      const bool codes = a == Type::code || a == Type::yes_no || b == Type::code ||
                         b == Type::yes_no;
      if (codes) {
        const bool same = a == b || a == Type::literal || b == Type::literal;
        if (!same) return mismatch();
        if (ordered)
          return type_error(at(*lhs), "mã chỉ so sánh bằng hoặc khác",
                            "codes compare only with == and !=");
      } else if (!(a == b || a == Type::literal || b == Type::literal)) {
        return mismatch();
      }
      return add({op, Type::boolean, t.pos, {}, {}, {}, false, {}, {*lhs, *rhs}});
    }
    return lhs;
  }

  result<Type> arithmetic_type(Op op, const Node& lhs, const Node& rhs) {
    const Type a = lhs.type, b = rhs.type;
    auto bad = [&]() -> result<Type> {
      const char* sym = op == Op::add ? "+" : op == Op::sub ? "-" : op == Op::mul ? "*" : "/";
      return type_error(lhs,
                        fmt::format("không thể tính {} {} {}", type_name_vi(a), sym,
                                    type_name_vi(b)),
                        fmt::format("cannot compute {} {} {}", type_name_en(a), sym,
                                    type_name_en(b)));
    };
    if (!numeric(a) || !numeric(b)) return bad();
    switch (op) {
      case Op::add:
      case Op::sub:
        if (a == b) return a;
        if (a == Type::literal) return b;
        if (b == Type::literal) return a;
        return bad();
      case Op::mul:
        if (a == Type::literal) return b;
        if (b == Type::literal) return a;
        if (a == Type::number && b == Type::number) return Type::number;
        if (a == Type::number && dimensioned(b)) return b;
        if (b == Type::number && dimensioned(a)) return a;
        return bad();
      case Op::div:
        if (b == Type::literal || b == Type::number) return a == Type::literal ? b : a;
        if (a == b) return Type::number;  // count / count: a ratio without a unit
        return bad();
      default: return bad();
    }
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

  result<std::uint32_t> unary() {
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

  result<RowId> resolve_row(const Token& t) {
    auto id = cat_.lookup(t.text);
    if (!id)
      return fail(t, errc::not_found, id.error().message_vi, id.error().message_en);
    if (cat_.row(*id).kind == Kind::heading)
      return fail(t, errc::kind_mismatch,
                  fmt::format("{} là dòng tiêu đề, không có số liệu", t.text),
                  fmt::format("{} is a heading and has no value", t.text));
    return *id;
  }

  result<std::vector<std::uint32_t>> arguments() {
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

  result<std::uint32_t> call(const Token& fn) {
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
                              "second)",
                              fn.text));
    }
    return add(std::move(n));
  }

  result<std::uint32_t> primary() {
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

  const std::vector<Token>* toks_;
  const Catalog& cat_;
  std::string name_;
  RuleLimits limits_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::vector<Node>* nodes_ = nullptr;
  std::map<std::string, Definition, std::less<>> defs_;
};

}  // namespace

std::string_view type_name_vi(Type t) noexcept { return detail::name_of(type_names_vi, t); }
std::string_view type_name_en(Type t) noexcept { return detail::name_of(type_names_en, t); }

result<std::vector<CompiledRule>> compile(std::string_view source, const Catalog& catalog,
                                          std::string_view source_name,
                                          const RuleLimits& limits) {
  if (limits.max_depth > RuleLimits::max_depth_ceiling)
    return make_error(errc::invalid_argument,
                      fmt::format("giới hạn độ sâu {} vượt mức trần {}", limits.max_depth,
                                  RuleLimits::max_depth_ceiling),
                      fmt::format("a depth limit of {} is above the ceiling of {}",
                                  limits.max_depth, RuleLimits::max_depth_ceiling),
                      std::string(source_name));
  if (source.size() > limits.max_source_bytes)
    return make_error(errc::limit_exceeded,
                      fmt::format("tệp luật quá lớn ({} byte)", source.size()),
                      fmt::format("rule source too large ({} bytes)", source.size()),
                      std::string(source_name));
  auto toks = tokenize(source);
  if (!toks) return std::move(toks.error()).within(source_name);
  return Compiler(*toks, catalog, source_name, limits).file();
}

}  // namespace cchc::rules
