// SPDX-License-Identifier: MIT
#include "cchc/unicode.hpp"

#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <utf8proc.h>

namespace cchc {
namespace {

const auto* bytes(std::string_view s) { return reinterpret_cast<const utf8proc_uint8_t*>(s.data()); }

// One code point at the start of `s`: its length in bytes, or a negative utf8proc error.
utf8proc_ssize_t next(std::string_view s, utf8proc_int32_t& cp) {
  return utf8proc_iterate(bytes(s), static_cast<utf8proc_ssize_t>(s.size()), &cp);
}

// Code points that are NFC whatever surrounds them (Unicode's NFC_Quick_Check = Yes, and not a
// combining mark that could reorder or compose with what precedes it): Latin, the precomposed
// Vietnamese letters of Latin Extended Additional, plain Greek letters, punctuation, currency
// (₫), arrows, mathematical operators (≤ ≥ ≠) and box drawing. A text of only these is NFC
// already, which is what almost every report is, and needs no utf8proc_map. Anything else
// takes the full normalisation.
bool stable_in_nfc(utf8proc_int32_t cp) noexcept {
  return cp < 0x300 || (cp >= 0x391 && cp <= 0x3C9) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
         (cp >= 0x2010 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x22FF) ||
         (cp >= 0x2500 && cp <= 0x257F);
}

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates) of code points that
// are all stable_in_nfc(): then it is its own NFC. Decoded inline, since this runs on every
// label and message a catalogue or rule file holds; anything unusual says no and takes the
// full path, which also reports what is wrong.
bool already_nfc(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    utf8proc_int32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
      cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
    } else if (c >= 0xE0 && c <= 0xEF && end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
               (p[2] & 0xC0) == 0x80) {
      cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
      p += 3;
    } else {
      return false;  // four-byte sequences and anything malformed
    }
    if (!stable_in_nfc(cp)) return false;
  }
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
  while (!text.empty()) {
    utf8proc_int32_t cp = 0;
    const auto n = next(text, cp);
    if (n <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

result<std::string> normalize_nfc(std::string_view text) {
  // ASCII and precomposed Vietnamese are NFC already: almost every text takes this path.
  if (already_nfc(text)) return std::string(text);
  std::size_t offset = 0;
  for (std::string_view rest = text; !rest.empty();) {
    utf8proc_int32_t cp = 0;
    const auto n = next(rest, cp);
    if (n <= 0)
      return make_error(errc::invalid_utf8,
                        fmt::format("văn bản không phải UTF-8 hợp lệ: byte 0x{:02X} ở vị trí {}",
                                    static_cast<unsigned char>(rest[0]), offset + 1),
                        fmt::format("text is not valid UTF-8: byte 0x{:02X} at offset {}",
                                    static_cast<unsigned char>(rest[0]), offset + 1));
    rest.remove_prefix(static_cast<std::size_t>(n));
    offset += static_cast<std::size_t>(n);
  }

  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(bytes(text), static_cast<utf8proc_ssize_t>(text.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
  if (n < 0)
    return make_error(errc::invalid_utf8, "không chuẩn hoá được văn bản Unicode",
                      fmt::format("cannot normalise text: {}", utf8proc_errmsg(n)));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

std::size_t display_width(std::string_view text) noexcept {
  std::size_t width = 0;
  while (!text.empty()) {
    utf8proc_int32_t cp = 0;
    const auto n = next(text, cp);
    if (n <= 0) {
      ++width;
      text.remove_prefix(1);
      continue;
    }
    const int w = utf8proc_charwidth(cp);
    width += w > 0 ? static_cast<std::size_t>(w) : 0;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return width;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  if (width == 0) width = 1;
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  auto flush = [&] {
    lines.push_back(std::move(line));
    line.clear();
    line_width = 0;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    pos = end;
    const std::size_t w = display_width(word);
    if (line_width > 0 && line_width + 1 + w <= width) {
      line += ' ';
      line += word;
      line_width += 1 + w;
      continue;
    }
    if (line_width > 0) flush();
    // A word wider than the line is cut between code points.
    while (display_width(word) > width) {
      std::size_t cut = 0, cw = 0;
      while (cut < word.size()) {
        utf8proc_int32_t cp = 0;
        auto n = next(word.substr(cut), cp);
        int charw = 1;  // an invalid byte is shown as one column
        if (n > 0) charw = utf8proc_charwidth(cp);
        else n = 1;
        if (cw + static_cast<std::size_t>(charw > 0 ? charw : 0) > width && cut > 0) break;
        cw += static_cast<std::size_t>(charw > 0 ? charw : 0);
        cut += static_cast<std::size_t>(n);
      }
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
    }
    line = std::string(word);
    line_width = display_width(word);
  }
  if (!line.empty() || lines.empty()) flush();
  return lines;
}

std::string without_diacritics(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
  const auto n = utf8proc_map(bytes(text), static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return std::string(text);
  std::string decomposed(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  std::string plain;
  plain.reserve(decomposed.size());
  for (std::size_t i = 0; i < decomposed.size(); ++i) {
    // Unicode does not decompose đ (U+0111) and Đ (U+0110): they are letters of their own.
    if (decomposed.compare(i, 2, "\xC4\x91") == 0 || decomposed.compare(i, 2, "\xC4\x90") == 0) {
      plain += decomposed[i + 1] == '\x91' ? 'd' : 'D';
      ++i;
    } else {
      plain += decomposed[i];
    }
  }
  return plain;
}

std::string to_upper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    utf8proc_int32_t cp = 0;
    const auto n = next(text, cp);
    if (n <= 0) {
      out += text.front();
      text.remove_prefix(1);
      continue;
    }
    utf8proc_uint8_t buf[4];
    const auto len = utf8proc_encode_char(utf8proc_toupper(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return out;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace cchc
