#!/usr/bin/env python3
"""Compare a test output folder against a reference output folder.

    python3 compare.py REF_OUT_DIR TEST_OUT_DIR [--rel 1e-6] [--abs 1e-9] [--show 5]

Files compared: REF/summary.csv and every REF/<id>/timeseries.csv, each against the same path in
TEST. Every column of the reference file must exist in the test file (found by header name; extra
test columns are allowed, the contract says more may follow). timeseries.csv is compared row for
row (same number of rows); summary.csv rows are matched by `id` (missing or extra ids fail).
A value passes if |test - ref| <= abs_tol OR |test - ref| <= rel_tol * |ref|. Text cells (id)
must be equal. Non-numbers, NaN or inf in either file fail.

Prints the worst mismatches per failing file and ends with 'N passed, M failed' (files).
Exit code 0 if all passed, 1 otherwise.
"""
import argparse
import csv
import math
import os
import sys


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise ValueError("empty file")
    return rows[0], rows[1:]


def num(s):
    try:
        v = float(s)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def compare_cells(ref, test, rel_tol, abs_tol):
    """Returns None if ok, else (score, description). Score orders the worst first."""
    r, t = num(ref), num(test)
    if r is None:
        return None if ref == test else (math.inf, f"ref '{ref}' vs test '{test}'")
    if t is None:
        return (math.inf, f"ref {ref} vs test '{test}' (not a finite number)")
    d = abs(t - r)
    if d <= abs_tol or d <= rel_tol * abs(r):
        return None
    relerr = d / abs(r) if r != 0 else math.inf
    return (relerr, f"ref {ref} vs test {test} (abs {d:.3g}, rel {relerr:.3g})")


def compare_file(ref_path, test_path, key, rel_tol, abs_tol):
    """Returns (ok, list of messages). key: None (row for row) or a key column name."""
    msgs, bad = [], []
    if not os.path.exists(test_path):
        return False, [f"missing in test: {test_path}"]
    try:
        rh, rrows = read(ref_path)
        th, trows = read(test_path)
    except (ValueError, OSError, csv.Error) as e:
        return False, [f"cannot read: {e}"]
    missing = [c for c in rh if c not in th]
    if missing:
        msgs.append(f"columns missing in test: {', '.join(missing)}")
    tidx = {c: th.index(c) for c in rh if c in th}
    pairs = []
    if key is None:
        if len(rrows) != len(trows):
            msgs.append(f"row count: ref {len(rrows)}, test {len(trows)}")
        for i, (a, b) in enumerate(zip(rrows, trows)):
            pairs.append((f"row {i + 1}", a, b))
    else:
        ki, tk = rh.index(key), th.index(key) if key in th else None
        if tk is None:
            return False, msgs + [f"no '{key}' column in test"]
        tmap = {}
        for b in trows:
            if len(b) > tk:
                if b[tk] in tmap:
                    msgs.append(f"duplicate {key} '{b[tk]}' in test")
                tmap[b[tk]] = b
        rkeys = set()
        for a in rrows:
            rkeys.add(a[ki])
            if a[ki] not in tmap:
                msgs.append(f"{key} '{a[ki]}' missing in test")
            else:
                pairs.append((f"{key}={a[ki]}", a, tmap[a[ki]]))
        extra = sorted(set(tmap) - rkeys)
        if extra:
            msgs.append(f"{key} not in ref: {', '.join(extra)}")
    for where, a, b in pairs:
        for ci, c in enumerate(rh):
            if c not in tidx:
                continue
            tv = b[tidx[c]] if tidx[c] < len(b) else ""
            rv = a[ci] if ci < len(a) else ""
            res = compare_cells(rv, tv, rel_tol, abs_tol)
            if res:
                bad.append((res[0], f"{where} {c}: {res[1]}"))
    bad.sort(key=lambda x: -x[0])
    return not msgs and not bad, msgs, bad


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare ketasim output folders.")
    ap.add_argument("ref")
    ap.add_argument("test")
    ap.add_argument("--rel", type=float, default=1e-6)
    ap.add_argument("--abs", type=float, default=1e-9)
    ap.add_argument("--show", type=int, default=5, help="worst mismatches shown per file")
    a = ap.parse_args(argv)
    files = []
    if os.path.exists(os.path.join(a.ref, "summary.csv")):
        files.append(("summary.csv", "id"))
    for d in sorted(os.listdir(a.ref)):
        p = os.path.join(a.ref, d, "timeseries.csv")
        if os.path.isfile(p):
            files.append((os.path.join(d, "timeseries.csv"), None))
    if not files:
        print(f"no reference files under {a.ref}")
        return 1
    passed = failed = 0
    for rel_path, key in files:
        res = compare_file(os.path.join(a.ref, rel_path), os.path.join(a.test, rel_path), key,
                           a.rel, a.abs)
        ok, msgs = res[0], res[1]
        bad = res[2] if len(res) > 2 else []
        if ok:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {rel_path}: {len(bad)} value(s) out of tolerance")
        for m in msgs:
            print(f"    {m}")
        for _, m in bad[:a.show]:
            print(f"    {m}")
    extra = [d for d in sorted(os.listdir(a.test))
             if os.path.isfile(os.path.join(a.test, d, "timeseries.csv"))
             and not os.path.isfile(os.path.join(a.ref, d, "timeseries.csv"))] \
        if os.path.isdir(a.test) else []
    if extra:
        print(f"note: test has outputs not in ref (not compared): {', '.join(extra)}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
