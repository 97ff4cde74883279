#!/usr/bin/env python3
"""Cross-checks of refsolver.py.

    python3 crosscheck.py [CASE.yaml ...]      (default: cases/*.yaml)

1. refsolver float (scipy expm) vs refsolver --mp (mpmath expm, 40 digits).
2. refsolver float vs an independent numeric integration: the ODE right-hand side written out
   term by term from the model parameters (not from refsolver's A matrix), integrated with
   scipy.integrate.solve_ivp(method="DOP853", rtol=1e-12, atol=1e-14) piecewise between
   breakpoints, boluses as state jumps.
3. refsolver float vs hand closed forms (1-cmt bolus, infusion, oral with lag, effect site,
   metabolite, AUC).

Relative difference of a value v against reference r is |v - r| / |r|, counted only where
|r| > 1e-6 * max|column| (near-zero values are reported as an absolute difference instead).
"""
import glob
import math
import os
import sys
import tempfile
from fractions import Fraction as Fr

import numpy as np
from scipy.integrate import solve_ivp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refsolver as rs  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def diff(rows_a, rows_b, cols):
    """max rel diff (significant values) and max abs diff (near-zero values) per column."""
    out = {}
    A, B = np.array(rows_a, float), np.array(rows_b, float)
    assert A.shape == B.shape, (A.shape, B.shape)
    for j, c in enumerate(cols):
        if j < 2:
            continue
        a, b = A[:, j], B[:, j]
        scale = np.max(np.abs(b)) if len(b) else 0.0
        sig = np.abs(b) > 1e-6 * scale
        rel = float(np.max(np.abs(a[sig] - b[sig]) / np.abs(b[sig]))) if sig.any() else 0.0
        ab = float(np.max(np.abs(a[~sig] - b[~sig]))) if (~sig).any() else 0.0
        out[c] = (rel, ab)
    return out


def rel(a, b):
    return abs(a - b) / abs(b) if b != 0 else abs(a - b)


# ------------------------------------------------------------------------------------------
# independent ODE integration


def ivp(sc):
    m = sc.model
    w = float(sc.weight)
    if m["scaling"]:
        ref, ev, ec = m["scaling"]
        fv = (w / float(ref)) ** float(ev)
        fc = (w / float(ref)) ** float(ec)
    else:
        fv = fc = 1.0
    V1 = float(m["pk"]["V1"]) * fv
    CL = float(m["pk"]["CL"]) * fc
    V2 = float(m["pk"]["V2"]) * fv if "V2" in m["pk"] else None
    Q2 = float(m["pk"]["Q2"]) * fc if "Q2" in m["pk"] else 0.0
    V3 = float(m["pk"]["V3"]) * fv if "V3" in m["pk"] else None
    Q3 = float(m["pk"]["Q3"]) * fc if "Q3" in m["pk"] else 0.0
    routes = sorted(m["routes"])
    ka = {r: float(m["routes"][r][1]) for r in routes}
    met = m["met"]
    if met:
        f = float(met["fraction"]) * float(met["mmr"])
        VM1, CLM = float(met["V1"]) * fv, float(met["CL"]) * fc
        VM2 = float(met["V2"]) * fv if "V2" in met else None
        QM2 = float(met["Q2"]) * fc if "Q2" in met else 0.0
    ke0 = float(m["ke0"]) if m["ke0"] is not None else None
    # layout: 0 A1, 1 A2, 2 A3, 3.. depots (one per model route), then M1, M2, Ce, AUC
    nd = len(routes)
    iM1, iM2, iCE, iAUC = 3 + nd, 4 + nd, 5 + nd, 6 + nd
    n = 7 + nd

    def rhs(t, y, u_c, u_d):
        dy = np.zeros(n)
        c1 = y[0] / V1
        dy[0] = u_c - CL * c1
        if V2:
            j = Q2 * (c1 - y[1] / V2)
            dy[0] -= j
            dy[1] = j
        if V3:
            j = Q3 * (c1 - y[2] / V3)
            dy[0] -= j
            dy[2] = j
        for k, r in enumerate(routes):
            a = ka[r] * y[3 + k]
            dy[3 + k] = u_d[k] - a
            dy[0] += a
        if met:
            cm1 = y[iM1] / VM1
            dy[iM1] = f * CL * c1 - CLM * cm1
            if VM2:
                j = QM2 * (cm1 - y[iM2] / VM2)
                dy[iM1] -= j
                dy[iM2] = j
        if ke0:
            dy[iCE] = ke0 * (c1 - y[iCE])
        dy[iAUC] = c1
        return dy

    def lagF(route):
        if route == "iv":
            return 0.0, 1.0
        F, _, lag = m["routes"][route]
        return float(lag), float(F)

    T = float(sc.duration)
    outs = [float(t) for t in rs.output_times(sc)]
    ins = []
    for s in sc.segments:
        lag, F = lagF(s.route)
        ins.append((float(s.start) + lag, float(s.end) + lag, s.route, float(s.rate) * F))
    jumps = []
    for b in sc.boluses:
        lag, F = lagF(b.route)
        jumps.append((float(b.time) + lag, b.route, float(b.amount) * F))
    bp = sorted(set(outs) | {t for a, e, _, _ in ins for t in (a, e) if 0 <= t <= T}
                | {t for t, _, _ in jumps if 0 <= t <= T})
    # merge breakpoints closer than 1e-12 h (float noise of lag + start)
    merged = []
    for t in bp:
        if merged and t - merged[-1] < 1e-12:
            continue
        merged.append(t)
    y = np.zeros(n)
    rows = []
    outset = outs
    oi = 0
    for i, t in enumerate(merged):
        for (tj, r, amt) in jumps:
            if abs(tj - t) < 1e-12:
                y[0 if r == "iv" else 3 + routes.index(r)] += amt
        while oi < len(outset) and abs(outset[oi] - t) < 1e-12:
            rate = sum(float(s.rate) for s in sc.segments
                       if float(s.start) <= t + 1e-12 and t + 1e-12 < float(s.end))
            row = [outset[oi], rate, y[0] / V1 * 1000]
            if met:
                row.append(y[iM1] / VM1 * 1000)
            if ke0:
                row.append(y[iCE] * 1000)
            rows.append(row)
            oi += 1
        if i + 1 == len(merged):
            break
        t1 = merged[i + 1]
        mid = 0.5 * (t + t1)
        u_c = sum(r for a, e, rt, r in ins if rt == "iv" and a <= mid < e)
        u_d = [sum(r for a, e, rt, r in ins if rt == rr and a <= mid < e) for rr in routes]
        sol = solve_ivp(rhs, (t, t1), y, method="DOP853", rtol=1e-12, atol=1e-14,
                        args=(u_c, u_d))
        assert sol.success, sol.message
        y = sol.y[:, -1].copy()
    return rows, y[iAUC] * 1000


