// SPDX-License-Identifier: MIT
// The table model as an Excel workbook (libxlsxwriter): a sheet with the report's heading, one
// sheet per form, and one with the findings. Figures are stored as numbers with a display format
// that writes them as the report did ("02" as 2 shown "00", 33,3 as 33.3 shown "0.0"); codes and
// pairs are text, blanks are empty cells. Each form's rows carry their address in a hidden column,
// and a hidden sheet "cchc" holds the metadata exactly. Excel shows the separators of the reader's locale, so
// a Vietnamese Excel shows "33,3" and "85.000.000".
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "cchc/io.hpp"
#include "cchc/render.hpp"
#include "out/render/words.hpp"

namespace cchc {
namespace {

// A number format that writes `value` as it was written: leading zeros kept ("02": "00"),
// thousands grouped or not ("85.000.000": "#,##0"; "85000000": "0"), a percent's decimals.
std::string number_format(const TableRow& r) {
  if (r.kind == Kind::percent) return r.cell.scale == 0 ? "0" : fmt::format("0.{}", std::string(r.cell.scale, '0'));
  const std::string_view v = r.value;
  const bool grouped = v.find('.') != std::string_view::npos;
  const std::size_t digits = v.size() - (v.starts_with('-') ? 1 : 0);
  if (!grouped && digits > 1 && v[v.size() - digits] == '0') return std::string(digits, '0');
  return grouped || (r.kind == Kind::money && digits > 3) ? "#,##0" : "0";
}

// A double holds every integer up to 2^53 exactly; a larger figure stays text, to stay exact.
bool stored_as_number(const TableRow& r) {
  constexpr std::int64_t exact = std::int64_t{1} << 53;
  return r.cell.state == CellState::reported &&
         (r.kind == Kind::count || r.kind == Kind::money || r.kind == Kind::percent) &&
         r.cell.number < exact && r.cell.number > -exact;
}

double number_of(const TableRow& r) {
  double x = static_cast<double>(r.cell.number);
  for (int i = 0; i < r.cell.scale; ++i) x /= 10;
  return x;
}

// Sheet names: at most 31 characters, none of []:*?/\.
std::string sheet_name(std::string name) {
  for (char& c : name)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
  return name;
}

struct Workbook {
  std::string path;
  lxw_workbook* wb = nullptr;
  std::map<std::string, lxw_format*> formats;

