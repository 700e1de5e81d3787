// SPDX-License-Identifier: MIT
// Internal: the words the document writers print around the model, in each language.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cchc/error.hpp"
#include "cchc/finding.hpp"
#include "cchc/render.hpp"

namespace cchc::detail::document {

// The national name and motto head every administrative document (Decree 30/2020/NĐ-CP), in
// Vietnamese whatever the language of the rest.
inline constexpr std::string_view nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
inline constexpr std::string_view motto = "Độc lập - Tự do - Hạnh phúc";

struct Words {
  std::string_view form;      // "Biểu mẫu"
  std::string_view form_id;   // "bieu-mau-" (an HTML id: ASCII)
  std::string_view findings;  // "Phát hiện khi kiểm tra"
  std::string_view expected;  // "cần"
  std::string_view catalog;   // "Danh mục"
  std::string_view error, warning, info;
  [[nodiscard]] std::string_view severity(Severity s) const noexcept {
    return s == Severity::error ? error : s == Severity::warning ? warning : info;
  }
};

inline const Words& words(Language lang) noexcept {
  static constexpr Words vi{"Biểu mẫu", "bieu-mau-", "Phát hiện khi kiểm tra", "cần", "Danh mục",
                            "lỗi", "cảnh báo", "thông tin"};
  static constexpr Words en{"Form", "form-", "Findings", "expected", "Catalogue",
                            "error", "warning", "info"};
  return lang == Language::en ? en : vi;
}

// A table's name in headings and on a sheet's tab: "Biểu mẫu 2" ("Form 2"), or its own.
inline std::string form_label(Language lang, const TableForm& form) {
  return form.label.empty() ? fmt::format("{} {}", words(lang).form, form.number) : form.label;
}

}  // namespace cchc::detail::document
