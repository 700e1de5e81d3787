// SPDX-License-Identifier: MIT
// The table model as an Excel workbook (SpreadsheetML, written as text and zipped in memory): a
// sheet with the report's heading, one sheet per form, and one with the findings. Figures are
// stored as numbers with a display format that writes them as the report did ("02" as 2 shown
// "00", 33,3 as 33.3 shown "0.0"); codes and pairs are text, blanks are empty cells. Each form's
// rows carry their address in a hidden column, and a hidden sheet "cchc" holds the metadata
// exactly. Excel shows the separators of the reader's locale, so a Vietnamese Excel shows "33,3"
// and "85.000.000".
//
// Written without a spreadsheet library: libxlsxwriter 1.1.4 (Debian 12) writes only to files,
// and its scratch files cost more than the whole workbook does in memory.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cchc/render.hpp"
#include "out/render/package.hpp"
#include "out/render/words.hpp"

namespace cchc {
namespace {

using detail::document::xml_escape_into;

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// ---- Cell styles ---------------------------------------------------------------------------

enum class Font : std::uint8_t { normal, bold, title, italic };
enum class Fill : std::uint8_t { none, header, error, warning, info };
enum class Align : std::uint8_t { none, left_top, center_top, center_middle, right_top };

struct Style {
  Font font = Font::normal;
  Fill fill = Fill::none;
  bool border = false;
  bool wrap = false;
  Align align = Align::none;
  int indent = 0;
  std::string format = "General";  // a number format code
  auto operator<=>(const Style&) const = default;
};

Fill fill_of(const std::optional<Severity>& s) {
  if (!s) return Fill::none;
  return *s == Severity::error ? Fill::error : *s == Severity::warning ? Fill::warning : Fill::info;
}

// The workbook's styles, each given an index on first use (styles.xml's cellXfs).
class Styles {
 public:
  Styles() { index(Style{}); }  // index 0: the default every unstyled cell has

  std::size_t index(const Style& s) {
    auto [it, added] = ids_.try_emplace(s, styles_.size());
    if (added) styles_.push_back(s);
    return it->second;
  }

