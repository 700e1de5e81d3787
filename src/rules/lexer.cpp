// SPDX-License-Identifier: MIT
#include "lexer.hpp"

#include <fmt/format.h>

#include "cchc/unicode.hpp"

namespace cchc::rules {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
// Rule ids and names may use dots and dashes ("cross.public-units"); a dash inside an expression
// is a minus only with spaces or after a non-name, which the parser sees as separate tokens.
bool is_name_char(char c) { return is_alpha(c) || is_digit(c) || c == '.' || c == '-'; }
bool is_code_char(char c) { return is_alpha(c) || is_digit(c) || c == '.'; }

}  // namespace

std::string where(const Position& p) { return fmt::format("{}:{}", p.line, p.column); }

result<std::vector<Token>> tokenize(std::string_view src) {
  std::vector<Token> out;
  Position pos;
  std::size_t i = 0;
  auto advance = [&](std::size_t n) {
    for (std::size_t k = 0; k < n && i < src.size(); ++k, ++i) {
      if (src[i] == '\n') {
        ++pos.line;
        pos.column = 1;
      } else if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) {
        ++pos.column;
      }
    }
  };
  auto fail = [&](const Position& p, std::string vi, std::string en) {
    return make_error(errc::parse_error, std::move(vi), std::move(en), where(p));
  };

  while (i < src.size()) {
    const char c = src[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      advance(1);
      continue;
    }
    if (c == '#') {
      while (i < src.size() && src[i] != '\n') advance(1);
      continue;
    }
    Token t;
    t.pos = pos;
    // A row reference: B<digits>:<code>.
    if ((c == 'B' || c == 'b') && i + 1 < src.size() && is_digit(src[i + 1])) {
      std::size_t j = i + 1;
      while (j < src.size() && is_digit(src[j])) ++j;
      if (j < src.size() && src[j] == ':') {
        std::size_t k = j + 1;
        while (k < src.size() && is_code_char(src[k])) ++k;
        if (k == j + 1)
          return fail(pos, "thiếu mã dòng sau dấu ':'", "a row code must follow ':'");
        t.kind = Tok::row;
        t.text = std::string(src.substr(i, k - i));
        advance(k - i);
        out.push_back(std::move(t));
        continue;
      }
    }
    if (is_alpha(c)) {
      std::size_t j = i;
      while (j < src.size() && is_name_char(src[j])) ++j;
      // A trailing dash or dot belongs to what follows, not to the name.
      while (j > i + 1 && (src[j - 1] == '-' || src[j - 1] == '.')) --j;
      t.kind = Tok::ident;
      t.text = std::string(src.substr(i, j - i));
      advance(j - i);
      out.push_back(std::move(t));
      continue;
    }
    if (is_digit(c)) {
      std::size_t j = i;
      while (j < src.size() && is_digit(src[j])) ++j;
      if (j + 1 < src.size() && src[j] == '.' && is_digit(src[j + 1])) {
        ++j;
        while (j < src.size() && is_digit(src[j])) ++j;
      }
      if (j < src.size() && is_alpha(src[j]))
        return fail(pos, "số không hợp lệ", "malformed number");
      t.kind = Tok::number;
      t.text = std::string(src.substr(i, j - i));
      advance(j - i);
      out.push_back(std::move(t));
      continue;
    }
    if (c == '"') {
      std::string text;
      std::size_t j = i + 1;
      bool closed = false;
      while (j < src.size()) {
        if (src[j] == '"') {
          closed = true;
          break;
        }
        if (src[j] == '\n') break;
        if (src[j] == '\\' && j + 1 < src.size()) {
          const char e = src[j + 1];
          if (e == 'n') text += '\n';
          else if (e == '"' || e == '\\') text += e;
          else {
            Position p = pos;
            p.column += j - i;
            return fail(p, "chuỗi có ký tự thoát không hợp lệ", "unknown escape in a string");
          }
          j += 2;
          continue;
        }
        text += src[j++];
      }
      if (!closed) return fail(pos, "chuỗi chưa đóng ngoặc kép", "unterminated string");
      auto nfc = normalize_nfc(text);
      if (!nfc) return std::move(nfc.error()).within(where(pos));
      t.kind = Tok::string;
      t.text = std::move(*nfc);
      advance(j + 1 - i);
      out.push_back(std::move(t));
      continue;
    }
    struct Op { std::string_view text; Tok kind; };
    static constexpr Op ops[] = {
        {"==", Tok::eq}, {"!=", Tok::ne}, {"<=", Tok::le}, {">=", Tok::ge}, {"≤", Tok::le},
        {"≥", Tok::ge},  {"≠", Tok::ne},  {"(", Tok::lparen}, {")", Tok::rparen},
        {"{", Tok::lbrace}, {"}", Tok::rbrace}, {",", Tok::comma}, {"+", Tok::plus},
        {"-", Tok::minus}, {"*", Tok::star}, {"/", Tok::slash}, {"<", Tok::lt}, {">", Tok::gt},
        {"=", Tok::assign}};
    bool matched = false;
    for (const auto& op : ops) {
      if (src.substr(i).starts_with(op.text)) {
        t.kind = op.kind;
        t.text = std::string(op.text);
        advance(op.text.size());
        out.push_back(std::move(t));
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const auto shown = static_cast<unsigned char>(c) < 0x80
                           ? fmt::format("'{}'", c)
                           : fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c));
    return fail(pos, fmt::format("ký tự không hợp lệ: {}", shown),
                fmt::format("unexpected character {}", shown));
  }
  Token end;
  end.kind = Tok::end;
  end.pos = pos;
  out.push_back(std::move(end));
  return out;
}

}  // namespace cchc::rules