# ------------------------------------------------------------------------------------------
# closed forms


CLOSED = {
    "cf-bolus": ("""
model: {compartments: {V1: 50 L, CL: 10 L/h}}
patient: {weight: 70 kg}
regimen: {doses: [{bolus: 10 mg}]}
simulation: {duration: 10.25 h, step: 0.5 h}
""", "bolus"),
    "cf-infusion": ("""
model: {compartments: {V1: 80 L, CL: 40 L/h}}
patient: {weight: 70 kg}
regimen: {doses: [{infusion: {rate: 20 mg/h, duration: 3 h}}]}
simulation: {duration: 8 h, step: 15 min}
""", "infusion"),
    "cf-oral": ("""
model:
  compartments: {V1: 100 L, CL: 50 L/h}
  routes: {oral: {F: 0.18, ka: 0.97 1/h, lag: 0.32 h}}
patient: {weight: 70 kg}
regimen: {route: oral, doses: [{bolus: 84 mg}]}
simulation: {duration: 24 h, step: 0.1 h}
""", "oral"),
    "cf-effect-met": ("""
model:
  compartments: {V1: 25 L, CL: 84 L/h}
  metabolite: {fraction: 0.8, molar_mass_ratio: 0.941, V1: 70 L, CL: 38 L/h}
  effect: {ke0: 0.114 1/min}
patient: {weight: 70 kg}
regimen: {doses: [{bolus: 20 mg}]}
simulation: {duration: 6 h, step: 2 min}
""", "effect-met"),
}


