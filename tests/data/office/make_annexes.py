#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Makes the Word and Excel annexes the office-import tests read: laid out as an agency would
lay them out by hand, not as cchc writes them (no addresses, no metadata kept): a title with
"BIỂU MẪU SỐ 01", STT/ĐVT headers, codes with trailing dots, numbers in General format and in
"00" and "0.0", pairs as text, a figure in the notes column beside a blank value, a footnote row.

Run by hand with Debian's python3-openpyxl and python3-docx; the files are committed, so that
the tests need neither:  /usr/bin/python3 tests/data/office/make_annexes.py tests/data/office
"""
import sys
from pathlib import Path

import docx
import openpyxl
from docx.shared import Pt

out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")

# Excel: two forms, one per sheet, the second with its rows out of the template's order.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "BM1"
ws["A1"] = "BIỂU MẪU SỐ 01: CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"
ws.append([])
ws.append(["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"])
ws.append(["1.", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", 12, None])
ws.append(["2.", "Tỷ lệ hoàn thành kế hoạch CCHC năm", "%", 60, None])
ws.append(["2.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", 35, None])
ws.append(["2.2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", 21, "Đạt 60% kế hoạch"])
ws.append(["4.", "Thực hiện nhiệm vụ UBND tỉnh giao", None, None, None])
ws.append(["4.1", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", 196, None])
ws.append(["4.2", "Số nhiệm vụ đã hoàn thành đúng hạn", "Nhiệm vụ", 149, None])
ws.append(["6", "Khảo sát sự hài lòng", "Có = 1; Không = 0", 1, None])
ws.append(["6.2", "Hình thức khảo sát", "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", None, "Kết hợp = 2"])
ws.append(["¹ Ghi chú: số liệu tính đến ngày 14/3/2024"])
ws2 = wb.create_sheet("Biểu mẫu 4")
ws2.append(["Biểu mẫu số 04 - Cải cách tổ chức bộ máy"])
ws2.append(["TT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"])
ws2.append(["1.3", "Số ĐVSNCL thuộc sở, ngành và tương đương", "Cơ quan, đơn vị", 2])
ws2["D3"].number_format = "00"
ws2.append(["1.4", "Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015", "%", 33.3])
ws2["D4"].number_format = "0.0"
ws2.append(["2.5", "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015", "%", 11.11])
ws2.append(["3.1", "Tổng số người làm việc được giao", "Người", "25"])
wb.save(out / "annex-openpyxl.xlsx")

# Word: a narrative, then a form under "BIỂU MẪU SỐ 07", a pair, a blank with a figure in its note.
d = docx.Document()
d.styles["Normal"].font.name = "Times New Roman"
d.styles["Normal"].font.size = Pt(13)
d.add_paragraph("BÁO CÁO")
d.add_paragraph("Kết quả thực hiện công tác cải cách hành chính Quý I năm 2024")
d.add_paragraph("Sở Tư pháp báo cáo kết quả thực hiện công tác cải cách hành chính Quý I năm 2024 như sau:")
d.add_paragraph("PHỤ LỤC")
d.add_paragraph("BIỂU MẪU SỐ 07: CẢI CÁCH HÀNH CHÍNH (CHÍNH PHỦ ĐIỆN TỬ)")
t = d.add_table(rows=1, cols=5)
for cell, text in zip(t.rows[0].cells, ["TT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"]):
    cell.text = text
for row in [["1.", "Tỷ lệ văn bản trao đổi dưới dạng điện tử", "%", "100", ""],
            ["2", "Số TTHC cung cấp dịch vụ công trực tuyến", "TTHC", "", "Gồm 02 thủ tục toàn trình"],
            ["5.1", "Số cuộc đối thoại", "Cuộc/người tham gia", "04/04", ""],
            ["5.2", "Tỷ lệ xin lỗi", "%", "7 / 7", ""]]:
    cells = t.add_row().cells
    for cell, text in zip(cells, row):
        cell.text = text
d.save(out / "annex-python-docx.docx")
print("wrote", out / "annex-openpyxl.xlsx", out / "annex-python-docx.docx")
