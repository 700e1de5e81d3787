// SPDX-License-Identifier: MIT
// SpreadsheetML as text: styles.xml, worksheets, comments and their VML boxes, the package.
#include "out/render/spreadsheet.hpp"

#include <fmt/format.h>

#include "out/render/package.hpp"

namespace cchc::detail::spreadsheet {
namespace {

using detail::document::xml_escape_into;

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// "A", "B", ... "Z", "AA", ...
std::string column_name(std::size_t c) {
  std::string out;
  for (++c; c > 0; c = (c - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

std::string cell_ref(std::size_t row, std::size_t col) { return fmt::format("{}{}", column_name(col), row + 1); }

// A sheet's comments (the text, which Excel and LibreOffice read) and their VML drawing (the
// note boxes, which Excel needs to show them).
std::string comments_xml(const Sheet& sheet) {
  std::string out(xml_declaration);
  out += fmt::format("<comments xmlns=\"{}\"><authors><author>cchc</author></authors><commentList>", main_ns);
  for (const Comment& c : sheet.comments()) {
    out += fmt::format("<comment ref=\"{}\" authorId=\"0\"><text><t xml:space=\"preserve\">", cell_ref(c.row, c.col));
    xml_escape_into(out, c.text);
    out += "</t></text></comment>";
  }
  out += "</commentList></comments>";
  return out;
}

std::string vml_xml(const Sheet& sheet, std::size_t sheet_number) {
  std::string out = fmt::format(
      "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
      "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" "
      "data=\"{}\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" "
      "path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" "
      "o:connecttype=\"rect\"/></v:shapetype>",
      sheet_number);
  std::size_t shape = 1024 * sheet_number;
  for (const Comment& c : sheet.comments())
    out += fmt::format(
        "<v:shape id=\"_x0000_s{}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:59.25pt;"
        "margin-top:1.5pt;width:240pt;height:60pt;z-index:1;visibility:hidden\" fillcolor=\"#ffffe1\" "
        "o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>"
        "<v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\">"
        "</div></v:textbox><x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>"
        "<x:Anchor>{}, 15, {}, 2, {}, 15, {}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{}</x:Row>"
        "<x:Column>{}</x:Column></x:ClientData></v:shape>",
        ++shape, c.col + 1, c.row, c.col + 5, c.row + 4, c.row, c.col);
  out += "</xml>";
  return out;
}

std::string content_types(const std::vector<Sheet>& sheets) {
  std::string out(xml_declaration);
  out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>"
         "<Override PartName=\"/xl/workbook.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
         "<Override PartName=\"/xl/styles.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>";
  for (std::size_t i = 1; i <= sheets.size(); ++i) {
    out += fmt::format("<Override PartName=\"/xl/worksheets/sheet{}.xml\" "
                       "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                       i);
    if (!sheets[i - 1].comments().empty())
      out += fmt::format("<Override PartName=\"/xl/comments{}.xml\" "
                         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>",
                         i);
  }
  out += "</Types>";
  return out;
}

constexpr std::string_view package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>)";

std::string workbook_xml(const std::vector<Sheet>& sheets) {
  std::string out(xml_declaration);
  out += fmt::format("<workbook xmlns=\"{}\" xmlns:r=\"{}\"><workbookPr/><bookViews><workbookView/></bookViews><sheets>",
                     main_ns, rel_ns);
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    out += "<sheet name=\"";
    xml_escape_into(out, sheets[i].name());
    out += fmt::format("\" sheetId=\"{0}\"{1} r:id=\"rId{0}\"/>", i + 1, sheets[i].hidden() ? " state=\"hidden\"" : "");
  }
  out += "</sheets></workbook>";
  return out;
}

std::string workbook_rels(const std::vector<Sheet>& sheets) {
  std::string out(xml_declaration);
  out += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 1; i <= sheets.size(); ++i)
    out += fmt::format("<Relationship Id=\"rId{0}\" Type=\"{1}/worksheet\" Target=\"worksheets/sheet{0}.xml\"/>", i,
                       rel_ns);
  out += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/styles\" Target=\"styles.xml\"/></Relationships>",
                     sheets.size() + 1, rel_ns);
  return out;
}

std::string sheet_rels(std::size_t number) {
  return fmt::format(
      "{}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"{}/comments\" Target=\"../comments{}.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"{}/vmlDrawing\" Target=\"../drawings/vmlDrawing{}.vml\"/></Relationships>",
      xml_declaration, rel_ns, number, rel_ns, number);
}

std::string core_xml(const WorkbookProperties& doc) {
  std::string out(xml_declaration);
  out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>";
  xml_escape_into(out, doc.title);
  out += "</dc:title><dc:creator>cchc</dc:creator><dc:language>";
  out += doc.lang == Language::en ? "en" : "vi-VN";
  out += "</dc:language></cp:coreProperties>";
  return out;
}

std::string app_xml(const WorkbookProperties& doc) {
  std::string out(xml_declaration);
  out += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
         "<Application>cchc</Application><Company>";
  xml_escape_into(out, doc.company);
  out += "</Company></Properties>";
  return out;
}

}  // namespace

std::string Styles::xml() const {
    // Number formats: Excel's built-in ids where there is one, 164 onwards for the others.
    std::map<std::string, int> formats{{"General", 0}, {"0", 1}, {"0.00", 2}, {"#,##0", 3}, {"@", 49}};
    std::vector<std::string> custom;
    for (const Style& s : styles_)
      if (formats.try_emplace(s.format, 164 + static_cast<int>(custom.size())).second) custom.push_back(s.format);
    std::string out(xml_declaration);
    out += fmt::format("<styleSheet xmlns=\"{}\">", main_ns);
    if (!custom.empty()) {
      out += fmt::format("<numFmts count=\"{}\">", custom.size());
      for (std::size_t i = 0; i < custom.size(); ++i) {
        out += fmt::format("<numFmt numFmtId=\"{}\" formatCode=\"", 164 + i);
        xml_escape_into(out, custom[i]);
        out += "\"/>";
      }
      out += "</numFmts>";
    }
    constexpr std::string_view face = "<name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/>";
    out += fmt::format(
        "<fonts count=\"4\"><font><sz val=\"11\"/>{0}</font><font><b/><sz val=\"11\"/>{0}</font>"
        "<font><b/><sz val=\"13\"/>{0}</font><font><i/><sz val=\"11\"/>{0}</font></fonts>",
        face);
    out += "<fills count=\"6\"><fill><patternFill patternType=\"none\"/></fill>"
           "<fill><patternFill patternType=\"gray125\"/></fill>";
    for (std::string_view rgb : {"FFEEEEEE", "FFFBE4E2", "FFFFF3D6", "FFE3EEF9"})
      out += fmt::format("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"{}\"/><bgColor indexed=\"64\"/>"
                         "</patternFill></fill>",
                         rgb);
    out += "</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>";
    for (std::string_view side : {"left", "right", "top", "bottom"})
      out += fmt::format("<{0} style=\"thin\"><color auto=\"1\"/></{0}>", side);
    out += "<diagonal/></border></borders>"
           "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>";
    out += fmt::format("<cellXfs count=\"{}\">", styles_.size());
    for (const Style& s : styles_) {
      const int fill = s.fill == Fill::none ? 0 : static_cast<int>(s.fill) + 1;  // after none, gray125
      out += fmt::format("<xf numFmtId=\"{}\" fontId=\"{}\" fillId=\"{}\" borderId=\"{}\" xfId=\"0\"",
                         formats.at(s.format), static_cast<int>(s.font), fill, s.border ? 1 : 0);
      if (s.format != "General") out += " applyNumberFormat=\"1\"";
      if (s.font != Font::normal) out += " applyFont=\"1\"";
      if (fill) out += " applyFill=\"1\"";
      if (s.border) out += " applyBorder=\"1\"";
      if (s.align == Align::none && !s.wrap && s.indent == 0) {
        out += "/>";
        continue;
      }
      out += " applyAlignment=\"1\"><alignment";
      switch (s.align) {
        case Align::none: break;
        case Align::left_top: out += " horizontal=\"left\" vertical=\"top\""; break;
        case Align::center_top: out += " horizontal=\"center\" vertical=\"top\""; break;
        case Align::center_middle: out += " horizontal=\"center\" vertical=\"center\""; break;
        case Align::right_top: out += " horizontal=\"right\" vertical=\"top\""; break;
      }
      if (s.wrap) out += " wrapText=\"1\"";
      if (s.indent) out += fmt::format(" indent=\"{}\"", s.indent);
      out += "/></xf>";
    }
    out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
           "</styleSheet>";
    return out;
}

void Sheet::width(std::size_t col, double chars, bool hidden) {
  cols_ += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"{2}/>", col + 1, chars,
                       hidden ? " hidden=\"1\"" : "");
}