  lxw_format* format(const std::string& key, const std::function<void(lxw_format*)>& make) {
    auto it = formats.find(key);
    if (it != formats.end()) return it->second;
    lxw_format* f = workbook_add_format(wb);
    make(f);
    return formats[key] = f;
  }
};

lxw_color_t fill_of(Severity s) {
  return s == Severity::error ? 0xFBE4E2 : s == Severity::warning ? 0xFFF3D6 : 0xE3EEF9;
}

lxw_format* header_format(Workbook& w) {
  return w.format("header", [](lxw_format* f) {
    format_set_bold(f);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_bg_color(f, 0xEEEEEE);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
  });
}

void form_sheet(Workbook& w, const TableDocument& doc, const TableForm& form) {
  const auto& words = detail::document::words(doc.lang);
  lxw_worksheet* ws = workbook_add_worksheet(
      w.wb, sheet_name(fmt::format("{} {}", words.form, form.number)).c_str());
  const auto last_col = static_cast<lxw_col_t>(doc.columns.size() - 1);
  lxw_format* title = w.format("title", [](lxw_format* f) {
    format_set_bold(f);
    format_set_font_size(f, 13);
  });
  lxw_format* header = header_format(w);
  lxw_row_t row = 0;
  worksheet_merge_range(ws, row, 0, row, last_col,
                        fmt::format("{} {} — {}", words.form, form.number, form.title).c_str(), title);
  ++row;
  if (!form.subtitle.empty()) {
    lxw_format* italic = w.format("italic", [](lxw_format* f) { format_set_italic(f); });
    worksheet_write_string(ws, row++, 0, form.subtitle.c_str(), italic);
  }
  for (lxw_col_t c = 0; c <= last_col; ++c)
    worksheet_write_string(ws, row, c, doc.columns[c].c_str(), header);
  worksheet_freeze_panes(ws, row + 1, 0);
  ++row;
  worksheet_set_column(ws, 0, 0, 8, nullptr);
  worksheet_set_column(ws, 1, 1, 62, nullptr);
  worksheet_set_column(ws, 2, 2, 18, nullptr);
  worksheet_set_column(ws, 3, 3, 12, nullptr);
  if (doc.notes) worksheet_set_column(ws, 4, 4, 24, nullptr);
  // The row addresses, in a hidden column after the table: what a program reading the workbook
  // back (cchc's own reader among them) matches rows by, whatever the labels say.
  const auto address_col = static_cast<lxw_col_t>(last_col + 1);
  lxw_row_col_options hidden{};
  hidden.hidden = LXW_TRUE;
  worksheet_set_column_opt(ws, address_col, address_col, 12, nullptr, &hidden);
  worksheet_write_string(ws, row - 1, address_col, doc.lang == Language::en ? "address" : "địa chỉ", nullptr);

  for (const TableRow& r : form.rows) {
    const bool heading = r.kind == Kind::heading;
    const std::string text_key = fmt::format("text:{}:{}", heading, r.level);
    lxw_format* code = w.format(fmt::format("code:{}", heading), [&](lxw_format* f) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      if (heading) format_set_bold(f);
    });
    lxw_format* label = w.format(text_key, [&](lxw_format* f) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      format_set_indent(f, static_cast<uint8_t>(r.level));
      if (heading) format_set_bold(f);
    });
    lxw_format* plain = w.format("plain", [](lxw_format* f) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    });
    const std::string num = stored_as_number(r) ? number_format(r) : "@";
    const std::string value_key =
        fmt::format("value:{}:{}", num, r.severity ? static_cast<int>(*r.severity) : -1);
    lxw_format* value = w.format(value_key, [&](lxw_format* f) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_align(f, LXW_ALIGN_RIGHT);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      format_set_num_format(f, num.c_str());
      if (r.severity) format_set_bg_color(f, fill_of(*r.severity));
    });
    std::string label_text = r.label;
    if (!r.description.empty()) label_text += "\n" + r.description;
    worksheet_write_string(ws, row, 0, r.code.c_str(), code);
    worksheet_write_string(ws, row, 1, label_text.c_str(), label);
    worksheet_write_string(ws, row, 2, r.unit.c_str(), plain);
    if (stored_as_number(r)) worksheet_write_number(ws, row, 3, number_of(r), value);
    else if (!r.value.empty()) worksheet_write_string(ws, row, 3, r.value.c_str(), value);
    else worksheet_write_blank(ws, row, 3, value);  // blank is not zero
    if (doc.notes) worksheet_write_string(ws, row, 4, r.note.c_str(), plain);
    worksheet_write_string(ws, row, address_col, r.address.c_str(), nullptr);
    if (!r.findings.empty()) {
      std::string note;
      for (std::size_t f : r.findings)
        note += fmt::format("{}[{}] {}", note.empty() ? "" : "\n", f + 1, doc.findings[f].message(doc.lang));
      worksheet_write_comment(ws, row, 3, note.c_str());
    }
    ++row;
  }
  for (const auto& f : form.footnotes) worksheet_write_string(ws, ++row, 0, f.c_str(), nullptr);
}

void heading_sheet(Workbook& w, const TableDocument& doc) {
  const bool en = doc.lang == Language::en;
  lxw_worksheet* ws = workbook_add_worksheet(w.wb, en ? "Report" : "Báo cáo");
  lxw_format* bold = w.format("bold", [](lxw_format* f) { format_set_bold(f); });
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 1, 70, nullptr);
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
  worksheet_write_string(ws, 0, 0, std::string(detail::document::nation).c_str(), bold);
  worksheet_write_string(ws, 1, 0, std::string(detail::document::motto).c_str(), bold);
  lxw_row_t row = 3;
  for (const auto& [name, value] : lines) {
    worksheet_write_string(ws, row, 0, std::string(name).c_str(), bold);
    worksheet_write_string(ws, row++, 1, value->c_str(), nullptr);
  }
}

