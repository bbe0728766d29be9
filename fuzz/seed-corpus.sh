#!/usr/bin/env bash
# Makes the committed seed corpus (fuzz/corpus/<target>/) from the project's real fixtures and
# real output: the demo cooperative's member register exported by hamyar-cli (CSV and XLSX), the
# sheets of the integration tests, tests/fixtures/jalali-dates.json, the identifiers of the demo
# and of the validators' unit tests, the sync summary fixtures, and a report, receipt and problem
# from a real exchange with hamyar-registry on 127.0.0.1. Run from the repository root after
# `cargo build -p hamyar-cli -p hamyar-registry`; it replaces fuzz/corpus/. docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=target/debug/hamyar-cli
REG=target/debug/hamyar-registry
OUT=fuzz/corpus
WORK=$(mktemp -d)
REG_PID=
cleanup() {
  [ -n "$REG_PID" ] && kill "$REG_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
rm -rf "$OUT"
mkdir -p "$OUT"/{member_import,production_import,xlsx_import,ids,jalali,sync_protocol}
# One seed file: name, then the content on stdin.
seed() { cat > "$OUT/$1/$2"; }

# --- the member register, exported by the real CLI from the demo cooperative ----------------
D="$WORK/demo"
$CLI --data-dir "$D" init --demo > /dev/null
$CLI --data-dir "$D" member export --to "$WORK/members.csv" > /dev/null
$CLI --data-dir "$D" member export --to "$WORK/members.xlsx" > /dev/null
cp "$WORK/members.csv" "$OUT/member_import/demo-export.csv"
cp "$WORK/members.xlsx" "$OUT/member_import/demo-export.xlsx"
# The sheets a Rust test writes: the string literals between two sed addresses that contain
# MARK, each a seed. Usage: test_sheets FILE FROM TO MARK TARGET.
test_sheets() {
  sed -n "/$2/,/$3/p" "$1" > "$WORK/test.txt"
  python3 - "$WORK/test.txt" "$4" "$OUT/$5" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i, lit in enumerate(re.findall(r'"((?:[^"\\]|\\.)*)"', text, re.S)):
    if sys.argv[2] not in lit:
        continue
    # Rust string continuation lines (a backslash, the newline and the indentation), \n, the BOM.
    body = re.sub(r"\\\n\s*", "", lit).replace("\\n", "\n").replace("\\u{FEFF}", "\ufeff")
    open(f"{sys.argv[3]}/integration-{i}.csv", "w", encoding="utf-8").write(body)
PY
}
# tests/integration/member_import.rs: every error kind, and an unknown column.
test_sheets tests/integration/member_import.rs 'std::fs::write(' ')' 'کد ملی' member_import
printf 'first_name;last_name;national_code;gender;birth_date;mobile;sheba;joined;shares;paid\nمریم;احمدی;۰۵۱۴۳۹۵۶۳۱;زن;1370/02/03;09121234567;IR820540102680020817909002;1398/05/12;۲۰;20,000,000\n' \
  | seed member_import semicolon-english.csv

# --- production sheets: those of tests/integration/production.rs, on the demo's products -----
test_sheets tests/integration/production.rs 'a_csv_import_is_all_or_nothing' '^}' '\n' production_import
printf 'تاریخ\tکالا\tمقدار\tارزش واحد\tواحد\tکارگاه\tنوبت\tعضو\tساعت\n1404/01/05\tپارچه کتان\t10\t400000\tکیلوگرم\tبافندگی\tصبح\t1\t8\n1404/02/31\t1\t۳\t۱۲۰۰۰۰\t\t\t\t2\t۷٫۵\n' \
  | seed production_import tabs-all-columns.csv

# --- XLSX: the real export's worksheet, shared strings and styles as xlsx_import's parts -----
python3 - "$WORK/members.xlsx" "$OUT" <<'PY'
import sys, zipfile
sep = b"\n--hamyar-part--\n"
z = zipfile.ZipFile(sys.argv[1])
part = lambda n: z.read(n) if n in z.namelist() else b""
sheet, strings, styles = part("xl/worksheets/sheet1.xml"), part("xl/sharedStrings.xml"), part("xl/styles.xml")
open(f"{sys.argv[2]}/xlsx_import/demo-export-parts", "wb").write(sep.join([sheet, strings, styles]))
# A production sheet in the same workbook: inline strings, numbers, an Excel date (45750 =
# 2025-04-05) in the workbook's date style when it has one.
def c(ref, v):
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
    return f'<c r="{ref}"><v>{v}</v></c>'
rows = [["تاریخ", "کالا", "مقدار", "ارزش واحد", "کارگاه", "عضو", "ساعت"],
        [45750, "پارچه کتان", 12, 400000, "بافندگی", 1, 8],
        ["1404/01/16", 2, 3.5, "2000000", "", "", ""]]
cols = "ABCDEFG"
body = "".join(f'<row r="{r+1}">' + "".join(c(f"{cols[i]}{r+1}", v) for i, v in enumerate(row) if v != "") + "</row>"
               for r, row in enumerate(rows))
xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
       'spreadsheetml/2006/main"><sheetData>' + body + '</sheetData></worksheet>').encode()
