#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the two built-in templates that cchc derives from Sơn La's department template.

No public source gives the annex that departments use after 1 July 2025, nor a commune annex
(docs/templates.md, DOMAIN §5 and §7). So these two are *derived*, and say so in their
template.json; they are made by this script from the published template, so that every change
is written down here, once:

  vn.sonla.snv-3981-2022.so-nganh.v2025  the department template after Decree 42/2022/NĐ-CP
      (online services "một phần" / "toàn trình" instead of levels 3 and 4) and the two-level
      local government of 1 July 2025, with mapping.json from version 2022.1;
  vn.sonla.ubnd-xa                        the rows of that template a commune (UBND xã) reports.

Run from the repository root: python3 templates/derive.py. The output is committed.
"""
import copy
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "vn.sonla.snv-3981-2022.so-nganh"


def write_json(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def form(cat, number):
    return next(f for f in cat["forms"] if f["number"] == number)


def row(cat, number, code):
    return next(r for r in form(cat, number)["rows"] if r["code"] == code)


def drop_rows(cat, number, codes):
    f = form(cat, number)
    f["rows"] = [r for r in f["rows"] if r["code"] not in codes]
    sums = []
    for s in f.get("sums", []):
        parts = [p for p in s["parts"] if p not in codes]
        if s["total"] not in codes and parts:
            sums.append({**s, "parts": parts})
    if sums:
        f["sums"] = sums
    else:
        f.pop("sums", None)


def addresses(text):
    return set(re.findall(r"B\d+:[0-9a-z.]*[0-9a-z]", text))


def keep_rules(rules_text, cat):
    """The rule blocks of a rule file whose rows all exist in `cat`, with the header kept."""
    known = {f"B{f['number']}:{r['code']}" for f in cat["forms"] for r in f["rows"]}
    blocks = re.split(r"(?m)^(?=rule )", rules_text)
    kept = [blocks[0]]
    for b in blocks[1:]:
        if addresses(b) <= known:
            kept.append(b)
    return "".join(kept)


def department_2025(cat, rules):
    cat = copy.deepcopy(cat)
    cat["version"] = "2025.1"
    cat["title"] += " (phiên bản 2025, do cchc suy ra)"
    cat["title_en"] += " (2025 version, derived by cchc)"
    cat["effective"] = {"from": "2025-07-01"}
    # Decree 42/2022/NĐ-CP: levels 3 and 4 become partly and fully online services.
    for code, level, en in (("4.1", "một phần", "partly"), ("4.2", "toàn trình", "fully")):
        row(cat, 7, code)["label"] = f"Tỷ lệ TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến {level}"
        row(cat, 7, code)["label_en"] = f"Share of eligible procedures offered {en} online"
        row(cat, 7, code + ".1")["label"] = f"Tổng số TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến {level}"
        row(cat, 7, code + ".1")["label_en"] = f"Procedures eligible to be offered {en} online"
        row(cat, 7, code + ".2")["label"] = f"Số TTHC đang cung cấp dịch vụ công trực tuyến {level}"
        row(cat, 7, code + ".2")["label_en"] = f"Procedures offered {en} online"
    row(cat, 7, "4.3")["label"] = "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến đã tích hợp, công khai trên Cổng DVC của tỉnh"
    row(cat, 7, "4.3")["label_en"] = "Share of online procedures integrated and published on the provincial portal"
    row(cat, 7, "4.3.1")["label"] = "Tổng số TTHC đang cung cấp dịch vụ công trực tuyến (một phần và toàn trình)"
    row(cat, 7, "4.3.1")["label_en"] = "Procedures offered online (partly and fully)"
    row(cat, 7, "4.3.2")["label"] = "Số TTHC cung cấp dịch vụ công trực tuyến đã tích hợp, công khai"
    row(cat, 7, "4.3.2")["label_en"] = "Online procedures integrated and published"
    row(cat, 7, "4.4")["label"] = "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến (Chỉ thống kê đối với các TTHC trực tuyến có phát sinh hồ sơ)"
    row(cat, 7, "4.4")["label_en"] = "Share of dossiers received online (only online procedures that received dossiers)"
    # Procedures with online dossiers are counted once, whatever their service.
    drop_rows(cat, 7, {"4.1.3", "4.2.3"})
    rows = form(cat, 7)["rows"]
    at = rows.index(row(cat, 7, "4.3.2")) + 1
    rows.insert(at, {
        "code": "4.3.3",
        "label": "Số TTHC cung cấp dịch vụ công trực tuyến có phát sinh hồ sơ nộp trực tuyến",
        "label_en": "Online procedures that received online dossiers",
        "unit": "Thủ tục", "kind": "count", "measure": "stock", "consolidate": "none"})
    form(cat, 7)["sums"].append({"total": "4.3.1", "parts": ["4.3.3"], "relation": "at_most"})
    # What the ministry reports since 2025: fully online dossiers over all dossiers handled.
    at = rows.index(row(cat, 7, "4.5.2")) + 1
    rows[at:at] = [
        {"code": "4.6",
         "label": "Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến toàn trình trên tổng số hồ sơ đã giải quyết",
         "label_en": "Share of dossiers handled fully online among all dossiers handled",
         "unit": "%", "kind": "percent",
         "ratio": {"numerator": "4.6.1", "denominator": "B3:3.1.1"}, "consolidate": "ratio"},
        {"code": "4.6.1", "label": "Số hồ sơ TTHC được giải quyết trực tuyến toàn trình",
         "label_en": "Dossiers handled fully online", "unit": "Hồ sơ", "kind": "count",
         "measure": "flow", "consolidate": "sum"},
    ]
    # No district level after 1 July 2025: no commune cadre becomes a district civil servant.
    drop_rows(cat, 5, {"2.3"})

    rules = rules.replace("B7:4.1.3 + B7:4.2.3", "B7:4.3.3")
    rules = rules.replace("{B7:4.1.3} + {B7:4.2.3}", "{B7:4.3.3}")
    rules = rules.replace("mức độ 3 và 4", "(một phần và toàn trình)")
    rules = rules.replace("at levels 3 and 4", "(partly and fully)")
    rules = rules.replace("Built-in rules of the built-in catalogue", "Rules of the derived 2025 version of the built-in catalogue")
    rules += """
