#!/usr/bin/env python3
# Writes the reports of the quarter tests (consolidation, cross-period checks, the archive):
# three departments of Sơn La for Q1 2024, and SKHCN's six-month report twice: once with a flow
# and a cumulative figure that shrank since Q1 (flagged), once grown (not flagged).
# The expected province figures are worked out by hand in tests/cli/CMakeLists.txt and
# tests/consolidate_test.cpp. Run it from this folder; the files are committed.
import json

CATALOG = {"id": "vn.sonla.snv-3981-2022.so-nganh", "version": "2022.1"}


def report(code, name, period, number, date, values):
    return {
        "format": "cchc.report/1",
        "catalog": CATALOG,
        "agency": {"name": name, "code": code, "level": "department"},
        "province": "Sơn La",
        "period": period,
        "document": {"number": number, "symbol": f"BC-{code}", "date": date},
        "values": values,
    }


def write(path, r):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(r, f, ensure_ascii=False, indent=2)
        f.write("\n")


Q1 = {"year": 2024, "kind": "q1"}
SIX = {"year": 2024, "kind": "six_months"}

skhcn_q1 = {"B7:4.4.1": "100", "B7:4.4.2": "30", "B7:4.4": "30", "B3:3.1.1": "50",
            "B3:3.1.2": "45", "B3:3.1": "90", "B1:6": "1", "B3:3.3": "2/40", "B3:1.4": "120",
            "B4:2.1": "30", "B1:2.1": "35", "B1:2.2": "21", "B1:2": "60"}
write("skhcn-q1-2024.json", report("SKHCN", "Sở Khoa học và Công nghệ", Q1, "94", "2024-03-16", skhcn_q1))
write("stc-q1-2024.json", report("STC", "Sở Tài chính", Q1, "51", "2024-03-17", {
    "B7:4.4.1": "200", "B7:4.4.2": "150", "B7:4.4": "75", "B3:3.1.1": "10", "B3:3.1.2": "10",
    "B3:3.1": "100", "B1:6": "0", "B3:3.3": "1/15", "B3:1.4": "80", "B4:2.1": "45"}))
write("syt-q1-2024.json", report("SYT", "Sở Y tế", Q1, "203", "2024-03-18", {
    "B7:4.4.1": "50", "B3:3.1.1": "40", "B3:3.1.2": "20", "B3:3.1": "50", "B3:3.3": "0/0",
    "B3:1.4": "95", "B4:2.1": "120"}))

# Six months: B7:4.4.1 (a flow) and B1:2.1 (cumulative) fell below Q1; B3:1.4 (a stock) moved.
shrank = dict(skhcn_q1, **{"B7:4.4.1": "80", "B7:4.4.2": "24", "B7:4.4": "30",
                            "B1:2.1": "30", "B1:2.2": "21", "B1:2": "70", "B3:1.4": "118"})
write("skhcn-six-months-2024-shrank.json",
      report("SKHCN", "Sở Khoa học và Công nghệ", SIX, "160", "2024-06-17", shrank))
grew = dict(skhcn_q1, **{"B7:4.4.1": "180", "B7:4.4.2": "90", "B7:4.4": "50",
                          "B1:2.1": "35", "B1:2.2": "28", "B1:2": "80", "B3:1.4": "118"})
write("skhcn-six-months-2024-grew.json",
      report("SKHCN", "Sở Khoa học và Công nghệ", SIX, "160", "2024-06-17", grew))