void Sheet::text(std::size_t row, std::size_t col, std::string_view s, const Style& style) {
  open(row, col, style);
  if (s.empty()) {
    data_ += "/>";
    return;
  }
  data_ += " t=\"inlineStr\"><is><t xml:space=\"preserve\">";
  xml_escape_into(data_, s);
  data_ += "</t></is></c>";
}

void Sheet::merge(std::size_t row, std::size_t first_col, std::size_t last_col) {
    merges_.push_back(fmt::format("{}:{}", cell_ref(row, first_col), cell_ref(row, last_col)));
}

void Sheet::open(std::size_t row, std::size_t col, const Style& style) {
    if (!row_open_ || row != row_) {
      if (row_open_) data_ += "</row>";
      data_ += fmt::format("<row r=\"{}\">", row + 1);
      row_ = row;
      row_open_ = true;
    }
    data_ += fmt::format("<c r=\"{}\"", cell_ref(row, col));
    if (const std::size_t s = styles_->index(style); s != 0) data_ += fmt::format(" s=\"{}\"", s);
}

std::string Sheet::xml(bool selected) const {
    std::string out(xml_declaration);
    out.reserve(data_.size() + 1024);
    out += fmt::format("<worksheet xmlns=\"{}\" xmlns:r=\"{}\"><sheetViews><sheetView{} workbookViewId=\"0\">",
                       main_ns, rel_ns, selected ? " tabSelected=\"1\"" : "");
    if (frozen_ > 0)
      out += fmt::format("<pane ySplit=\"{}\" topLeftCell=\"A{}\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                         "<selection pane=\"bottomLeft\"/>",
                         frozen_, frozen_ + 1);
    out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
    if (!cols_.empty()) out += "<cols>" + cols_ + "</cols>";
    out += "<sheetData>";
    out += data_;
    if (row_open_) out += "</row>";
    out += "</sheetData>";
    if (!merges_.empty()) {
      out += fmt::format("<mergeCells count=\"{}\">", merges_.size());
      for (const auto& m : merges_) out += fmt::format("<mergeCell ref=\"{}\"/>", m);
      out += "</mergeCells>";
    }
    out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>";
    if (!comments_.empty()) out += "<legacyDrawing r:id=\"rId2\"/>";
    out += "</worksheet>";
    return out;
}