rule cross.fully-online-dossiers {
  severity error
  check B7:4.6.1 <= B3:3.1.1
  vi "Số hồ sơ giải quyết trực tuyến toàn trình (B7:4.6.1 = {B7:4.6.1}) vượt quá số hồ sơ đã giải quyết (B3:3.1.1 = {B3:3.1.1})"
  en "Dossiers handled fully online (B7:4.6.1 = {B7:4.6.1}) exceed the dossiers handled (B3:3.1.1 = {B3:3.1.1})"
}
"""
    mapping = {
        "format": "cchc.mapping/1",
        "from": {"id": cat["id"], "version": "2022.1"},
        "rows": [
            {"how": "merge", "from": ["B7:4.1.3", "B7:4.2.3"], "to": "B7:4.3.3",
             "note": "TTHC có hồ sơ trực tuyến được đếm một lần / procedures with online dossiers are counted once"},
            {"how": "added", "to": ["B7:4.6", "B7:4.6.1"],
             "note": "chỉ tiêu mới từ 2025 / an indicator since 2025"},
            {"how": "dropped", "from": "B5:2.3",
             "note": "không còn cấp huyện từ 1/7/2025 / no district level from 1 July 2025"},
        ],
    }
    manifest = {
        "format": "cchc.template/1",
        "derived": "Suy ra bởi cchc từ mẫu 3981/SNV-CCHC&VTLT (2022) theo Nghị định 42/2022/NĐ-CP và "
                   "chính quyền địa phương hai cấp (1/7/2025); không có mẫu công bố. Derived by cchc "
                   "from the 2022 template after Decree 42/2022/NĐ-CP and two-level local government; "
                   "no published annex was found (templates/derive.py).",
        "vocabulary": {"annex_headings": ["PHỤ LỤC"], "form_headings": ["Biểu mẫu"]},
    }
    return cat, rules, mapping, manifest


COMMUNE_ROWS = {
    1: {"1", "2", "2.1", "2.2", "4", "4.1", "4.2", "4.3", "4.4", "5", "5.1", "5.2", "5.3", "6", "6.1", "6.2", "7"},
    2: {"1", "2", "2.1", "2.2", "2.2.1", "2.2.2", "3", "3.1", "3.2", "3.2.1", "3.2.2"},
    3: {"1", "1.4", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.1.1", "3.1.2", "3.2", "3.3", "3.4", "3.4.1", "3.4.2", "3.5"},
    4: {"2", "2.1", "2.2", "2.3", "2.4"},
    5: {"2", "2.1", "2.2", "4"},
    7: {"2", "3", "3.2", "3.2.a", "3.2.b", "4", "4.4", "4.4.1", "4.4.2", "4.6", "4.6.1", "5", "5.2"},
}

COMMUNE_WORDING = (
    ("do các sở, ngành tiếp nhận", "do UBND xã tiếp nhận"),
    ("Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao", "Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao cho UBND xã"),
    ("tại cơ quan, đơn vị", "tại UBND xã"),
)


def commune(cat2025, rules2025):
    cat = copy.deepcopy(cat2025)
    cat["id"] = "vn.sonla.ubnd-xa"
    cat["version"] = "2025.1"
    cat["level"] = "commune"
    cat["title"] = "Thống kê số liệu báo cáo cải cách hành chính định kỳ của UBND xã, phường (do cchc suy ra)"
    cat["title_en"] = "Statistics of the periodic administrative-reform report of communes and wards (derived by cchc)"
    cat["forms"] = [f for f in cat["forms"] if f["number"] in COMMUNE_ROWS]
    for f in cat["forms"]:
        keep = COMMUNE_ROWS[f["number"]]
        drop_rows(cat, f["number"], {r["code"] for r in f["rows"]} - keep)
        for r in f["rows"]:
            for old, new in COMMUNE_WORDING:
                r["label"] = r["label"].replace(old, new)
            # A row whose children are gone has no parts to add up.
            if r.get("children") and not any(c["code"].startswith(r["code"] + ".") for c in f["rows"]):
                r.pop("children")
    rules = keep_rules(rules2025, cat)
    rules = rules.replace("catalog vn.sonla.snv-3981-2022.so-nganh", "catalog vn.sonla.ubnd-xa")
    rules = re.sub(r"(?s)^#.*?\n\n", "# Rules of the derived commune template: the cross-form rules of the department template\n"
                   "# whose rows a commune reports (templates/derive.py keeps them).\n\n", rules, count=1)
    manifest = {
        "format": "cchc.template/1",
        "derived": "Suy ra bởi cchc từ mẫu sở, ngành (phiên bản 2025.1) cho UBND cấp xã; không có mẫu công bố. "
                   "Derived by cchc from the department template (version 2025.1) for communes; no published "
                   "commune annex was found (templates/derive.py).",
        "vocabulary": {"annex_headings": ["PHỤ LỤC"], "form_headings": ["Biểu mẫu"]},
    }
    return cat, rules, manifest


def main():
    cat = json.loads((SOURCE / "catalog.json").read_text(encoding="utf-8"))
    rules = (SOURCE / "rules.rules").read_text(encoding="utf-8")
    cat25, rules25, mapping, manifest25 = department_2025(cat, rules)
    out = ROOT / "vn.sonla.snv-3981-2022.so-nganh.v2025"
    out.mkdir(exist_ok=True)
    write_json(out / "catalog.json", cat25)
    (out / "rules.rules").write_text(rules25, encoding="utf-8")
    write_json(out / "mapping.json", mapping)
    write_json(out / "template.json", manifest25)

    catx, rulesx, manifestx = commune(cat25, rules25)
    out = ROOT / "vn.sonla.ubnd-xa"
    out.mkdir(exist_ok=True)
    write_json(out / "catalog.json", catx)
    (out / "rules.rules").write_text(rulesx, encoding="utf-8")
    write_json(out / "template.json", manifestx)


if __name__ == "__main__":
    main()
