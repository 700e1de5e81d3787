// SPDX-License-Identifier: MIT
// The parser's declarations: a rule file, `let` definitions, rules and their messages.
#include "rules/parser.hpp"

namespace cchc::rules {

result<std::vector<CompiledRule>> Compiler::file() {
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

result<void> Compiler::let() {
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

result<CompiledRule> Compiler::rule() {
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
    } else if (clause.text == "history") {
      const Token& v = next();
      auto h = history_scope_from_string(v.text);
      if (v.kind != Tok::ident || !h)
        return fail(v, "history phải là within, year hoặc last",
                    "history is within, year or last");
      r.history = *h;
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
                  fmt::format("unknown clause \"{}\" (severity, missing, history, check, vi, en, fix)",
                              clause.text));
    }
  }
  if (!has_check) return fail(kw, "luật thiếu mệnh đề check", "the rule has no check");
  if (!has_vi || !has_en)
    return fail(kw, "luật cần thông báo tiếng Việt (vi) và tiếng Anh (en)",
                "the rule needs a Vietnamese (vi) and an English (en) message");
  if (auto h = size_limits(r.nodes, kw); !h) return h.error();
  collect_rows(r, r.check, false);
  const bool names_period = [&] {
    for (const auto* parts : {&r.vi, &r.en})
      for (const auto& p : *parts)
        if (p.previous_period) return true;
    return false;
  }();
  if (!r.history && (!r.prev_rows.empty() || names_period))
    return fail(kw, "luật đọc prev() hoặc {prev_period} cần mệnh đề history (within, year, last)",
                "a rule that reads prev() or {prev_period} needs a history clause (within, year, "
                "last)");
  if (r.history && r.prev_rows.empty())
    return fail(kw, "luật có mệnh đề history nhưng không đọc prev()",
                "the rule has a history clause but reads no prev()");
  if (r.fix_expr && uses_prev(r, *r.fix_expr))
    return fail(kw, "giá trị sửa không được đọc prev()", "a fix cannot read prev()");
  nodes_ = nullptr;
  return r;
}

void Compiler::collect_rows(CompiledRule& r, std::uint32_t i, bool inside_presence) {
  const Node& n = r.nodes[i];
  const bool presence = n.op == Op::present || n.op == Op::absent;
  if (n.op == Op::prev) {
    if (std::find(r.prev_rows.begin(), r.prev_rows.end(), n.row) == r.prev_rows.end())
      r.prev_rows.push_back(n.row);
    if (!inside_presence &&
        std::find(r.policy_prev_rows.begin(), r.policy_prev_rows.end(), n.row) ==
            r.policy_prev_rows.end())
      r.policy_prev_rows.push_back(n.row);
  }
  if (n.op == Op::row || presence) {
    if (std::find(r.rows.begin(), r.rows.end(), n.row) == r.rows.end()) r.rows.push_back(n.row);
    if (!presence && !inside_presence &&
        std::find(r.policy_rows.begin(), r.policy_rows.end(), n.row) == r.policy_rows.end())
      r.policy_rows.push_back(n.row);
  }
  for (auto a : n.args) collect_rows(r, a, inside_presence || presence);
}

result<std::vector<MessagePart>> Compiler::message(const Token& s) {
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
      const std::string_view inside = std::string_view(m).substr(i + 1, close - i - 1);
      if (inside.find_first_not_of(' ') != std::string_view::npos &&
          inside.substr(inside.find_first_not_of(' '), inside.find_last_not_of(' ') -
                                                             inside.find_first_not_of(' ') + 1) ==
              "prev_period") {
        if (!text.empty()) parts.push_back({std::move(text), std::nullopt});
        text.clear();
        MessagePart part;
        part.previous_period = true;
        parts.push_back(std::move(part));
        i = close;
        continue;
      }
      auto toks = tokenize(inside);
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

}  // namespace cchc::rules
