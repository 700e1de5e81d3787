// SPDX-License-Identifier: MIT
// The table model as a Word document (WordprocessingML, written with pugixml and zipped with
// libzip): A4 in the layout of Decree 30/2020/NĐ-CP (issuer and number beside the national name
// and motto, place and date, title, the forms as tables whose header row repeats on each page,
// the signature block), Times New Roman 13. Each value cell holds a bookmark named after its row
// (B4:1.4 is "B4_1_4"), so that a program reading the document back finds every row whatever
// the labels say; a cell with findings is shaded by severity.
#include <algorithm>
#include <cctype>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "cchc/render.hpp"
#include "out/render/package.hpp"
#include "out/render/words.hpp"

namespace cchc {
namespace {

constexpr std::string_view content_types =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>)";

constexpr std::string_view package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>)";

constexpr std::string_view document_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

constexpr std::string_view styles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>)";

// A4 with the margins Decree 30 sets (top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm).
constexpr int text_width = 11906 - 1701 - 1134;  // twips

// How a paragraph looks; set in a chain: Look().bold().align("center").
struct Look {
  bool bold_ = false, italic_ = false, underline_ = false;
  std::string_view align_;  // "", "center", "right"
  int indent_ = 0;          // twips
  int size_ = 0;            // half-points; 0: the default
  std::string_view style_;  // a paragraph style

  Look& bold(bool on = true) { bold_ = on; return *this; }
  Look& italic() { italic_ = true; return *this; }
  Look& underline() { underline_ = true; return *this; }
  Look& align(std::string_view a) { align_ = a; return *this; }
  Look& indent(int twips) { indent_ = twips; return *this; }
  Look& size(int half_points) { size_ = half_points; return *this; }
  Look& style(std::string_view s) { style_ = s; return *this; }
};

void run(pugi::xml_node p, std::string_view text, const Look& look) {
  std::size_t from = 0;
  while (true) {
    pugi::xml_node r = p.append_child("w:r");
    if (look.bold_ || look.italic_ || look.underline_ || look.size_) {
      pugi::xml_node rpr = r.append_child("w:rPr");
      if (look.bold_) rpr.append_child("w:b");
      if (look.italic_) rpr.append_child("w:i");
      if (look.underline_) rpr.append_child("w:u").append_attribute("w:val") = "single";
      if (look.size_) {
        rpr.append_child("w:sz").append_attribute("w:val") = look.size_;
        rpr.append_child("w:szCs").append_attribute("w:val") = look.size_;
      }
    }
    const std::size_t nl = text.find('\n', from);
    pugi::xml_node t = r.append_child("w:t");
    t.append_attribute("xml:space") = "preserve";
    const std::string part(text.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from));
    t.text() = part.c_str();
    if (nl == std::string_view::npos) break;
    r.append_child("w:br");
    from = nl + 1;
  }
}

pugi::xml_node paragraph(pugi::xml_node parent, std::string_view text, const Look& look = Look()) {
  pugi::xml_node p = parent.append_child("w:p");
  pugi::xml_node ppr = p.append_child("w:pPr");
  if (!look.style_.empty()) ppr.append_child("w:pStyle").append_attribute("w:val") = std::string(look.style_).c_str();
  if (!look.align_.empty()) ppr.append_child("w:jc").append_attribute("w:val") = std::string(look.align_).c_str();
  if (look.indent_) ppr.append_child("w:ind").append_attribute("w:left") = look.indent_;
  if (!text.empty()) run(p, text, look);
  return p;
}

pugi::xml_node table(pugi::xml_node body, const std::vector<int>& widths, bool borders) {
  pugi::xml_node tbl = body.append_child("w:tbl");
  pugi::xml_node pr = tbl.append_child("w:tblPr");
  pugi::xml_node w = pr.append_child("w:tblW");
  w.append_attribute("w:w") = text_width;
  w.append_attribute("w:type") = "dxa";
  pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
  if (borders) {
    pugi::xml_node b = pr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      pugi::xml_node e = b.append_child(side);
      e.append_attribute("w:val") = "single";
      e.append_attribute("w:sz") = 4;
      e.append_attribute("w:space") = 0;
      e.append_attribute("w:color") = "444444";
    }
  }
  pugi::xml_node grid = tbl.append_child("w:tblGrid");
  for (int width : widths) grid.append_child("w:gridCol").append_attribute("w:w") = width;
  return tbl;
}

