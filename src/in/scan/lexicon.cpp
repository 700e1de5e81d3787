// SPDX-License-Identifier: MIT
// OCR slips in Vietnamese are mostly diacritics (a tone mark lost, ũ read as ã, Đ as D) and now
// and then a letter (T read as I). A word is compared with the catalogue's words without
// diacritics and in small letters; it is put back only where that leaves one candidate, so a
// word the catalogue does not know, or one it knows two ways, stays as read.
#include "in/scan/lexicon.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <utility>

#include <utf8proc.h>

#include "cchc/unicode.hpp"
#include "in/text/lines.hpp"
#include "util/strings.hpp"

namespace cchc::detail::scan {
namespace {

// Small letters, or small letters without their diacritics. Text that is not UTF-8 stays as
// it is.
std::string fold(std::string_view s, bool strip_marks) {
  const std::string plain = strip_marks ? without_diacritics(s) : std::string(s);
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE);
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(plain.data()),
                              static_cast<utf8proc_ssize_t>(plain.size()), &out, options);
  if (n < 0) return plain;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// Whether two words without diacritics (plain ASCII letters, mostly) are one letter apart:
// one changed, added or dropped.
bool one_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

constexpr std::string_view opening = "([\"'\xE2\x80\x9C";  // and “
constexpr std::string_view closing = ")]\"'.,;:!?";

// Where a word's letters are, without the brackets, quotes and stops around them.
std::pair<std::size_t, std::size_t> core_of(std::string_view word) {
  std::size_t begin = 0, end = word.size();
  while (begin < end && opening.find(word[begin]) != std::string_view::npos) ++begin;
  while (end > begin && closing.find(word[end - 1]) != std::string_view::npos) --end;
  return {begin, end};
}

// The word written with the capitals of `as`: all of them, the first, or none.
std::string with_case_of(std::string_view as, const std::string& word) {
  const std::string upper = to_upper(as);
  if (upper == as && fold(as, false) != as) return to_upper(word);
  utf8proc_int32_t first = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(as.data()),
                                  static_cast<utf8proc_ssize_t>(as.size()), &first);
  if (n <= 0 || !utf8proc_isupper(first)) return word;
  utf8proc_int32_t cp = 0;
  const auto m = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                  static_cast<utf8proc_ssize_t>(word.size()), &cp);
  if (m <= 0) return word;
  return to_upper(word.substr(0, static_cast<std::size_t>(m))) + word.substr(static_cast<std::size_t>(m));
}

}  // namespace

Lexicon::Lexicon(const Catalog& catalog) {
  for (const Row& row : catalog.rows()) {
    add(row.label_with_marks(false));
    add(row.description);
    add(row.unit);
  }
  for (const Form& form : catalog.forms()) {
    add(form.title);
    add(form.subtitle);
  }
  for (const auto& h : catalog.annex_headings()) add(h);
  for (const auto& h : catalog.form_headings()) add(h);
  // A table's header, as agencies print it.
  add("STT TT Nội dung Chỉ tiêu thống kê ĐVT Đơn vị tính Số liệu Kết quả Ghi chú");
}

void Lexicon::add(std::string_view text) {
  for (const std::string& w : text::words(text)) {
    const auto [begin, end] = core_of(w);
    const std::string_view core = std::string_view(w).substr(begin, end - begin);
    if (code_points(core) < 2 || has_digit(core) || !has_letter(core)) continue;
    auto& forms = by_fold_[fold(core, true)];
    std::string small = fold(core, false);
    if (std::find(forms.begin(), forms.end(), small) == forms.end()) forms.push_back(std::move(small));
  }
}

bool Lexicon::contains(std::string_view word) const {
  const auto [begin, end] = core_of(word);
  word = word.substr(begin, end - begin);
  const auto it = by_fold_.find(fold(word, true));
  if (it == by_fold_.end()) return false;
  const std::string small = fold(word, false);
  return std::find(it->second.begin(), it->second.end(), small) != it->second.end();
}

std::string Lexicon::snap(std::string_view word) const {
  const auto [begin, end] = core_of(word);
  const std::string_view core = word.substr(begin, end - begin);
  if (code_points(core) < 2 || has_digit(core) || !has_letter(core) || contains(core)) return std::string(word);
  const std::string plain = fold(core, true);
  const std::string* found = nullptr;
  if (const auto it = by_fold_.find(plain); it != by_fold_.end()) {
    if (it->second.size() != 1) return std::string(word);  // "số" or "sổ": not for OCR to say
    found = &it->second.front();
  } else if (code_points(core) >= 4) {
    for (const auto& [key, forms] : by_fold_) {
      if (!one_apart(plain, key)) continue;
      if (found != nullptr || forms.size() != 1) return std::string(word);
      found = &forms.front();
    }
  }
  if (found == nullptr) return std::string(word);
  return std::string(word.substr(0, begin)) + with_case_of(core, *found) + std::string(word.substr(end));
}

}  // namespace cchc::detail::scan
