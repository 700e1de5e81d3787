# SPDX-License-Identifier: MIT
"""The Word document `cchc render --format docx` writes, read by python-docx: the heading block,
a table per form whose header row repeats on each page, every value of the report in the cell
bookmarked with its row's address, blanks empty, findings numbered after the forms, A4.

    python3 check_docx.py CCHC_COMMAND WORK_DIR      (exit 77: python-docx is not installed)
"""
import json
import os
import re
import subprocess
import sys

try:
    import docx
    from docx.shared import Mm
except ImportError:
    print("skipped: python3-docx is not installed (bash cmake/install-deps.sh test)")
    sys.exit(77)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


cli, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
path = os.path.join(work, "seed.docx")
run(cli, "render", "--format", "docx", "--findings", "-o", path)
values = json.loads(run(cli, "show", "--format", "json"))["values"]
catalog = json.loads(run(cli, "catalog", "--format", "json"))
addresses = {f"B{f['number']}:{r['code']}" for f in catalog["forms"] for r in f["rows"]}

d = docx.Document(path)
section = d.sections[0]
assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
texts = [p.text for p in d.paragraphs]
assert "BÁO CÁO" in texts, texts[:5]
assert any(t.startswith("Kết quả thực hiện công tác cải cách hành chính Quý I năm 2024") for t in texts)
for n in range(1, 8):
    assert any(t.startswith(f"Biểu mẫu {n} — ") for t in texts), f"no heading for form {n}"
heading = d.tables[0]
assert heading.cell(0, 1).paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
assert "Số: 94/BC-SKHCN" in heading.cell(0, 0).text

forms = d.tables[1:]
assert len(forms) == 7, len(forms)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
cells = {}
for table in forms:
    first = table.rows[0]._tr
    assert first.find(f"{W}trPr/{W}tblHeader") is not None, "the header row does not repeat"
    for row in table.rows[1:]:
        value = row.cells[3]
        names = value._tc.xpath(".//w:bookmarkStart/@w:name")
        assert len(names) == 1, names
        name = names[0]
        address = name.replace("_", ":", 1).replace("_", ".")
        cells[address] = re.sub(r"\s*(\[\d+\]\s*)+$", "", value.text)
assert set(cells) == addresses, set(cells) ^ addresses
for address in addresses:
    written = values.get(address)
    assert cells[address] == (written or ""), f"{address}: {cells[address]!r}, the report says {written!r}"

numbered = [t for t in texts if re.match(r"\d+\. (lỗi|cảnh báo|thông tin) ", t)]
assert len(numbered) == 11, numbered
assert any("sum.B4:3.1[3.2]" in t for t in numbered)
print(f"python-docx: 7 form tables, {len(cells)} rows by bookmark, {len(numbered)} findings, A4")