pugi::xml_node cell(pugi::xml_node tr, int width, std::string_view fill = {}) {
  pugi::xml_node tc = tr.append_child("w:tc");
  pugi::xml_node pr = tc.append_child("w:tcPr");
  pugi::xml_node w = pr.append_child("w:tcW");
  w.append_attribute("w:w") = width;
  w.append_attribute("w:type") = "dxa";
  if (!fill.empty()) {
    pugi::xml_node shd = pr.append_child("w:shd");
    shd.append_attribute("w:val") = "clear";
    shd.append_attribute("w:color") = "auto";
    shd.append_attribute("w:fill") = std::string(fill).c_str();
  }
  return tc;
}

std::string_view fill_of(const std::optional<Severity>& s) {
  if (!s) return {};
  return *s == Severity::error ? "FBE4E2" : *s == Severity::warning ? "FFF3D6" : "E3EEF9";
}

void heading_block(pugi::xml_node body, const TableDocument& doc) {
  const std::vector<int> widths{text_width * 2 / 5, text_width - text_width * 2 / 5};
  pugi::xml_node tr = table(body, widths, false).append_child("w:tr");
  pugi::xml_node left = cell(tr, widths[0]);
  paragraph(left, doc.agency, Look().bold().align("center"));
  paragraph(left, doc.number, Look().align("center"));
  pugi::xml_node right = cell(tr, widths[1]);
  paragraph(right, detail::document::nation, Look().bold().align("center").size(24));
  paragraph(right, detail::document::motto, Look().bold().underline().align("center"));
  paragraph(right, "");
  paragraph(right, doc.place_date, Look().italic().align("center"));
  paragraph(body, "");
  paragraph(body, doc.title, Look().bold().align("center").size(28));
  paragraph(body, doc.subtitle, Look().bold().align("center"));
}

// A row's bookmark: B4:1.4 → B4_1_4. Word takes letters, digits and _, at most 40, starting with
// a letter; an address that cannot be one (a summary's rule id that is too long) gets none.
std::string bookmark_name(std::string_view address) {
  std::string name;
  for (char c : address) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (name.empty() || name.size() > 40 || !std::isalpha(static_cast<unsigned char>(name[0]))) return {};
  return name;
}

void form_table(pugi::xml_node body, const TableDocument& doc, const TableForm& form, int& bookmark) {
  paragraph(body, fmt::format("{} — {}", detail::document::form_label(doc.lang, form), form.title), Look().style("Heading2"));
  if (!form.subtitle.empty()) paragraph(body, form.subtitle, Look().italic());
  // A table with several figures a row (a summary's) narrows the unit and figure columns.
  const std::size_t extras = doc.extra_columns(form);
  std::vector<int> widths{extras ? 700 : 800, 0, extras ? 1100 : 1700, extras ? 1000 : 1300};
  widths.insert(widths.end(), extras, 1000);
  if (doc.notes) widths.push_back(1500);
  int rest = text_width;
  for (int w : widths) rest -= w;
  widths[1] = rest;
  pugi::xml_node tbl = table(body, widths, true);
  pugi::xml_node head = tbl.append_child("w:tr");
  head.append_child("w:trPr").append_child("w:tblHeader");
  const auto& columns = doc.columns_of(form);
  for (std::size_t c = 0; c < columns.size() && c < widths.size(); ++c)
    paragraph(cell(head, widths[c], "EEEEEE"), columns[c], Look().bold().align("center"));
  for (const TableRow& r : form.rows) {
    pugi::xml_node tr = tbl.append_child("w:tr");
    tr.append_child("w:trPr").append_child("w:cantSplit");
    const bool heading = r.kind == Kind::heading;
    paragraph(cell(tr, widths[0]), r.code, Look().bold(heading).align("center"));
    pugi::xml_node label = cell(tr, widths[1]);
    paragraph(label, r.label, Look().bold(heading).indent(284 * r.level));
    if (!r.description.empty()) paragraph(label, r.description, Look().italic().indent(284 * r.level));
    paragraph(cell(tr, widths[2]), r.unit);
    pugi::xml_node value = paragraph(cell(tr, widths[3], fill_of(r.severity)), "", Look().align("right"));
    const std::string name = bookmark_name(r.address);
    if (!name.empty()) {
      pugi::xml_node start = value.append_child("w:bookmarkStart");
      start.append_attribute("w:id") = bookmark;
      start.append_attribute("w:name") = name.c_str();
    }
    std::string shown = r.value;
    for (std::size_t f : r.findings) shown += fmt::format("{}[{}]", shown.empty() ? "" : " ", f + 1);
    if (!shown.empty()) run(value, shown, Look());
    if (!name.empty()) value.append_child("w:bookmarkEnd").append_attribute("w:id") = bookmark++;
    for (std::size_t k = 0; k < extras; ++k)
      paragraph(cell(tr, widths[4 + k]), k < r.extra.size() ? std::string_view(r.extra[k].text) : std::string_view(),
                Look().align("right"));
    if (doc.notes) paragraph(cell(tr, widths[4 + extras]), r.note);
  }
  for (const auto& f : form.footnotes) paragraph(body, f, Look().size(22));
}

