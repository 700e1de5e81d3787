// SPDX-License-Identifier: MIT
// A Word document's tables as the annex, its other paragraphs as the text around it: the
// narrative, and the metadata when cchc did not keep it exactly.
#include <algorithm>

#include "cchc/unicode.hpp"
#include "in/office/readers.hpp"
#include "in/office/tables.hpp"
#include "in/text/lines.hpp"

namespace cchc::detail::office {
namespace {

// "B4_1_4", the bookmark cchc puts in a value cell, is row "B4:1.4".
std::string address_of_bookmark(std::string name) {
  const auto first = name.find('_');
  if (first == std::string::npos) return {};
  name[first] = ':';
  std::replace(name.begin(), name.end(), '_', '.');
  return name;
}

// A table's rows: a merged cell (gridSpan) stands for as many columns as it spans, so that the
// columns line up with the header's; a bookmarked row address is kept beside the cells.
TableIn table_of(pugi::xml_node tbl, int form, std::size_t& place, const Catalog& cat,
                 std::vector<std::string>& addresses) {
  TableIn t;
  t.form = form;
  addresses.clear();
  for (pugi::xml_node tr : tbl.children("w:tr")) {
    TableRowIn row;
    row.line = ++place;
    std::string address;
    for (pugi::xml_node tc : tr.children("w:tc")) {
      row.cells.push_back(text_of(tc));
      const int span = tc.child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int(1);
      for (int k = 1; k < span && k < 64; ++k) row.cells.emplace_back();
      if (address.empty())
        for (pugi::xpath_node b : tc.select_nodes(".//w:bookmarkStart")) {
          std::string a = address_of_bookmark(b.node().attribute("w:name").value());
          if (cat.lookup(a)) {
            address = std::move(a);
            break;
          }
        }
    }
    addresses.push_back(std::move(address));
    t.rows.push_back(std::move(row));
  }
  return t;
}

bool is_form_table(const TableIn& t) {
  return std::any_of(t.rows.begin(), t.rows.end(), [](const TableRowIn& r) { return is_header_row(r); });
}

}  // namespace

result<ImportedText> read_docx(const Package& p, std::shared_ptr<const Catalog> catalog) {
  auto doc = p.xml("word/document.xml");
  if (!doc) return doc.error();
  ImportedText out{{}, Report(catalog)};
  std::vector<TableIn> tables;
  std::string prose;  // paragraphs, and the cells of layout tables, line by line
  int form = 0;
  std::size_t place = 0;
  std::vector<std::string> addresses;
  for (pugi::xml_node n : (*doc)->child("w:document").child("w:body").children()) {
    const std::string_view name = n.name();
    if (name == "w:p") {
      const std::string text = text_of(n);
      if (const int f = form_number_in(text, *catalog); f != 0 && text.size() < 400) form = f;
      prose += text;
      prose += '\n';
    } else if (name == "w:tbl") {
      TableIn t = table_of(n, form, place, *catalog, addresses);
      if (!is_form_table(t)) {
        for (const auto& row : t.rows)
          for (const auto& cell : row.cells) prose += cell + '\n';
        continue;
      }
      // Bookmarked addresses become an address column, which the table reader prefers.
      if (std::any_of(addresses.begin(), addresses.end(), [](const auto& a) { return !a.empty(); }))
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
          const bool header = addresses[i].empty() && is_header_row(t.rows[i]);
          t.rows[i].cells.push_back(header ? "địa chỉ" : addresses[i]);
        }
      tables.push_back(std::move(t));
    }
  }
  read_tables(tables, *catalog, out.report, out.coverage);

  // The metadata cchc kept exactly, else what the paragraphs show, as the text reader reads it.
  bool kept = false;
  if (p.has("docProps/custom.xml")) {
    auto custom = p.xml("docProps/custom.xml");
    if (!custom) return custom.error();
    for (pugi::xml_node prop : (*custom)->child("Properties").children("property")) {
      const std::string_view field = prop.attribute("name").value();
      if (!field.starts_with("cchc.")) continue;
      kept = true;
      keep_metadata(out, field.substr(5), prop.first_child().text().get());
    }
  }
  // Numeric entities can spell what is not UTF-8 ("&#xD800;"); such text is not read as prose.
  if (!is_valid_utf8(prose)) {
    out.coverage.problems.push_back({"", 0, "văn bản ngoài bảng không phải UTF-8 hợp lệ; không đọc phần lời",
                                     "the text outside the tables is not valid UTF-8; the prose is not read"});
    prose.clear();
  }
  const std::string clean = text::without_invisibles(prose);
  const auto lines = text::split_lines(clean);
  const auto annex = text::find_annex(lines, *catalog);
  std::string narrative;
  for (std::size_t i = 0; i < annex.value_or(lines.size()); ++i) narrative += lines[i].text + '\n';
  out.narrative = parse_narrative(narrative, *catalog, 1);
  if (!kept)
    text::read_metadata(clean, lines, annex.value_or(lines.size()), lines.size(), *catalog,
                        out.narrative, out.report.metadata());
  return out;
}

}  // namespace cchc::detail::office