def closed_form(kind, t):
    """Returns (cp, cm, ce) in ng/mL at time t (h), and AUC(0..T) via auc(T)."""
    if kind == "bolus":
        D, V, CL = 10.0, 50.0, 10.0
        k = CL / V
        return (D / V * math.exp(-k * t) * 1000,), D / CL * (1 - math.exp(-k * t)) * 1000
    if kind == "infusion":
        R, V, CL, T = 20.0, 80.0, 40.0, 3.0
        k = CL / V
        if t <= T:
            c = R / CL * (1 - math.exp(-k * t))
            auc = R / CL * (t - (1 - math.exp(-k * t)) / k)
        else:
            cT = R / CL * (1 - math.exp(-k * T))
            c = cT * math.exp(-k * (t - T))
            auc = R / CL * (T - (1 - math.exp(-k * T)) / k) + cT / k * (1 - math.exp(-k * (t - T)))
        return (c * 1000,), auc * 1000
    if kind == "oral":
        D, F, ka, lag, V, CL = 84.0, 0.18, 0.97, 0.32, 100.0, 50.0
        k = CL / V
        s = max(t - lag, 0.0)
        c = F * D * ka / (V * (ka - k)) * (math.exp(-k * s) - math.exp(-ka * s))
        auc = F * D / CL * (1 - (ka * math.exp(-k * s) - k * math.exp(-ka * s)) / (ka - k))
        return (c * 1000,), auc * 1000
    if kind == "effect-met":
        D, V, CL, ke0 = 20.0, 25.0, 84.0, 0.114 * 60
        f, VM, CLM = 0.8 * 0.941, 70.0, 38.0
        k, km = CL / V, CLM / VM
        cp = D / V * math.exp(-k * t)
        ce = D / V * ke0 / (ke0 - k) * (math.exp(-k * t) - math.exp(-ke0 * t))
        am = f * CL / V * D * (math.exp(-k * t) - math.exp(-km * t)) / (km - k)
        return (cp * 1000, am / VM * 1000, ce * 1000), D / CL * (1 - math.exp(-k * t)) * 1000


def main(files):
    be_f, be_m = rs.FloatBackend(), rs.MpBackend(40)
    worst = {"mp": 0.0, "ivp": 0.0, "closed": 0.0}
    worst_abs = {"mp": 0.0, "ivp": 0.0, "closed": 0.0}
    print(f"{'case':42s} {'float vs mp':>12s} {'float vs ivp':>13s} {'auc mp':>9s} {'auc ivp':>9s}")
    for f in files:
        sc = rs.load(f)
        cols, rows, summ = rs.simulate(sc, be_f)
        _, rows_m, summ_m = rs.simulate(sc, be_m)
        rows_i, auc_i = ivp(sc)
        assert [r[0] for r in rows_i] == [r[0] for r in rows], "time grid differs"
        assert all(abs(a[1] - b[1]) <= 1e-12 * max(1, abs(b[1])) for a, b in zip(rows, rows_i)), \
            "rate column differs"
        dm, di = diff(rows, rows_m, cols), diff(rows, rows_i, cols)
        rm = max(v[0] for v in dm.values())
        ri = max(v[0] for v in di.values())
        worst_abs["mp"] = max(worst_abs["mp"], max(v[1] for v in dm.values()))
        worst_abs["ivp"] = max(worst_abs["ivp"], max(v[1] for v in di.values()))
        am, ai = rel(summ["auc_ng_h_per_ml"], summ_m["auc_ng_h_per_ml"]), \
            rel(summ["auc_ng_h_per_ml"], auc_i)
        worst["mp"] = max(worst["mp"], rm, am)
        worst["ivp"] = max(worst["ivp"], ri, ai)
        print(f"{os.path.basename(f):42s} {rm:12.2e} {ri:13.2e} {am:9.1e} {ai:9.1e}")

    with tempfile.TemporaryDirectory() as d:
        for name, (text, kind) in CLOSED.items():
            p = os.path.join(d, name + ".yaml")
            with open(p, "w") as fh:
                fh.write(text)
            sc = rs.load(p)
            cols, rows, summ = rs.simulate(sc, be_f)
            _, rows_m, summ_m = rs.simulate(sc, be_m)
            for label, rr, ss in (("float", rows, summ), ("mp", rows_m, summ_m)):
                exp_rows = []
                for r in rr:
                    vals, _ = closed_form(kind, r[0])
                    exp_rows.append([r[0], r[1]] + list(vals))
                dd = diff(rr, exp_rows, cols)
                _, auc = closed_form(kind, float(sc.duration))
                ra = rel(ss["auc_ng_h_per_ml"], auc)
                r_ = max(v[0] for v in dd.values())
                if label == "float":
                    worst["closed"] = max(worst["closed"], r_, ra)
                    worst_abs["closed"] = max(worst_abs["closed"], max(v[1] for v in dd.values()))
                print(f"closed form {name:15s} ({label:5s}) max rel {r_:9.2e}  auc rel {ra:9.2e}")
    print()
    print(f"max relative difference, float expm vs mpmath 40 digits : {worst['mp']:.2e}"
          f"  (near-zero values: max abs {worst_abs['mp']:.1e} ng/mL)")
    print(f"max relative difference, float expm vs solve_ivp DOP853 : {worst['ivp']:.2e}"
          f"  (near-zero values: max abs {worst_abs['ivp']:.1e} ng/mL)")
    print(f"max relative difference, float expm vs closed forms      : {worst['closed']:.2e}"
          f"  (near-zero values: max abs {worst_abs['closed']:.1e} ng/mL)")


if __name__ == "__main__":
    main(sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "cases", "*.yaml"))))
