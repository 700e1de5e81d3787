# SPDX-License-Identifier: MIT
"""The workbook `cchc render --format xlsx` writes, read by openpyxl as Excel users' tools read it:
a sheet per form; every figure of the report in its row, numbers stored as numbers whose display
format writes them as the report did, codes and pairs as text, blanks empty; the findings on
their cells as comments and on a sheet of their own.

    python3 check_xlsx.py CCHC_COMMAND WORK_DIR      (exit 77: openpyxl is not installed)
"""
import json
import os
import subprocess
import sys

try:
    import openpyxl
except ImportError:
    print("skipped: python3-openpyxl is not installed (bash cmake/install-deps.sh test)")
    sys.exit(77)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def as_written(value, number_format):
    """The text a cell shows under its number format, written the Vietnamese way."""
    if isinstance(value, str):
        return value
    decimals = len(number_format.split(".")[1]) if "." in number_format else 0
    whole, _, frac = f"{value:.{decimals}f}".partition(".")
    if number_format == "#,##0":
        whole = f"{int(whole):,}".replace(",", ".")
    elif set(number_format) == {"0"}:
        whole = whole.zfill(len(number_format))
    return whole + ("," + frac if frac else "")


cli, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
path = os.path.join(work, "seed.xlsx")
run(cli, "render", "--format", "xlsx", "--findings", "-o", path)
values = json.loads(run(cli, "show", "--format", "json"))["values"]
catalog = json.loads(run(cli, "catalog", "--format", "json"))
kinds = {f"B{f['number']}:{r['code']}": r["kind"] for f in catalog["forms"] for r in f["rows"]}

wb = openpyxl.load_workbook(path)
forms = [name for name in wb.sheetnames if name.startswith("Biểu mẫu")]
assert forms == [f"Biểu mẫu {n}" for n in range(1, 8)], wb.sheetnames
cells = {}
for name in forms:
    ws = wb[name]
    assert ws.freeze_panes is not None, f"{name}: the header row is not frozen"
    address_col = ws.max_column
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(address_col)].hidden
    for row in ws.iter_rows(min_col=1, max_col=address_col):
        address = row[-1].value
        if address and address.startswith("B"):
            cells[address] = row[3]
assert len(cells) == len(kinds), f"{len(cells)} rows in the sheets, {len(kinds)} in the catalogue"

numbers = 0
for address, written in values.items():
    cell = cells[address]
    if written is None or written == "":  # blank, in JSON null
        assert cell.value is None, f"{address}: a blank holds {cell.value!r}"
        continue
    if kinds[address] in ("count", "money", "percent"):
        assert cell.data_type == "n", f"{address}: {written} is stored as {cell.data_type}"
        numbers += 1
    else:
        assert cell.data_type == "s", f"{address}: a {kinds[address]} should be text"
    shown = as_written(cell.value, cell.number_format)
    assert shown == written, f"{address}: shows {shown!r}, the report says {written!r}"
blank = [a for a, c in cells.items() if kinds[a] != "heading" and a not in values]
assert all(cells[a].value is None for a in blank), "a blank row holds a value"

commented = [a for a, c in cells.items() if c.comment]
assert "B4:3.2" in commented, commented
assert wb["Phát hiện khi kiểm tra"].max_row - 1 == 11
print(f"openpyxl: 7 forms, {len(values)} values as written ({numbers} stored as numbers), "
      f"{len(commented)} cells with findings")

# A batch summary (`cchc check REPORTS --format xlsx`): its counts are numbers too.
examples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "data")
summary = os.path.join(work, "summary.xlsx")
done = subprocess.run([cli, "check", os.path.join(examples, "seed-report.json"),
                       os.path.join(examples, "seed-report.txt"), "--format", "xlsx", "-o", summary],
                      capture_output=True, text=True)
assert done.returncode in (0, 1), done.stderr
wb = openpyxl.load_workbook(summary)
assert {"Bảng 1", "Bảng 2"} <= set(wb.sheetnames), wb.sheetnames
ws = wb["Bảng 1"]
assert ws.freeze_panes == "A3", ws.freeze_panes
heads = [c.value for c in ws[2]][:8]
assert heads[3:] == ["Đã xét", "Đạt", "Không đạt", "Bỏ qua", "Tỷ lệ không đạt (%)"], heads
rules = 0
for row in ws.iter_rows(min_row=3):
    evaluated, passed, failed, skipped, share = (c.value for c in row[3:8])
    assert all(isinstance(v, int) for v in (evaluated, passed, failed, skipped)), row[1].value
    assert evaluated == passed + failed and evaluated + skipped == 2, row[1].value
    assert (share is None) == (evaluated == 0), row[1].value
    if share is not None:
        assert abs(share - 100 * failed / evaluated) < 0.05 and row[7].number_format == "0.0", share
    rules += 1
totals = {r[1].value: r[3].value for r in wb["Bảng 2"].iter_rows(min_row=3)}
assert totals["Báo cáo đã kiểm tra"] == 2, totals
print(f"openpyxl: a summary of {rules} rules over 2 reports, counts stored as numbers")
