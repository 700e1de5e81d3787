#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Makes the documents the reading tests score (`ReadDocuments.*`), as an agency's office would
make them, not as cchc writes them: the seed report's whole annex (113 rows) typed into a Word
table by python-docx ("BIỂU MẪU SỐ 01" headings, STT/ĐVT headers, a dot after top-level codes,
footnote marks as real superscripts, a "Ghi chú" column whose remarks hold figures, one of them
beside a blank value, narrow columns so that labels and code lists wrap), then typeset to PDF by
LibreOffice; and the same annex as an HTML page typeset to PDF by LibreOffice's web export, with
other column widths; and an Excel workbook filled in by openpyxl, a sheet per form. The truth is
examples/data/seed-report.json.

A scan of the Word annex's PDF: pages rendered at 300 dpi by pdftoppm, turned, blurred and
specked with Pillow, bound by img2pdf (`scan()`).

Run by hand with Debian's python3-docx, python3-openpyxl, python3-pil, img2pdf, poppler-utils and
libreoffice-writer-nogui; the files are committed, so that the tests need none of them:  /usr/bin/python3 tests/data/documents/make_documents.py
"""
import html
import io
import json
import pathlib
import random
import shutil
import subprocess
import tempfile

import docx
import img2pdf
import openpyxl
from PIL import Image, ImageFilter
from docx.enum.section import WD_ORIENT  # noqa: F401  (portrait A4, as agencies send)
from docx.shared import Cm, Pt

here = pathlib.Path(__file__).resolve().parent
root = here.parents[2]
catalog = json.loads((root / "templates/vn.sonla.snv-3981-2022.so-nganh/catalog.json").read_text())
values = json.loads((root / "examples/data/seed-report.json").read_text())["values"]

# Remarks an officer writes: figures in them are not the row's value.
notes = {
    "B1:1": "Gồm 02 văn bản của UBND tỉnh",   # beside a blank value
    "B1:2.2": "Đạt 60% kế hoạch",
    "B4:3.2": "Có 08 người hợp đồng",
}


def printed_code(row):
    code = row.get("printed_code", row["code"])
    return code + "." if "." not in code and code.isdigit() else code


def label_parts(row):
    """The label as runs: (text, superscript)."""
    label = row["label"]
    parts = []
    for f in row.get("footnotes", []):
        at = label.find(f["anchor"])
        if at >= 0:
            end = at + len(f["anchor"])
            parts += [(label[:end], False), (f["mark"], True)]
            label = label[end:]
    parts.append((label, False))
    return parts


def rows_of(form):
    for row in form["rows"]:
        yield f"B{form['number']}:{row['code']}", row


def word_annex(path):
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    d.add_paragraph("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    d.add_paragraph("PHỤ LỤC")
    d.add_paragraph("SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024")
    widths = [Cm(1.4), Cm(7.6), Cm(2.6), Cm(1.6), Cm(2.8)]
    for form in catalog["forms"]:
        d.add_paragraph(f"BIỂU MẪU SỐ {form['number']:02d}: {form['title'].upper()}")
        if form.get("subtitle"):
            d.add_paragraph(form["subtitle"])
        t = d.add_table(rows=1, cols=5)
        t.style = "Table Grid"
        t.autofit = False
        for cell, text, w in zip(t.rows[0].cells, ["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"], widths):
            cell.text, cell.width = text, w
        for address, row in rows_of(form):
            cells = t.add_row().cells
            for cell, w in zip(cells, widths):
                cell.width = w
            cells[0].text = printed_code(row)
            p = cells[1].paragraphs[0]
            for text, sup in label_parts(row):
                run = p.add_run(text)
                run.font.superscript = sup
            if row.get("description"):
                cells[1].add_paragraph(row["description"])
            cells[2].text = row.get("unit", "")
            cells[3].text = values.get(address) or ""
            cells[4].text = notes.get(address, "")
        for form_row in rows_of(form):
            for f in form_row[1].get("footnotes", []):
                d.add_paragraph(f"{f['mark']} {f['text']}")
    d.add_paragraph("GIÁM ĐỐC")
    d.save(path)


def html_annex(path):
    out = ['<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>'
           'body{font-family:"DejaVu Serif";font-size:11pt} table{border-collapse:collapse;width:100%}'
           'td,th{border:1px solid #000;padding:2px;vertical-align:middle}'
           '</style></head><body><p><b>Phụ lục</b></p>']
    for form in catalog["forms"]:
        out.append(f"<p><b>Biểu mẫu số {form['number']:02d} - {html.escape(form['title'])}</b></p>")
        out.append('<table><tr><th style="width:8%">TT</th><th style="width:50%">Chỉ tiêu thống kê</th>'
                   '<th style="width:16%">Đơn vị tính</th><th style="width:10%">Số liệu</th>'
                   '<th style="width:16%">Ghi chú</th></tr>')
        for address, row in rows_of(form):
            label = "".join(f"<sup>{html.escape(t)}</sup>" if sup else html.escape(t) for t, sup in label_parts(row))
            if row.get("description"):
                label += "<br><i>" + html.escape(row["description"]) + "</i>"
            out.append(f"<tr><td>{html.escape(row.get('printed_code', row['code']))}</td><td>{label}</td>"
                       f"<td>{html.escape(row.get('unit', ''))}</td>"
                       f"<td style=\"text-align:center\">{html.escape(values.get(address) or '')}</td>"
                       f"<td>{html.escape(notes.get(address, ''))}</td></tr>")
        out.append("</table>")
    out.append("</body></html>")
    path.write_text("\n".join(out), encoding="utf-8")


def excel_annex(path):
    """A workbook as an agency's office fills one in: a sheet per form named "BM01".., the
    heading in the first row, STT/Nội dung/ĐVT/Số liệu/Ghi chú, counts as numbers (some in "00"),
    percentages as numbers with their decimals, pairs and codes as text, remarks with figures."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for form in catalog["forms"]:
        ws = wb.create_sheet(f"BM{form['number']:02d}")
        ws.append([f"BIỂU MẪU SỐ {form['number']:02d}: {form['title'].upper()}"])
        ws.append(["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"])
        kinds = {r["code"]: r["kind"] for r in form["rows"]}
        for address, row in rows_of(form):
            text = values.get(address) or ""
            value = text
            number_format = None
            if text and kinds[row["code"]] in ("count", "money") and text.isdigit():
                value = int(text)
                if len(text) > 1 and text.startswith("0"):
                    number_format = "0" * len(text)
            elif text and kinds[row["code"]] == "percent" and text.replace(",", "").isdigit():
                value = float(text.replace(",", "."))
                decimals = len(text.split(",")[1]) if "," in text else 0
                number_format = "0." + "0" * decimals if decimals else "0"
            label = "".join(t for t, _ in label_parts(row))
            ws.append([printed_code(row), label, row.get("unit", ""), value, notes.get(address, "")])
            if number_format:
                ws.cell(row=ws.max_row, column=4).number_format = number_format
    wb.save(path)