std::string sheet_name(std::string name) {
  for (char& c : name)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size(); ++i)
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80 && ++chars > 31) {
      name.resize(i);
      break;
    }
  return name;
}

result<std::string> workbook(const std::vector<Sheet>& sheets, const Styles& styles,
                             const WorkbookProperties& properties) {
  // Every part's text first, then the package: the parts point into these strings.
  std::vector<std::string> names, texts;
  auto add = [&](std::string name, std::string text) {
    names.push_back(std::move(name));
    texts.push_back(std::move(text));
  };
  add("[Content_Types].xml", content_types(sheets));
  add("_rels/.rels", std::string(package_rels));
  add("docProps/core.xml", core_xml(properties));
  add("docProps/app.xml", app_xml(properties));
  add("xl/workbook.xml", workbook_xml(sheets));
  add("xl/_rels/workbook.xml.rels", workbook_rels(sheets));
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::size_t n = i + 1;
    add(fmt::format("xl/worksheets/sheet{}.xml", n), sheets[i].xml(i == 0));
    if (sheets[i].comments().empty()) continue;
    add(fmt::format("xl/worksheets/_rels/sheet{}.xml.rels", n), sheet_rels(n));
    add(fmt::format("xl/comments{}.xml", n), comments_xml(sheets[i]));
    add(fmt::format("xl/drawings/vmlDrawing{}.vml", n), vml_xml(sheets[i], n));
  }
  add("xl/styles.xml", styles.xml());  // last: the sheets have named every style they use
  std::vector<detail::document::PackagePart> parts;
  parts.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) parts.push_back({names[i], texts[i]});
  return detail::document::zip_package(parts, "bảng tính", "the workbook");
}

}  // namespace cchc::detail::spreadsheet
