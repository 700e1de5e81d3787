// SPDX-License-Identifier: MIT
// The table model as CSV (RFC 4180): one line per form row, values as written.
#include <span>
#include <vector>

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

void line(std::string& out, std::span<const std::string_view> fields) {
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
  // One header for every form: the columns of the form with the most figures a row.
  const std::vector<std::string>* header = &doc.columns;
  for (const TableForm& form : doc.forms)
    if (doc.extra_columns(form) == doc.extra_columns()) {
      header = &doc.columns_of(form);
      break;
    }
  const std::size_t extras = doc.extra_columns();
  std::vector<std::string_view> fields{en ? "form" : "biểu mẫu", en ? "address" : "địa chỉ"};
  for (std::size_t c = 0; c < 4 + extras && c < header->size(); ++c) fields.emplace_back((*header)[c]);
  fields.insert(fields.end(), {en ? "notes" : "ghi chú", en ? "findings" : "phát hiện"});
  line(out, fields);
  for (const TableForm& form : doc.forms) {
    const std::string number = std::to_string(form.number);
    for (const TableRow& r : form.rows) {
      std::string label = r.label;
      if (!r.description.empty()) label += "\n" + r.description;
      std::string ids;
      for (std::size_t f : r.findings) detail::join_into(ids, "; ", doc.findings[f].rule_id);
      fields.assign({number, r.address, r.code, label, r.unit, r.value});
      // Views of the row's own texts: a conditional with "" would make a temporary string.
      for (std::size_t k = 0; k < extras; ++k)
        fields.emplace_back(k < r.extra.size() ? std::string_view(r.extra[k].text) : std::string_view());
      fields.insert(fields.end(), {r.note, ids});
      line(out, fields);
    }
  }
  return out;
}

}  // namespace cchc