void findings_sheet(Workbook& w, const TableDocument& doc) {
  if (doc.findings.empty()) return;
  const auto& words = detail::document::words(doc.lang);
  const bool en = doc.lang == Language::en;
  lxw_worksheet* ws = workbook_add_worksheet(w.wb, sheet_name(std::string(words.findings).substr(0, 31)).c_str());
  lxw_format* header = header_format(w);
  const char* heads[] = {"#", en ? "severity" : "mức độ", en ? "rule" : "luật", en ? "rows" : "dòng",
                         en ? "message" : "nội dung", en ? "expected" : "cần"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, heads[c], header);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_set_column(ws, 2, 2, 28, nullptr);
  worksheet_set_column(ws, 3, 3, 20, nullptr);
  worksheet_set_column(ws, 4, 4, 90, nullptr);
  for (std::size_t i = 0; i < doc.findings.size(); ++i) {
    const Finding& f = doc.findings[i];
    const auto row = static_cast<lxw_row_t>(i + 1);
    std::string rows;
    for (const auto& r : f.rows) rows += (rows.empty() ? "" : ", ") + r.address;
    worksheet_write_number(ws, row, 0, static_cast<double>(i + 1), nullptr);
    worksheet_write_string(ws, row, 1, std::string(words.severity(f.severity)).c_str(), nullptr);
    worksheet_write_string(ws, row, 2, f.rule_id.c_str(), nullptr);
    worksheet_write_string(ws, row, 3, rows.c_str(), nullptr);
    worksheet_write_string(ws, row, 4, f.message(doc.lang).c_str(), nullptr);
    worksheet_write_string(ws, row, 5, f.expected.c_str(), nullptr);
  }
}

// The report's metadata exactly, field by field (report.hpp's names), in a hidden sheet "cchc":
// what reading the workbook back takes, whatever the visible sheets say.
void data_sheet(Workbook& w, const TableDocument& doc) {
  lxw_worksheet* ws = workbook_add_worksheet(w.wb, "cchc");
  lxw_row_t row = 0;
  for (std::string_view field : metadata_fields()) {
    const std::string value = metadata_field(doc.metadata, field).value();
    worksheet_write_string(ws, row, 0, std::string(field).c_str(), nullptr);
    if (!value.empty()) worksheet_write_string(ws, row, 1, value.c_str(), nullptr);
    ++row;
  }
  worksheet_write_string(ws, row, 0, "catalog.id", nullptr);
  worksheet_write_string(ws, row++, 1, doc.metadata.catalog_id.c_str(), nullptr);
  worksheet_write_string(ws, row, 0, "catalog.version", nullptr);
  worksheet_write_string(ws, row, 1, doc.metadata.catalog_version.c_str(), nullptr);
  worksheet_hide(ws);
}

}  // namespace

result<std::string> render_xlsx(const TableDocument& doc) {
  // libxlsxwriter writes to a file: a private one in the temporary folder, read back and removed.
  // Memory-backed where the system has it (/dev/shm): the files are scratch, read back at once.
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::is_directory("/dev/shm", ec) &&
                                            ::access("/dev/shm", W_OK) == 0
                                        ? std::filesystem::path("/dev/shm")
                                        : std::filesystem::temp_directory_path();
  std::string path = (dir / "cchc-XXXXXX.xlsx").string();
  std::string tmpdir = dir.string();
  const int fd = ::mkstemps(path.data(), 5);
  if (fd < 0)
    return make_error(errc::io_error, "không tạo được tệp tạm", "cannot create a temporary file", path);
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  } remove{path};

  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  Workbook w{path, workbook_new_opt(path.c_str(), &options), {}};
  if (w.wb == nullptr)
    return make_error(errc::io_error, "không tạo được bảng tính", "cannot create the workbook", path);
  std::string title = doc.title + (doc.subtitle.empty() ? "" : " — " + doc.subtitle);
  std::string company = doc.agency;
  std::string generator = "cchc";
  lxw_doc_properties props{};
  props.title = title.data();
  props.company = company.data();
  props.author = generator.data();
  workbook_set_properties(w.wb, &props);
  heading_sheet(w, doc);
  for (const TableForm& form : doc.forms) form_sheet(w, doc, form);
  findings_sheet(w, doc);
  data_sheet(w, doc);
  if (const lxw_error e = workbook_close(w.wb); e != LXW_NO_ERROR)
    return make_error(errc::io_error, fmt::format("không ghi được bảng tính: {}", lxw_strerror(e)),
                      fmt::format("cannot write the workbook: {}", lxw_strerror(e)), path);
  return read_file(path);
}

}  // namespace cchc