open(f"{sys.argv[2]}/xlsx_import/production-parts", "wb").write(sep.join([xml, strings, styles]))
# The sheet alone: the target keeps its template's shared strings and styles, whose style 1 is
# a date format, so the first column is read as Excel dates.
dated = xml.replace(b'<c r="A2">', b'<c r="A2" s="1">')
open(f"{sys.argv[2]}/xlsx_import/production-dated-sheet", "wb").write(dated)
# And as a whole workbook for the raw importers.
out = zipfile.ZipFile(f"{sys.argv[2]}/production_import/production.xlsx", "w", zipfile.ZIP_DEFLATED)
for n in z.namelist():
    data = xml if n == "xl/worksheets/sheet1.xml" else z.read(n)
    out.writestr(n, data)
out.close()
PY

# --- identifiers: the demo's, and the validators' unit-test vectors --------------------------
python3 - "$OUT/ids" <<'PY'
import re, sys, glob
found = set()
for f in glob.glob("crates/core/src/ids/*.rs") + ["crates/store/src/demo.rs"]:
    for lit in re.findall(r'"([^"\\]{4,40})"', open(f, encoding="utf-8").read()):
        if sum(ch.isdigit() for ch in lit) >= 6:
            found.add(lit)
for i, v in enumerate(sorted(found)):
    open(f"{sys.argv[1]}/vector-{i:03}", "w", encoding="utf-8").write(v)
PY

# --- Jalali dates: the shared fixture, as written and in Persian digits ----------------------
python3 - tests/fixtures/jalali-dates.json "$OUT/jalali" <<'PY'
import json, sys
fx = json.load(open(sys.argv[1], encoding="utf-8"))
persian = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
values = [p["iso"] for p in fx["pairs"]] + [p["jalali"] for p in fx["pairs"]]
values += [p["jalali"].translate(persian) for p in fx["pairs"]]
values += [v if isinstance(v, str) else json.dumps(v) for k, vs in fx.items() if k.startswith("invalid") for v in vs]
values += [f"{y}/12/30" for y in fx["leap_years"]]
for i, v in enumerate(values):
    open(f"{sys.argv[2]}/fixture-{i:03}", "w", encoding="utf-8").write(v)
PY

# --- sync: summary fixtures, and a real report, receipt, status and problem ------------------
for f in crates/sync/tests/fixtures/summary/*.json; do cp "$f" "$OUT/sync_protocol/summary-$(basename "$f")"; done
R="$WORK/registry"
mkdir -p "$R"
"$REG" serve --db "$R/registry.db" --listen 127.0.0.1:0 > "$R/serve.log" 2>&1 &
REG_PID=$!
for _ in $(seq 50); do grep -qo '127.0.0.1:[0-9]*' "$R/serve.log" && break; sleep 0.1; done
ADDR=$(grep -o '127.0.0.1:[0-9]*' "$R/serve.log" | head -1)
CODE=$("$REG" enrolment-code --db "$R/registry.db" --legal-id 14100001233 | tail -1)
$CLI --data-dir "$D" --json enrol --registry "http://$ADDR" --code "$CODE" > "$WORK/enrol.json"
$CLI --data-dir "$D" report close --period 1404-Q1 > /dev/null
$CLI --data-dir "$D" sync --once > /dev/null
$CLI --data-dir "$D" --json outbox list > "$WORK/outbox.json"
$CLI --data-dir "$D" export-package --period 1404-Q1 --to "$WORK/package" > /dev/null
cp "$WORK/package/report.json" "$OUT/sync_protocol/report.json"
curl -s -X POST -H 'content-type: application/json' --data '{"protocol":1' "http://$ADDR/v1/reports" \
  > "$OUT/sync_protocol/problem-malformed.json"
curl -s "http://$ADDR/v1/health" > "$OUT/sync_protocol/health.json"
python3 - "$WORK/outbox.json" "$OUT/sync_protocol" "$WORK/enrol.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
enrol = json.load(open(sys.argv[3], encoding="utf-8"))
r = rows[0]["receipt"]
open(f"{sys.argv[2]}/receipt.json", "w", encoding="utf-8").write(json.dumps(r, ensure_ascii=False))
status = {"state": "accepted", "superseded_by": None, "receipt": r}
open(f"{sys.argv[2]}/status.json", "w", encoding="utf-8").write(json.dumps(status, ensure_ascii=False))
# key|message|signature: the receipt's own signing bytes and the registry's signature.
body = {k: v for k, v in r.items() if k != "signature"}
msg = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
key = enrol["registry_key"]
open(f"{sys.argv[2]}/signature", "w", encoding="utf-8").write(f"{key}|{msg}|{r['signature']}")
PY
kill "$REG_PID" && REG_PID=
for t in "$OUT"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"; done
