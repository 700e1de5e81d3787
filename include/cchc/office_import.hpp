// SPDX-License-Identifier: MIT
// cchc/office_import.hpp: reading a report from a Word (.docx) or Excel (.xlsx) file.
//
// Annexes travel as Word and Excel files. These readers take the tables themselves: a table
// with a "TT" (or "STT") column and a "Số liệu" column is a form's table, its form named by the
// heading before it ("Biểu mẫu 2", "BIỂU MẪU SỐ 02") or its sheet's name; each row is matched by
// its code in the form's order (a trailing dot or none), a label never overriding a code. Figures
// are taken as the document shows them: an Excel number through its display format ("00" keeps
// "02", "#,##0" groups thousands, "0.0" one decimal), a Word cell's text. What cchc writes
// (render.hpp) carries each row's address and the metadata exactly, and reads back to the same
// report. Word paragraphs outside the tables are the narrative.
//
//   auto imported = cchc::import_office(cchc::read_file("annex.xlsx").value()).value();
//   std::cout << cchc::coverage_to_text(imported.coverage, cchc::Language::en);
#pragma once

#include <memory>
#include <string_view>

#include "cchc/catalog.hpp"
#include "cchc/error.hpp"
#include "cchc/limits.hpp"
#include "cchc/text_import.hpp"

namespace cchc {

/// Reads the bytes of a .docx or .xlsx file, told apart by their parts. Errors for what is not
/// an Office file, a damaged one, or one beyond the limits (each part and the whole unpacked
/// are held to limits.max_bytes and four times it); anything else gives a result whose coverage
/// says what was read.
[[nodiscard]] result<ImportedText> import_office(std::string_view bytes,
                                                 std::shared_ptr<const Catalog> catalog =
                                                     builtin_catalog(),
                                                 TextLimits limits = {});

}  // namespace cchc