def scan(pdf, target):
    """The Word annex printed and scanned at 300 dpi in grey: each page turned a little (under
    half a degree, as a sheet lies in a feeder), softened by the scanner's optics, with specks of
    dust and toner on a paper that is not white, saved as JPEG, bound into a PDF by img2pdf:
    a PDF with no text layer."""
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), f"{tmp}/p"], check=True)
        pages = []
        for png in sorted(pathlib.Path(tmp).glob("p-*.png")):
            im = Image.open(png).convert("L")
            im = im.rotate(rng.uniform(-0.4, 0.4), resample=Image.BICUBIC, fillcolor=255)
            im = im.filter(ImageFilter.GaussianBlur(0.5))
            px = im.load()
            w, h = im.size
            for _ in range(w * h // 100000):
                px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 60, 120, 200))
            im = im.point(lambda v: int(v * 0.88 + 12))
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=60, dpi=(300, 300))
            pages.append(buf.getvalue())
        target.write_bytes(img2pdf.convert(pages))


def scan_top(pdf, target, height=2100):
    """The top of a PDF's first page scanned as scan() scans a page, saved as a JPEG: for the
    HTML annex, a table without rules, whose figures stand alone in wide cells."""
    with tempfile.TemporaryDirectory() as tmp:
        one = pathlib.Path(tmp) / "one.pdf"
        subprocess.run(["pdfseparate", "-f", "1", "-l", "1", str(pdf), str(one)], check=True)
        scanned = pathlib.Path(tmp) / "scanned.pdf"
        scan(one, scanned)
        subprocess.run(["pdfimages", "-j", str(scanned), f"{tmp}/img"], check=True)
        im = Image.open(next(pathlib.Path(tmp).glob("img-*.jpg")))
        im.crop((0, 0, im.size[0], height)).save(target, "JPEG", quality=60, dpi=(300, 300))


def to_pdf(source, target, export):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", f"pdf:{export}", "--outdir", tmp, str(source)],
                       check=True, capture_output=True)
        shutil.move(pathlib.Path(tmp) / (source.stem + ".pdf"), target)


word_annex(here / "annex-word.docx")
excel_annex(here / "annex-excel.xlsx")
to_pdf(here / "annex-word.docx", here / "annex-word.pdf", "writer_pdf_Export")
with tempfile.TemporaryDirectory() as tmp:
    page = pathlib.Path(tmp) / "annex-html.html"
    html_annex(page)
    to_pdf(page, here / "annex-html.pdf", "writer_web_pdf_Export")
scan(here / "annex-word.pdf", here / "annex-scan.pdf")
scan_top(here / "annex-html.pdf", here / "annex-html-scan-top.jpg")
print("wrote", *sorted(p.name for p in here.iterdir() if p.suffix in (".docx", ".pdf", ".xlsx")))
