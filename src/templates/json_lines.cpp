// SPDX-License-Identifier: MIT
#include "templates/json_lines.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace cchc::detail {
namespace {

struct Step {
  bool index = false;
  std::size_t i = 0;
  std::string key;
};

// "$.forms[2].rows[3][\"B1:2\"].kind" into its steps; nullopt for anything else.
std::optional<std::vector<Step>> steps_of(std::string_view path) {
  if (path.empty() || path.front() != '$') return std::nullopt;
  std::vector<Step> out;
  std::size_t p = 1;
  while (p < path.size()) {
    if (path[p] == '.') {
      const std::size_t end = std::min(path.find_first_of(".[", p + 1), path.size());
      out.push_back({false, 0, std::string(path.substr(p + 1, end - p - 1))});
      p = end;
    } else if (path[p] == '[' && p + 1 < path.size() && path[p + 1] == '"') {
      const std::size_t end = path.find("\"]", p + 2);
      if (end == std::string_view::npos) return std::nullopt;
      out.push_back({false, 0, std::string(path.substr(p + 2, end - p - 2))});
      p = end + 2;
    } else if (path[p] == '[') {
      const std::size_t end = path.find(']', p);
      if (end == std::string_view::npos) return std::nullopt;
      std::size_t i = 0;
      for (std::size_t k = p + 1; k < end; ++k) {
        if (path[k] < '0' || path[k] > '9') return std::nullopt;
        i = i * 10 + static_cast<std::size_t>(path[k] - '0');
      }
      out.push_back({true, i, {}});
      p = end + 1;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  void space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\r' || s_[p_] == '\t'))
      ++p_;
  }
  bool eat(char c) {
    space();
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool peek(char c) {
    space();
    return p_ < s_.size() && s_[p_] == c;
  }
  // A string's raw text between its quotes.
  std::optional<std::string_view> string() {
    if (!eat('"')) return std::nullopt;
    const std::size_t begin = p_;
    while (p_ < s_.size() && s_[p_] != '"') p_ += s_[p_] == '\\' ? 2u : 1u;
    if (p_ >= s_.size()) return std::nullopt;
    return s_.substr(begin, p_++ - begin);
  }
  // Skips one value of any depth without recursion.
  bool skip() {
    space();
    int depth = 0;
    do {
      if (p_ >= s_.size()) return false;
      const char c = s_[p_];
      if (c == '"') {
        if (!string()) return false;
      } else {
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
        ++p_;
        if (depth == 0 && c != '}' && c != ']')  // a scalar: read to its end
          while (p_ < s_.size() && std::string_view(",}] \n\r\t").find(s_[p_]) == std::string_view::npos) ++p_;
      }
      space();
    } while (depth > 0);
    return true;
  }
  std::size_t line() const {
    return 1 + static_cast<std::size_t>(std::count(s_.begin(), s_.begin() + static_cast<std::ptrdiff_t>(q_), '\n'));
  }
  void mark() {
    space();
    q_ = p_;
  }
  [[nodiscard]] std::size_t pos() const { return p_; }
  [[nodiscard]] bool at_end() {
    space();
    return p_ >= s_.size();
  }

 private:
  std::string_view s_;
  std::size_t p_ = 0, q_ = 0;
};

}  // namespace

std::optional<std::size_t> json_line_of(std::string_view json, std::string_view path) {
  auto steps = steps_of(path.substr(0, path.find(' ')));  // "$.forms[0].rows[3] (B1:2.1)"
  if (!steps) return std::nullopt;
  Cursor c(json);
  c.mark();
  for (const Step& s : *steps) {
    if (s.index) {
      if (!c.eat('[')) return std::nullopt;
      for (std::size_t k = 0; k < s.i; ++k)
        if (!c.skip() || !c.eat(',')) return std::nullopt;
      if (c.peek(']')) return std::nullopt;
      c.mark();
    } else {
      // A member that is not there (a required key left out) is on its object's line.
      const std::size_t object_line = c.line();
      if (!c.eat('{')) return std::nullopt;
      if (c.peek('}')) return object_line;
      for (bool found = false; !found;) {
        c.mark();
        auto key = c.string();
        if (!key || !c.eat(':')) return std::nullopt;
        if (*key == s.key) {
          found = true;  // the member's line: an unknown key is reported on its own line
        } else if (!c.skip()) {
          return std::nullopt;
        } else if (!c.eat(',')) {
          return c.peek('}') ? std::optional(object_line) : std::nullopt;
        }
      }
    }
  }
  return c.line();
}

std::optional<std::vector<std::pair<std::string_view, std::string_view>>> top_level_members(
    std::string_view json) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  Cursor c(json);
  if (!c.eat('{')) return std::nullopt;
  if (c.eat('}')) return c.at_end() ? std::optional(out) : std::nullopt;
  do {
    auto key = c.string();
    if (!key || !c.eat(':')) return std::nullopt;
    c.space();
    const std::size_t begin = c.pos();
    if (!c.skip()) return std::nullopt;
    std::size_t end = c.pos();
    while (end > begin && std::string_view(" \n\r\t").find(json[end - 1]) != std::string_view::npos) --end;
    out.emplace_back(*key, json.substr(begin, end - begin));
  } while (c.eat(','));
  if (!c.eat('}') || !c.at_end()) return std::nullopt;
  return out;
}

error in_json_file(error e, std::string_view file, std::string_view json) {
  if (auto line = json_line_of(json, e.where)) {
    e.where = fmt::format("{}:{}: {}", file, *line, e.where);
    return e;
  }
  return std::move(e).within(file);
}

}  // namespace cchc::detail
