"""Thins `ketasim run --no-chart` output into the golden fixtures of GoldenCatalogueTest.

Usage: python3 thin.py RUN_OUT_DIR FIXTURE_DIR

For every scenario folder of RUN_OUT_DIR, keeps the header and at most 300 rows of timeseries.csv
(the first 100, then 200 evenly spaced by index, always the last), prefixed by the row's index in the
full series, gzip-compressed as FIXTURE_DIR/<id>.csv.gz; copies summary.csv and records each
series' full row count in FIXTURE_DIR/rows.csv. Numbers are copied as written (full precision).
"""
import csv, gzip, os, shutil, sys

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
counts = []
for name in sorted(os.listdir(src)):
    path = os.path.join(src, name, "timeseries.csv")
    if not os.path.isfile(path):
        continue
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    n = len(body)
    keep = set(range(min(100, n)))
    if n > 100:
        keep.update(100 + (k * (n - 101)) // 199 for k in range(200))
    keep.add(n - 1)
    with gzip.open(os.path.join(dst, name + ".csv.gz"), "wt", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["row"] + header)
        for i in sorted(keep):
            w.writerow([i] + body[i])
    counts.append((name, n))
shutil.copy(os.path.join(src, "summary.csv"), os.path.join(dst, "summary.csv"))
with open(os.path.join(dst, "rows.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "rows"])
    w.writerows(counts)
