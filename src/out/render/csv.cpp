// SPDX-License-Identifier: MIT
// The table model as CSV (RFC 4180): one line per form row, values as written.
#include <fmt/format.h>

#include "cchc/render.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

void field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void line(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    if (!first) out += ',';
    first = false;
    field(out, f);
  }
  out += "\r\n";
}

}  // namespace

std::string render_csv(const TableDocument& doc) {
  const bool en = doc.lang == Language::en;
  std::string out = "\xEF\xBB\xBF";
  line(out, {en ? "form" : "biểu mẫu", en ? "address" : "địa chỉ", doc.columns[0], doc.columns[1],
             doc.columns[2], doc.columns[3], en ? "notes" : "ghi chú", en ? "findings" : "phát hiện"});
  for (const TableForm& form : doc.forms) {
    const std::string number = std::to_string(form.number);
    for (const TableRow& r : form.rows) {
      std::string label = r.label;
      if (!r.description.empty()) label += "\n" + r.description;
      std::string ids;
      for (std::size_t f : r.findings) detail::join_into(ids, "; ", doc.findings[f].rule_id);
      line(out, {number, r.address, r.code, label, r.unit, r.value, r.note, ids});
    }
  }
  return out;
}

}  // namespace cchc