void findings_list(pugi::xml_node body, const TableDocument& doc) {
  if (doc.findings.empty()) return;
  const auto& words = detail::document::words(doc.lang);
  paragraph(body, words.findings, Look().style("Heading2"));
  for (std::size_t i = 0; i < doc.findings.size(); ++i) {
    const Finding& f = doc.findings[i];
    pugi::xml_node p = paragraph(body, fmt::format("{}. ", i + 1));
    run(p, words.severity(f.severity), Look().bold());
    run(p, fmt::format(" {}: {}", f.rule_id, f.message(doc.lang)), Look());
    if (!f.expected.empty()) run(p, fmt::format(" ({} {})", words.expected, f.expected), Look().italic());
  }
}

void declare(pugi::xml_document& d) {
  pugi::xml_node decl = d.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
}

std::string xml_of(const pugi::xml_document& d) {
  std::ostringstream out;
  d.save(out, "", pugi::format_raw);
  return out.str();
}

std::string document_xml(const TableDocument& doc) {
  pugi::xml_document d;
  declare(d);
  pugi::xml_node root = d.append_child("w:document");
  root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  pugi::xml_node body = root.append_child("w:body");
  heading_block(body, doc);
  int bookmark = 0;
  for (const TableForm& form : doc.forms) form_table(body, doc, form, bookmark);
  findings_list(body, doc);
  if (!doc.signer.empty() || !doc.signer_title.empty()) {
    paragraph(body, "");
    paragraph(body, doc.signer_title, Look().bold().align("right"));
    for (int i = 0; i < 3; ++i) paragraph(body, "");
    paragraph(body, doc.signer, Look().bold().align("right"));
  }
  pugi::xml_node sect = body.append_child("w:sectPr");
  pugi::xml_node size = sect.append_child("w:pgSz");
  size.append_attribute("w:w") = 11906;
  size.append_attribute("w:h") = 16838;
  pugi::xml_node margins = sect.append_child("w:pgMar");
  for (auto [side, twips] : {std::pair{"w:top", 1134}, {"w:right", 1134}, {"w:bottom", 1134},
                             {"w:left", 1701}, {"w:header", 720}, {"w:footer", 720}, {"w:gutter", 0}})
    margins.append_attribute(side) = twips;
  return xml_of(d);
}

std::string core_xml(const TableDocument& doc) {
  pugi::xml_document d;
  declare(d);
  pugi::xml_node root = d.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_child("dc:title").text() = (doc.title + (doc.subtitle.empty() ? "" : " — " + doc.subtitle)).c_str();
  root.append_child("dc:creator").text() = doc.agency.c_str();
  root.append_child("dc:language").text() = doc.lang == Language::en ? "en" : "vi-VN";
  return xml_of(d);
}

// The report's metadata exactly, as custom document properties "cchc.<field>": what reading the
// document back takes, whatever its paragraphs say.
std::string custom_xml(const TableDocument& doc) {
  pugi::xml_document d;
  declare(d);
  pugi::xml_node root = d.append_child("Properties");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
  root.append_attribute("xmlns:vt") = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
  int pid = 2;  // 0 and 1 are reserved
  auto property = [&](std::string_view name, const std::string& value) {
    pugi::xml_node p = root.append_child("property");
    p.append_attribute("fmtid") = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
    p.append_attribute("pid") = pid++;
    p.append_attribute("name") = fmt::format("cchc.{}", name).c_str();
    p.append_child("vt:lpwstr").text() = value.c_str();
  };
  for (std::string_view field : metadata_fields()) property(field, metadata_field(doc.metadata, field).value());
  property("catalog.id", doc.metadata.catalog_id);
  property("catalog.version", doc.metadata.catalog_version);
  return xml_of(d);
}

}  // namespace

result<std::string> render_docx(const TableDocument& doc) {
  const std::string document = document_xml(doc), core = core_xml(doc), custom = custom_xml(doc);
  const detail::document::PackagePart parts[] = {
      {"[Content_Types].xml", content_types},
      {"_rels/.rels", package_rels},
      {"word/document.xml", document},
      {"word/_rels/document.xml.rels", document_rels},
      {"word/styles.xml", styles},
      {"docProps/core.xml", core},
      {"docProps/custom.xml", custom},
  };
  return detail::document::zip_package(parts, "tài liệu Word", "the Word document");
}

}  // namespace cchc