  [[nodiscard]] std::string xml() const {
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

 private:
  std::map<Style, std::size_t> ids_;
  std::vector<Style> styles_;
};

// ---- Sheets --------------------------------------------------------------------------------

// "A", "B", ... "Z", "AA", ...
std::string column_name(std::size_t c) {
  std::string out;
  for (++c; c > 0; c = (c - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

std::string cell_ref(std::size_t row, std::size_t col) { return fmt::format("{}{}", column_name(col), row + 1); }

struct Comment {
  std::size_t row = 0, col = 0;
  std::string text;
};

// One worksheet, written as it is filled: rows in ascending order, cells left to right.
class Sheet {
 public:
  Sheet(std::string name, Styles& styles) : name_(std::move(name)), styles_(&styles) {}

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  void hide() noexcept { hidden_ = true; }
  void width(std::size_t col, double chars, bool hidden = false) {
    cols_ += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"{2}/>", col + 1, chars,
                         hidden ? " hidden=\"1\"" : "");
  }
  // The rows above `row` stay in view when the sheet scrolls.
  void freeze(std::size_t row) { frozen_ = row; }
  void merge(std::size_t row, std::size_t first_col, std::size_t last_col) {
    merges_.push_back(fmt::format("{}:{}", cell_ref(row, first_col), cell_ref(row, last_col)));
  }
  void comment(std::size_t row, std::size_t col, std::string text) { comments_.push_back({row, col, std::move(text)}); }

  void text(std::size_t row, std::size_t col, std::string_view s, const Style& style = {}) {
    open(row, col, style);
    if (s.empty()) {
      data_ += "/>";
      return;
    }
    data_ += " t=\"inlineStr\"><is><t xml:space=\"preserve\">";
    xml_escape_into(data_, s);
    data_ += "</t></is></c>";
  }
  // `number` is the figure in decimal, "-33.3".
  void number(std::size_t row, std::size_t col, std::string_view number, const Style& style = {}) {
    open(row, col, style);
    data_ += "><v>";
    data_ += number;
    data_ += "</v></c>";
  }
  void blank(std::size_t row, std::size_t col, const Style& style) {
    open(row, col, style);
    data_ += "/>";
  }

  [[nodiscard]] const std::vector<Comment>& comments() const noexcept { return comments_; }
  [[nodiscard]] bool hidden() const noexcept { return hidden_; }

  [[nodiscard]] std::string xml(bool selected) const {
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

 private:
  void open(std::size_t row, std::size_t col, const Style& style) {
    if (!row_open_ || row != row_) {
      if (row_open_) data_ += "</row>";
      data_ += fmt::format("<row r=\"{}\">", row + 1);
      row_ = row;
      row_open_ = true;
    }
    data_ += fmt::format("<c r=\"{}\"", cell_ref(row, col));
    if (const std::size_t s = styles_->index(style); s != 0) data_ += fmt::format(" s=\"{}\"", s);
  }

  std::string name_;
  Styles* styles_;
  bool hidden_ = false;
  std::string cols_;
  std::size_t frozen_ = 0;
  std::vector<std::string> merges_;
  std::vector<Comment> comments_;
  std::string data_;
  std::size_t row_ = 0;
  bool row_open_ = false;
};

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

// ---- Figures -------------------------------------------------------------------------------

// A number format that writes a figure as it was written: leading zeros kept ("02": "00"),
// thousands grouped or not ("85.000.000": "#,##0"; "85000000": "0"), a percent's decimals.
std::string number_format(std::string_view text, const Cell& cell, Kind kind) {
  if (kind == Kind::percent) return cell.scale == 0 ? "0" : fmt::format("0.{}", std::string(cell.scale, '0'));
  const bool grouped = text.find('.') != std::string_view::npos;
  const std::size_t digits = text.size() - (text.starts_with('-') ? 1 : 0);
  if (!grouped && digits > 1 && text[text.size() - digits] == '0') return std::string(digits, '0');
  return grouped || (kind == Kind::money && digits > 3) ? "#,##0" : "0";
}

// A double holds every integer up to 2^53 exactly; a larger figure stays text, to stay exact.
bool stored_as_number(const Cell& cell, Kind kind) {
  constexpr std::int64_t exact = std::int64_t{1} << 53;
  return cell.state == CellState::reported &&
         (kind == Kind::count || kind == Kind::money || kind == Kind::percent) && cell.number < exact &&
         cell.number > -exact;
}

// The figure in decimal with a point, exactly: 333 at scale 1 is "33.3".
std::string decimal_of(const Cell& cell) {
  const bool negative = cell.number < 0;
  std::string digits = std::to_string(negative ? -cell.number : cell.number);
  if (cell.scale > 0) {
    const auto scale = static_cast<std::size_t>(cell.scale);
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    digits.insert(digits.size() - scale, 1, '.');
  }
  return negative ? "-" + digits : digits;
}

// A figure's cell: a number shown as written, text otherwise, empty when blank.
void figure(Sheet& ws, std::size_t row, std::size_t col, std::string_view text, const Cell& cell, Kind kind,
            const std::optional<Severity>& severity) {
  const bool number = stored_as_number(cell, kind);
  const Style style{.fill = fill_of(severity), .border = true, .align = Align::right_top,
                    .format = number ? number_format(text, cell, kind) : "@"};
  if (number) ws.number(row, col, decimal_of(cell), style);
  else if (!text.empty()) ws.text(row, col, text, style);
  else ws.blank(row, col, style);  // blank is not zero
}

// Sheet names: at most 31 characters (not bytes: cut between UTF-8 sequences), none of []:*?/\.
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

const Style header{.font = Font::bold, .fill = Fill::header, .border = true, .wrap = true,
                   .align = Align::center_middle};

void form_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc, const TableForm& form) {
  const std::string label = detail::document::form_label(doc.lang, form);
  Sheet& ws = sheets.emplace_back(sheet_name(label), styles);
  const auto& columns = doc.columns_of(form);
  const std::size_t last_col = columns.size() - 1;
  std::size_t row = 0;
  ws.text(row, 0, fmt::format("{} — {}", label, form.title), {.font = Font::title});
  ws.merge(row, 0, last_col);
  ++row;
  if (!form.subtitle.empty()) ws.text(row++, 0, form.subtitle, {.font = Font::italic});
  // The row addresses, in a hidden column after the table: what a program reading the workbook
  // back (cchc's own reader among them) matches rows by, whatever the labels say.
  const std::size_t address_col = last_col + 1;
  for (std::size_t c = 0; c <= last_col; ++c) ws.text(row, c, columns[c], header);
  ws.text(row, address_col, doc.lang == Language::en ? "address" : "địa chỉ");
  ws.freeze(++row);
  const std::size_t extras = doc.extra_columns(form);
  ws.width(0, 8);
  ws.width(1, extras ? 48 : 62);
  ws.width(2, extras ? 12 : 18);
  for (std::size_t c = 3; c <= 3 + extras; ++c) ws.width(c, 12);
  if (doc.notes) ws.width(4 + extras, 24);
  ws.width(address_col, 12, true);

  for (const TableRow& r : form.rows) {
    const bool heading = r.kind == Kind::heading;
    const Font font = heading ? Font::bold : Font::normal;
    std::string text = r.label;
    if (!r.description.empty()) text += "\n" + r.description;
    ws.text(row, 0, r.code, {.font = font, .border = true, .align = Align::center_top});
    ws.text(row, 1, text, {.font = font, .border = true, .wrap = true, .align = Align::left_top, .indent = r.level});
    const Style plain{.border = true, .wrap = true, .align = Align::left_top};
    ws.text(row, 2, r.unit, plain);
    figure(ws, row, 3, r.value, r.cell, r.kind, r.severity);
    for (std::size_t k = 0; k < extras && k < r.extra.size(); ++k)
      figure(ws, row, 4 + k, r.extra[k].text, r.extra[k].cell, r.extra[k].kind, std::nullopt);
    if (doc.notes) ws.text(row, 4 + extras, r.note, plain);
    ws.text(row, address_col, r.address);
    if (!r.findings.empty()) {
      std::string note;
      for (std::size_t f : r.findings)
        note += fmt::format("{}[{}] {}", note.empty() ? "" : "\n", f + 1, doc.findings[f].message(doc.lang));
      ws.comment(row, 3, std::move(note));
    }
    ++row;
  }
  for (const auto& f : form.footnotes) ws.text(++row, 0, f);
}

void heading_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc) {
  const bool en = doc.lang == Language::en;
  Sheet& ws = sheets.emplace_back(en ? "Report" : "Báo cáo", styles);
  const Style bold{.font = Font::bold};
  ws.width(0, 22);
  ws.width(1, 70);
  const std::pair<std::string_view, const std::string*> lines[] = {
      {en ? "Agency" : "Cơ quan", &doc.agency},
      {en ? "Number" : "Số, ký hiệu", &doc.number},
      {en ? "Place and date" : "Địa danh, ngày", &doc.place_date},
      {en ? "Title" : "Tên loại", &doc.title},
      {en ? "Subject" : "Trích yếu", &doc.subtitle},
      {en ? "Signer's title" : "Chức vụ người ký", &doc.signer_title},
      {en ? "Signer" : "Người ký", &doc.signer},
      {en ? "Catalogue" : "Danh mục", &doc.catalog},
  };
  ws.text(0, 0, detail::document::nation, bold);
  ws.text(1, 0, detail::document::motto, bold);
  std::size_t row = 3;
  for (const auto& [name, value] : lines) {
    ws.text(row, 0, name, bold);
    ws.text(row++, 1, *value);
  }
}

void findings_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc) {
  if (doc.findings.empty()) return;
  const auto& words = detail::document::words(doc.lang);
  const bool en = doc.lang == Language::en;
  Sheet& ws = sheets.emplace_back(sheet_name(std::string(words.findings)), styles);
  const std::string_view heads[] = {"#", en ? "severity" : "mức độ", en ? "rule" : "luật", en ? "rows" : "dòng",
                                    en ? "message" : "nội dung", en ? "expected" : "cần"};
  ws.width(2, 28);
  ws.width(3, 20);
  ws.width(4, 90);
  for (std::size_t c = 0; c < 6; ++c) ws.text(0, c, heads[c], header);
  ws.freeze(1);
  for (std::size_t i = 0; i < doc.findings.size(); ++i) {
    const Finding& f = doc.findings[i];
    std::string rows;
    for (const auto& r : f.rows) rows += (rows.empty() ? "" : ", ") + r.address;
    ws.number(i + 1, 0, std::to_string(i + 1));
    ws.text(i + 1, 1, words.severity(f.severity));
    ws.text(i + 1, 2, f.rule_id);
    ws.text(i + 1, 3, rows);
    ws.text(i + 1, 4, f.message(doc.lang));
    ws.text(i + 1, 5, f.expected);
  }
}

// The report's metadata exactly, field by field (report.hpp's names), in a hidden sheet "cchc":
// what reading the workbook back takes, whatever the visible sheets say.
void data_sheet(std::vector<Sheet>& sheets, Styles& styles, const TableDocument& doc) {
  Sheet& ws = sheets.emplace_back("cchc", styles);
  ws.hide();
  std::size_t row = 0;
  for (std::string_view field : metadata_fields()) {
    ws.text(row, 0, field);
    ws.text(row++, 1, metadata_field(doc.metadata, field).value());
  }
  ws.text(row, 0, "catalog.id");
  ws.text(row++, 1, doc.metadata.catalog_id);
  ws.text(row, 0, "catalog.version");
  ws.text(row, 1, doc.metadata.catalog_version);
}

// ---- The package ---------------------------------------------------------------------------

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

std::string core_xml(const TableDocument& doc) {
  std::string out(xml_declaration);
  out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>";
  xml_escape_into(out, doc.title + (doc.subtitle.empty() ? "" : " — " + doc.subtitle));
  out += "</dc:title><dc:creator>cchc</dc:creator><dc:language>";
  out += doc.lang == Language::en ? "en" : "vi-VN";
  out += "</dc:language></cp:coreProperties>";
  return out;
}

std::string app_xml(const TableDocument& doc) {
  std::string out(xml_declaration);
  out += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
         "<Application>cchc</Application><Company>";
  xml_escape_into(out, doc.agency);
  out += "</Company></Properties>";
  return out;
}

}  // namespace

result<std::string> render_xlsx(const TableDocument& doc) {
  Styles styles;
  std::vector<Sheet> sheets;
  sheets.reserve(doc.forms.size() + 3);
  heading_sheet(sheets, styles, doc);
  for (const TableForm& form : doc.forms) form_sheet(sheets, styles, doc, form);
  findings_sheet(sheets, styles, doc);
  data_sheet(sheets, styles, doc);

  // Every part's text first, then the package: the parts point into these strings.
  std::vector<std::string> names, texts;
  auto add = [&](std::string name, std::string text) {
    names.push_back(std::move(name));
    texts.push_back(std::move(text));
  };
  add("[Content_Types].xml", content_types(sheets));
  add("_rels/.rels", std::string(package_rels));
  add("docProps/core.xml", core_xml(doc));
  add("docProps/app.xml", app_xml(doc));
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

}  // namespace cchc
