#!/usr/bin/env python3
"""Independent check of ketasim's virtual-population percentile bands (`ketasim population`).

    python3 popcheck.py [--n 10000] [--seed 42] [--threads 2] [--keep DIR]

Written from the contract only (the population command's help, `ketasim models fanta-otto`, and
scenario-format.md); ketasim's Java population code was not read.

Scenario: built-in model fanta-otto, 70 kg, IV titration 5 mg/h + 2 mg/h every 12 h (max 25 mg/h)
for 96 h, simulated 120 h at a 1 h step. Model (70 kg, no weight scaling):
  S-ketamine   3 cmt: V1 133 L, CL 95.2 L/h, V2 187 L, Q2 23.2 L/h, V3 98.8 L, Q3 157 L/h
  S-norketamine 2 cmt, formed from all of CL (fraction 1, no molar-mass correction):
               V1 98.6 L, CL 57.7 L/h, V2 160 L, Q2 42.8 L/h
  effect site: dCe/dt = ke0 (Cp - Ce), ke0 = ln 2 / (6.1/60) 1/h
  IIV: P_i = P_typ exp(eta_i), eta ~ MVN(0, Omega) on [V1, CL, mV1, mCL],
       Omega = [[.084,.023,0,0],[.023,.026,0,0],[0,0,.040,.044],[0,0,.044,.103]]
The numbers are checked against the printed model card first (the card wins if they differ).

Steps
  A. `ketasim population` (--n, --seed, --threads) and `ketasim run` on the scenario.
  B. Own solver: linear ODE, states [A1 A2 A3 M1 M2 Ce AUCp AUCm], exact piecewise-constant-input
     solution x(t+h) = E x(t) + g r with [[E, g], [0, 1]] = expm([[A, b], [0, 0]] h), h = 1 h
     (every rate change is on the 1 h grid), batched over subjects.
     B1. typical subject (eta = 0) vs scipy solve_ivp DOP853 (rtol 1e-12, atol 1e-14) with a
         term-by-term right-hand side, integrated between rate changes;
     B2. typical subject vs `ketasim run` timeseries.csv (cp, cm, ce, rate), 1e-6 relative
         (or 1e-9 absolute for values near zero) at every row, and summary AUC.
  C. MAIN CHECK. N subjects with numpy's own RNG (default_rng(POP_SEED), eta = L z, L = chol(Omega)),
     the 5/25/50/75/95 percentiles per row (numpy 'linear' = R type 7) of Cp, Cm, Ce, compared
     with ketasim's population_bands.csv at every row with t >= 1 h, in log space:
         d = log q_ketasim - log q_own
         SE(one sample quantile of log C) = sqrt(p (1 - p) / n) * s(p)
         s(p) = 1/f(Q(p)) (sparsity), estimated from our own sample of log C by the
                 order-statistic spacing  s(p) ~ (Q(p + h) - Q(p - h)) / (2 h),
                 h = Hall-Sheather bandwidth
                     n^(-1/3) z_0.975^(2/3) (1.5 phi(z_p)^2 / (2 z_p^2 + 1))^(1/3)
         SE(d) = sqrt(SE_own^2 + SE_ketasim^2) = sqrt(2) SE(one sample)   (n = n_own = n_ketasim)
         pass if |d| <= 4.5 SE(d)    (4.5 SE: ~1e-2 family-wise false alarm over ~1800 values)
     C0 calibrates SE_one: 30 more independent own samples; the SD of their log quantiles
     should match SE_one (median ratio per analyte/percentile in 0.75..1.33), and one of them,
     compared with the main own sample by the C1 test (a null run), must pass.
     C2 (information only) applies the C1 test to own samples of deliberately wrong variants
     (correlations dropped, omegas read as SDs, Omega x 1.1, residual error added, CL + 2 %)
     to show what the test can and cannot see.
  D. Supplementary (uses ketasim's population_subjects.csv, per-subject etas):
     D1. the sample mean and covariance of ketasim's etas vs Omega, |diff| <= 4.5 SE with
         SE(mean_i) = sqrt(Omega_ii / n), SE(cov_ij) = sqrt((Omega_ij^2 + Omega_ii Omega_jj) / n);
     D2. ketasim's own subjects re-simulated with our solver: per-subject cmax, tmax, auc,
         cmax_metabolite, auc_metabolite, cmax_effect, and the bands recomputed from them,
         vs ketasim's files, 1e-6 relative. This separates the ODE/quantile part from the RNG.
Exit 0 only if every check passes; 1 otherwise.
"""
import argparse
import csv
import math
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy.linalg as sla
from scipy.integrate import solve_ivp
from scipy.stats import norm

MAIN = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
KETASIM = os.path.join(MAIN, "ketasim")

SCEN_ID = "popcheck-titration"
SCENARIO = """\
id: popcheck-titration
title: "popcheck: IV titration 5 mg/h +2 mg/h every 12 h, max 25 mg/h, 96 h"
model: fanta-otto
patient:
  weight: 70 kg
regimen:
  doses:
    - infusion: {start: 5 mg/h, increment: 2 mg/h, every: 12 h, max: 25 mg/h, duration: 96 h}
simulation:
  duration: 120 h
  step: 1 h
"""
T_END, STEP = 120.0, 1.0
TITR = dict(start=5.0, increment=2.0, every=12.0, max=25.0, duration=96.0)

# Contract values (brief). Checked against `ketasim models fanta-otto` below.
EXPECTED = dict(V1=133.0, CL=95.2, V2=187.0, Q2=23.2, V3=98.8, Q3=157.0,
                fraction=1.0, mmr=1.0, mV1=98.6, mCL=57.7, mV2=160.0, mQ2=42.8,
                t12ke0_min=6.1)
EXPECTED_OMEGA = dict(V1=0.084, cov_V1_CL=0.023, CL=0.026, mV1=0.040, cov_mV1_mCL=0.044,
                      mCL=0.103)

PCTS = [5, 25, 50, 75, 95]
ANALYTES = [("parent", "cp"), ("metabolite", "cm"), ("effect", "ce")]
K_SE = 4.5
POP_SEED, REP_SEED0, POWER_SEED = 20240611, 77000, 31337
N_REP = 30
REL_DET = 1e-6      # deterministic comparisons
ABS_DET = 1e-9

FAILS = []


def say(*a):
    print(*a, flush=True)


def check(ok, what):
    if not ok:
        FAILS.append(what)
    return "PASS" if ok else "FAIL"


# ------------------------------------------------------------------------------------------
# model card


def read_card():
    out = subprocess.run([KETASIM, "models", "fanta-otto"], cwd=MAIN, capture_output=True,
                         text=True, check=True).stdout
    num = r"([0-9.eE+-]+)"
    pats = {
        "V1": r"^\s*V1 " + num + r" L, CL", "CL": r"^\s*V1 [0-9.]+ L, CL " + num + " L/h",
        "V2": r"^\s*V2 " + num + r" L, Q2", "Q2": r"^\s*V2 [0-9.]+ L, Q2 " + num + " L/h",
        "V3": r"^\s*V3 " + num + r" L, Q3", "Q3": r"^\s*V3 [0-9.]+ L, Q3 " + num + " L/h",
        "fraction": r"metabolite .*: fraction " + num + ",",
        "mmr": r"molar mass ratio " + num + ",",
        "mV1": r"metabolite .*ratio [0-9.]+, V1 " + num + " L",
        "mCL": r"metabolite .* V1 [0-9.]+ L, CL " + num + " L/h",
        "mV2": r"metabolite .*L/h, V2 " + num + " L",
        "mQ2": r"metabolite .*L/h, V2 [0-9.]+ L, Q2 " + num + " L/h",
        "t12ke0_min": r"effect site: ke0 [0-9.]+ /min \(t1/2ke0 " + num + " min\\)",
        "ke0_min": r"effect site: ke0 " + num + " /min",
        "om_V1": r"omega\^2\(V1\) " + num, "om_CL": r"omega\^2\(CL\) " + num,
        "om_cov_V1_CL": r"cov\(V1, CL\) " + num,
        "om_mV1": r"omega\^2\(metabolite V1\) " + num,
        "om_mCL": r"omega\^2\(metabolite CL\) " + num,
        "om_cov_mV1_mCL": r"cov\(metabolite V1, metabolite CL\) " + num,
        "scaling": r"weight scaling \(WT/70 kg\)",
    }
    card = {}
    for k, p in pats.items():
        m = re.search(p, out, re.M)
        if m is None:
            raise SystemExit(f"popcheck: cannot find {k} in `ketasim models fanta-otto`")
        card[k] = float(m.group(1)) if m.groups() else True
    iiv = re.findall(r"^\s*- (omega\^2|cov)\(", out, re.M)
    return card, out, len(iiv)


def model_from_card():
    card, _, n_iiv = read_card()
    say("== model card (`ketasim models fanta-otto`) vs the brief")
    par = dict(EXPECTED)
    om = dict(EXPECTED_OMEGA)
    notes = []
    for k, v in EXPECTED.items():
        if card[k] != v:
            notes.append(f"{k}: brief {v}, card {card[k]} (card used)")
            par[k] = card[k]
    for k, v in EXPECTED_OMEGA.items():
        if card["om_" + k] != v:
            notes.append(f"omega {k}: brief {v}, card {card['om_' + k]} (card used)")
            om[k] = card["om_" + k]
    ke0_h = math.log(2) / (par["t12ke0_min"] / 60.0)
    if abs(card["ke0_min"] - ke0_h / 60) > 5e-7:
        notes.append(f"ke0: card {card['ke0_min']} /min vs ln2/t1/2 {ke0_h / 60:.6f} /min")
    if n_iiv != 6:
        notes.append(f"card lists {n_iiv} IIV terms, brief has 6")
    for n in notes:
        say("  DIFFERENCE", n)
    say("  card matches the brief: " + ("yes" if not notes else "NO (see above)"))
    say("  (a 70 kg patient is the reference weight: no weight scaling applies)")
    par["ke0"] = ke0_h
    Omega = np.array([[om["V1"], om["cov_V1_CL"], 0, 0],
                      [om["cov_V1_CL"], om["CL"], 0, 0],
                      [0, 0, om["mV1"], om["cov_mV1_mCL"]],
                      [0, 0, om["cov_mV1_mCL"], om["mCL"]]], float)
    return par, Omega


# ------------------------------------------------------------------------------------------
# dosing


def rate_at(t):
    """pump rate (mg/h) holding on [t, t+) for the titration schedule."""
    if t < 0 or t >= TITR["duration"] - 1e-12:
        return 0.0
    k = math.floor(t / TITR["every"] + 1e-12)
    return min(TITR["start"] + k * TITR["increment"], TITR["max"])


def grid():
    n = int(round(T_END / STEP))
    t = np.arange(n + 1) * STEP
    # every rate change (multiples of 12 h and 96 h) must be on the grid for the 1-step scheme
    for b in np.arange(0, TITR["duration"] + 1e-9, TITR["every"]).tolist() + [TITR["duration"]]:
        assert abs(b / STEP - round(b / STEP)) < 1e-12
    rates = np.array([rate_at(x) for x in t])
    return t, rates


# ------------------------------------------------------------------------------------------
# own solver: exact piecewise-constant-input solution, batched over subjects

NS = 8  # A1 A2 A3 M1 M2 Ce AUCp AUCm


def system_matrices(par, eta):
    """eta: (n, 4) on [V1, CL, mV1, mCL]. Returns the (n, NS+1, NS+1) augmented matrices and
    the per-subject V1, mV1."""
    n = eta.shape[0]
    V1 = par["V1"] * np.exp(eta[:, 0])
    CL = par["CL"] * np.exp(eta[:, 1])
    mV1 = par["mV1"] * np.exp(eta[:, 2])
    mCL = par["mCL"] * np.exp(eta[:, 3])
    V2, Q2, V3, Q3 = par["V2"], par["Q2"], par["V3"], par["Q3"]
    mV2, mQ2 = par["mV2"], par["mQ2"]
    f = par["fraction"] * par["mmr"]
    ke0 = par["ke0"]
    M = np.zeros((n, NS + 1, NS + 1))
    M[:, 0, 0] = -(CL + Q2 + Q3) / V1
    M[:, 0, 1] = Q2 / V2
    M[:, 0, 2] = Q3 / V3
    M[:, 1, 0] = Q2 / V1
    M[:, 1, 1] = -Q2 / V2
    M[:, 2, 0] = Q3 / V1
    M[:, 2, 2] = -Q3 / V3
    M[:, 3, 0] = f * CL / V1
    M[:, 3, 3] = -(mCL + mQ2) / mV1
    M[:, 3, 4] = mQ2 / mV2
    M[:, 4, 3] = mQ2 / mV1
    M[:, 4, 4] = -mQ2 / mV2
    M[:, 5, 0] = ke0 * 1000.0 / V1          # Ce in ng/mL, Cp = 1000 A1/V1
    M[:, 5, 5] = -ke0
    M[:, 6, 0] = 1000.0 / V1                 # AUC of Cp (ng h/mL)
    M[:, 7, 3] = 1000.0 / mV1                # AUC of Cm
    M[:, 0, NS] = 1.0                        # input column: rate (mg/h) into A1
    return M, V1, mV1


def simulate(par, eta, t, rates, chunk=5000):
    """returns dict of (n, len(t)) arrays cp, cm, ce and (n,) auc_p, auc_m at t[-1]."""
    n = eta.shape[0]
    out = {k: np.empty((n, len(t))) for k in ("cp", "cm", "ce")}
    aucp, aucm = np.empty(n), np.empty(n)
    for s in range(0, n, chunk):
        e = eta[s:s + chunk]
        M, V1, mV1 = system_matrices(par, e)
        P = sla.expm(M * STEP)               # batched (m, 9, 9)
        E, g = P[:, :NS, :NS], P[:, :NS, NS]
        x = np.zeros((e.shape[0], NS))
        X = np.empty((len(t), e.shape[0], NS))
        X[0] = x
        for j in range(len(t) - 1):
            x = np.einsum("nij,nj->ni", E, x) + g * rates[j]
            X[j + 1] = x
        out["cp"][s:s + chunk] = (1000.0 * X[:, :, 0] / V1).T
        out["cm"][s:s + chunk] = (1000.0 * X[:, :, 3] / mV1).T
        out["ce"][s:s + chunk] = X[:, :, 5].T
        aucp[s:s + chunk] = X[-1, :, 6]
        aucm[s:s + chunk] = X[-1, :, 7]
    out["auc_p"], out["auc_m"] = aucp, aucm
    return out


def ivp_typical(par, t):
    """term-by-term RHS, DOP853, restarted at every rate change."""
    V1, CL, V2, Q2, V3, Q3 = (par[k] for k in ("V1", "CL", "V2", "Q2", "V3", "Q3"))
    mV1, mCL, mV2, mQ2 = (par[k] for k in ("mV1", "mCL", "mV2", "mQ2"))
    f, ke0 = par["fraction"] * par["mmr"], par["ke0"]

    def rhs(_, y, r):
        a1, a2, a3, m1, m2, ce = y
        cp = 1000.0 * a1 / V1
        return [r - CL * a1 / V1 - Q2 * (a1 / V1 - a2 / V2) - Q3 * (a1 / V1 - a3 / V3),
                Q2 * (a1 / V1 - a2 / V2),
                Q3 * (a1 / V1 - a3 / V3),
                f * CL * a1 / V1 - mCL * m1 / mV1 - mQ2 * (m1 / mV1 - m2 / mV2),
                mQ2 * (m1 / mV1 - m2 / mV2),
                ke0 * (cp - ce)]

    brk = sorted(set([0.0, T_END, TITR["duration"]]
                     + list(np.arange(0, TITR["duration"], TITR["every"]))))
    y = np.zeros(6)
    res = np.zeros((len(t), 6))
    for a, b in zip(brk[:-1], brk[1:]):
        te = t[(t >= a - 1e-12) & (t <= b + 1e-12)]
        sol = solve_ivp(rhs, (a, b), y, method="DOP853", rtol=1e-12, atol=1e-14,
                        t_eval=te, args=(rate_at(a),))
        assert sol.success
        idx = np.searchsorted(t, te - 1e-9)
        res[idx] = sol.y.T
        y = sol.y[:, -1]
    return {"cp": 1000.0 * res[:, 0] / V1, "cm": 1000.0 * res[:, 3] / mV1, "ce": res[:, 5]}


def reldiff(a, b):
    """max relative diff where |b| > ABS_DET, and max abs diff elsewhere."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    sig = np.abs(b) > ABS_DET
    r = float(np.max(np.abs(a[sig] - b[sig]) / np.abs(b[sig]))) if sig.any() else 0.0
    ab = float(np.max(np.abs(a[~sig] - b[~sig]))) if (~sig).any() else 0.0
    return r, ab


# ------------------------------------------------------------------------------------------
# quantiles and their standard errors


def hall_sheather(p, n, alpha=0.05):
    z = norm.ppf(p)
    za = norm.ppf(1 - alpha / 2)
    return n ** (-1 / 3) * za ** (2 / 3) * (1.5 * norm.pdf(z) ** 2 / (2 * z * z + 1)) ** (1 / 3)


def log_quantiles_and_se(C):
    """C: (n, rows) concentrations. Returns q (5, rows) percentiles of C (numpy linear) and
    se (5, rows): SE of ONE sample's quantile of log C (sqrt(p(1-p)/n) * sparsity)."""
    n = C.shape[0]
    Y = np.log(C)
    ps = np.array(PCTS) / 100.0
    hs = np.array([hall_sheather(p, n) for p in ps])
    qq = np.quantile(Y, np.concatenate([ps, ps - hs, ps + hs]), axis=0, method="linear")
    k = len(ps)
    qy, lo, hi = qq[:k], qq[k:2 * k], qq[2 * k:]
    spars = (hi - lo) / (2 * hs[:, None])
    se = np.sqrt(ps * (1 - ps) / n)[:, None] * spars
    return np.quantile(C, ps, axis=0, method="linear"), se, qy


def zscores(q_test, q_own, se_own, n_test, n_own):
    """z = d / SE(d), d = log q_test - log q_own (arrays (5, rows), t >= 1 h rows only)."""
    d = np.log(q_test) - np.log(q_own)
    se = se_own * np.sqrt(1.0 + n_own / n_test)     # SE_test^2 = SE_own^2 * n_own / n_test
    return d / se, d


def read_csv(path):
    with open(path, newline="") as fh:
        r = csv.reader(fh)
        head = next(r)
        rows = [row for row in r]
    return head, rows


# ------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=42, help="ketasim --seed")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--keep", help="write the scenario and ketasim outputs here (default: temp)")
    args = ap.parse_args()
    t0 = time.time()
    say(f"popcheck.py  (numpy {np.__version__}, scipy {__import__('scipy').__version__})")

    par, Omega = model_from_card()
    say(f"  parent  V1 {par['V1']} L, CL {par['CL']} L/h, V2 {par['V2']} L, Q2 {par['Q2']} L/h, "
        f"V3 {par['V3']} L, Q3 {par['Q3']} L/h")
    say(f"  metab.  fraction {par['fraction']}, mmr {par['mmr']}, V1 {par['mV1']} L, "
        f"CL {par['mCL']} L/h, V2 {par['mV2']} L, Q2 {par['mQ2']} L/h")
    say(f"  ke0 {par['ke0']:.9f} 1/h (t1/2 {par['t12ke0_min']} min)")
    say("  Omega [V1, CL, mV1, mCL] =\n" + "\n".join("    " + " ".join(f"{v:7.3f}" for v in r)
                                                      for r in Omega))

    tmp = None
    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="popcheck-")
        work = tmp.name
    scen = os.path.join(work, SCEN_ID + ".yaml")
    with open(scen, "w") as fh:
        fh.write(SCENARIO)
    say("\n== scenario " + scen)
    say("  " + SCENARIO.rstrip().replace("\n", "\n  "))

    # ---- A. run ketasim
    say("\n== A. ketasim")
    cmd_run = [KETASIM, "run", scen, "--out", os.path.join(work, "run")]
    cmd_pop = [KETASIM, "population", scen, "--n", str(args.n), "--seed", str(args.seed),
               "--threads", str(args.threads), "--out", os.path.join(work, "pop")]
    for cmd in (cmd_run, cmd_pop):
        ts = time.time()
        say("  $ (cd " + MAIN + " && " + " ".join(os.path.relpath(c, MAIN) if c == KETASIM else c
                                               for c in cmd) + ")")
        p = subprocess.run(cmd, cwd=MAIN, capture_output=True, text=True)
        for line in (p.stdout + p.stderr).strip().splitlines():
            say("    | " + line)
        say(f"    exit {p.returncode}, {time.time() - ts:.1f} s")
        if p.returncode != 0:
            raise SystemExit("popcheck: ketasim failed")

    t, rates = grid()
    rows_cmp = np.where(t >= 1.0 - 1e-12)[0]

    # ---- B. typical subject
    say("\n== B. typical subject (eta = 0)")
    typ = simulate(par, np.zeros((1, 4)), t, rates)
    ref = ivp_typical(par, t)
    for _, c in ANALYTES:
        r, a = reldiff(typ[c][0], ref[c])
        say(f"  B1 {c}: expm vs solve_ivp DOP853  max rel {r:.2e}, max abs(near 0) {a:.2e}  "
            + check(r < 1e-8 and a < 1e-9, f"B1 {c} vs solve_ivp"))
    head, rows = read_csv(os.path.join(work, "run", SCEN_ID, "timeseries.csv"))
    ts_t = np.array([float(r[head.index("time_h")]) for r in rows])
    ok_grid = len(ts_t) == len(t) and np.allclose(ts_t, t, rtol=0, atol=1e-9)
    say(f"  B2 grid: ketasim {len(ts_t)} rows, own {len(t)} rows  "
        + check(ok_grid, "B2 time grid"))
    if ok_grid:
        kr = np.array([float(r[head.index("rate_mg_per_h")]) for r in rows])
        say(f"  B2 rate_mg_per_h: max abs diff {np.max(np.abs(kr - rates)):.2e}  "
            + check(np.max(np.abs(kr - rates)) < 1e-12, "B2 rate"))
        for _, c in ANALYTES:
            kv = np.array([float(r[head.index(c + "_ng_per_ml")]) for r in rows])
            r_, a_ = reldiff(typ[c][0], kv)
            say(f"  B2 {c}: own vs ketasim run  max rel {r_:.2e}, max abs(near 0) {a_:.2e}  "
                + check(r_ <= REL_DET and a_ <= ABS_DET, f"B2 {c} vs ketasim run"))
    sh, srows = read_csv(os.path.join(work, "run", "summary.csv"))
    srow = [r for r in srows if r[sh.index("id")] == SCEN_ID][0]
    kauc = float(srow[sh.index("auc_ng_h_per_ml")])
    rr = abs(typ["auc_p"][0] - kauc) / kauc
    say(f"  B2 auc_ng_h_per_ml: own {typ['auc_p'][0]:.10g}, ketasim {kauc:.10g}, rel {rr:.2e}  "
        + check(rr <= REL_DET, "B2 auc"))

    # ---- C. population bands
    say(f"\n== C. population bands: own {args.n} subjects (numpy default_rng({POP_SEED})) vs "
        f"ketasim --n {args.n} --seed {args.seed}")
    ts = time.time()
    L = np.linalg.cholesky(Omega)
    rng = np.random.default_rng(POP_SEED)
    eta_own = rng.standard_normal((args.n, 4)) @ L.T
    sim_own = simulate(par, eta_own, t, rates)
    say(f"  own simulation of {args.n} subjects: {time.time() - ts:.1f} s")

    bh, brows = read_csv(os.path.join(work, "pop", SCEN_ID, "population_bands.csv"))
    bt = np.array([float(r[bh.index("time_h")]) for r in brows])
    bseed = {r[bh.index("seed")] for r in brows}
    okg = len(bt) == len(t) and np.allclose(bt, t, atol=1e-9)
    say(f"  bands file: {len(bt)} rows, seed column {sorted(bseed)}  "
        + check(okg and bseed == {str(args.seed)}, "C bands grid/seed"))
    if not okg:
        raise SystemExit("popcheck: band rows do not match the grid")
    kq = {}
    for a, _ in ANALYTES:
        kq[a] = np.array([[float(r[bh.index(f"{a}_p{p}_ng_per_ml")]) for r in brows]
                          for p in PCTS])

    say("  tolerance: |log q_k - log q_own| <= 4.5 * SE(d),  SE(d) = sqrt(SE_own^2 + SE_k^2)")
    say("             SE_one = sqrt(p(1-p)/n) * (Q_logC(p+h) - Q_logC(p-h)) / (2h), h Hall-Sheather,")
    say("             from our own sample; SE_k = SE_own (n_k = n_own), so SE(d) = sqrt(2) SE_one")
    say(f"  rows compared: t >= 1 h ({len(rows_cmp)} rows x 5 percentiles x 3 analytes)")

    Ccmp = {c: (sim_own[c][:, rows_cmp]) for _, c in ANALYTES}      # t >= 1 h only (no zeros)
    kcmp = {a: kq[a][:, rows_cmp] for a, _ in ANALYTES}
    tc = t[rows_cmp]
    own = {a: log_quantiles_and_se(Ccmp[c]) for a, c in ANALYTES}

    say(f"\n  C0. calibration of SE_one: {N_REP} more independent own samples of {args.n}"
        f" (default_rng({REP_SEED0} + r)); empirical SD of log q across them / mean SE_one")
    ts = time.time()
    rep = {a: [] for a, _ in ANALYTES}
    rep_se = {a: [] for a, _ in ANALYTES}
    for r in range(N_REP):
        rr = np.random.default_rng(REP_SEED0 + r)
        s_r = simulate(par, rr.standard_normal((args.n, 4)) @ L.T, t, rates)
        for a, c in ANALYTES:
            q_r, se_r, qy_r = log_quantiles_and_se(s_r[c][:, rows_cmp])
            rep[a].append(qy_r)
            rep_se[a].append(se_r)
            if r == 0:
                z0, _ = zscores(q_r, own[a][0], own[a][1], args.n, args.n)
                rep.setdefault("null", []).append(z0)
    say(f"      ({time.time() - ts:.1f} s)   analyte     median ratio per percentile"
        f" p5 p25 p50 p75 p95   [min, max over rows]")
    cal_ok = True
    for a, _ in ANALYTES:
        emp = np.std(np.array(rep[a]), axis=0, ddof=1)
        ratio = emp / np.mean(np.array(rep_se[a]), axis=0)
        med = np.median(ratio, axis=1)
        cal_ok &= bool(np.all((med > 0.75) & (med < 1.33)))
        say(f"      {a:<11s} " + " ".join(f"{m:5.2f}" for m in med)
            + f"   [{ratio.min():.2f}, {ratio.max():.2f}]")
    say("      (1 = the spacing formula is exact; a 30-replicate SD is itself +-13 %; pass if every"
        " median is in 0.75..1.33)  " + check(cal_ok, "C0 SE calibration"))
    zn = np.concatenate([z.ravel() for z in rep["null"]])
    say(f"      null comparison, replicate 1 vs own sample (same test as C1): mean z {zn.mean():+.3f},"
        f" SD {zn.std():.3f}, max |z| {np.abs(zn).max():.2f}, worst ratio "
        f"{np.abs(zn).max() / K_SE:.3f}  " + check(np.abs(zn).max() <= K_SE, "C0 null run"))

    say("\n  C1. ketasim vs own: worst ratio |d| / (4.5 SE(d)) per analyte and percentile"
        " (pass: <= 1)")
    say("      analyte     pct   worst   at t(h)   d=log(k/own)  SE(d)     mean z   "
        "q_k at worst   q_own at worst")
    zs_k = []
    for a, c in ANALYTES:
        q1, se1, _ = own[a]
        z, d = zscores(kcmp[a], q1, se1, args.n, args.n)
        zs_k.append(z)
        for i, p in enumerate(PCTS):
            j = int(np.argmax(np.abs(z[i])))
            ratio = abs(z[i, j]) / K_SE
            sed = se1[i, j] * math.sqrt(2)
            say(f"      {a:<11s} p{p:<3d} {ratio:6.3f}   {tc[j]:6.1f}    {d[i, j]:+.5f}     "
                f"{sed:.5f}   {z[i].mean():+.3f}   {kcmp[a][i, j]:12.5f}   {q1[i, j]:12.5f}  "
                + check(ratio <= 1.0, f"C1 {a} p{p}"))
    zk = np.concatenate([z.ravel() for z in zs_k])
    say(f"      all {zk.size} values: mean z {zk.mean():+.3f}, SD {zk.std():.3f}, "
        f"max |z| {np.abs(zk).max():.2f}, overall worst ratio {np.abs(zk).max() / K_SE:.3f}")
    say("      (the t = 0 row, not compared: ketasim bands all "
        + ("zero" if all(np.all(kq[a][:, 0] == 0) for a, _ in ANALYTES) else "NOT zero")
        + "; own solution zero)")

    say("\n  C2. power (information, not a pass criterion): the C1 test applied to own samples of"
        " WRONG variants;")
    say("      each should be rejected (worst ratio > 1) if the test can see such an error")
    variants = []
    Om0 = Omega.copy()
    Om0[0, 1] = Om0[1, 0] = Om0[2, 3] = Om0[3, 2] = 0.0
    variants.append(("correlations dropped", Om0, None, 1.0))
    variants.append(("omegas read as SDs (var = omega^2)", Omega * np.abs(Omega), None, 1.0))
    variants.append(("Omega x 1.1 (all IIV 10 % larger in variance)", Omega * 1.1, None, 1.0))
    variants.append(("proportional residual error added (sigma^2 0.0557 / 0.0203)", Omega,
                     (0.0557, 0.0203), 1.0))
    variants.append(("typical CL 2 % higher", Omega, None, 1.02))
    for name, Om_v, resid, fcl in variants:
        rv = np.random.default_rng(POWER_SEED)
        e_v = rv.standard_normal((args.n, 4)) @ np.linalg.cholesky(Om_v).T
        par_v = dict(par, CL=par["CL"] * fcl)
        s_v = simulate(par_v, e_v, t, rates)
        if resid:
            s_v["cp"] = s_v["cp"] * np.exp(math.sqrt(resid[0]) * rv.standard_normal(s_v["cp"].shape))
            s_v["cm"] = s_v["cm"] * np.exp(math.sqrt(resid[1]) * rv.standard_normal(s_v["cm"].shape))
        w = 0.0
        for a, c in ANALYTES:
            qv = np.quantile(s_v[c][:, rows_cmp], np.array(PCTS) / 100, axis=0, method="linear")
            z, _ = zscores(qv, own[a][0], own[a][1], args.n, args.n)
            w = max(w, float(np.abs(z).max() / K_SE))
        say(f"      {name:<62s} worst ratio {w:7.2f}  {'rejected' if w > 1 else 'NOT rejected'}")

    # ---- D. supplementary, per subject
    say("\n== D. supplementary: ketasim's population_subjects.csv")
    sh, srows = read_csv(os.path.join(work, "pop", SCEN_ID, "population_subjects.csv"))
    col = {k: sh.index(k) for k in sh}
    S = lambda k: np.array([float(r[col[k]]) for r in srows])  # noqa: E731
    eta_k = np.column_stack([S("eta_V1"), S("eta_CL"), S("eta_metabolite_V1"),
                             S("eta_metabolite_CL")])
    n_k = eta_k.shape[0]
    wk = S("weight_kg")
    say(f"  {n_k} subjects, weight_kg all 70: {bool(np.all(wk == 70.0))}  "
        + check(n_k == args.n and np.all(wk == 70.0), "D subjects/weight"))
    mean = eta_k.mean(axis=0)
    cov = np.cov(eta_k, rowvar=False)
    names = ["V1", "CL", "mV1", "mCL"]
    worst = (0.0, "")
    for i in range(4):
        r_ = abs(mean[i]) / (K_SE * math.sqrt(Omega[i, i] / n_k))
        worst = max(worst, (r_, f"mean {names[i]} {mean[i]:+.4f}"))
        for j in range(i, 4):
            se = math.sqrt((Omega[i, j] ** 2 + Omega[i, i] * Omega[j, j]) / n_k)
            r_ = abs(cov[i, j] - Omega[i, j]) / (K_SE * se)
            worst = max(worst, (r_, f"cov({names[i]},{names[j]}) {cov[i, j]:.4f} vs "
                                    f"{Omega[i, j]:.4f}"))
    say("  D1 sample covariance of ketasim's etas:\n" + "\n".join(
        "    " + " ".join(f"{v:8.4f}" for v in r) for r in cov))
    say(f"     means {np.array2string(mean, precision=4)}; worst |diff|/(4.5 SE) {worst[0]:.3f}"
        f" ({worst[1]})  " + check(worst[0] <= 1.0, "D1 eta moments"))

    ts = time.time()
    sim_k = simulate(par, eta_k, t, rates)
    say(f"  D2 re-simulated ketasim's {n_k} subjects from their etas ({time.time() - ts:.1f} s)")
    cp = sim_k["cp"]
    jmax = np.argmax(cp, axis=1)
    mine = {"cmax_ng_per_ml": cp.max(axis=1), "tmax_h": t[jmax],
            "auc_ng_h_per_ml": sim_k["auc_p"],
            "cmax_metabolite_ng_per_ml": sim_k["cm"].max(axis=1),
            "auc_metabolite_ng_h_per_ml": sim_k["auc_m"],
            "cmax_effect_ng_per_ml": sim_k["ce"].max(axis=1),
            "total_dose_mg": np.full(n_k, float(np.sum(rates[:-1] * STEP)))}
    for k, v in mine.items():
        r_, a_ = reldiff(v, S(k))
        say(f"     {k:<28s} max rel {r_:.2e}  "
            + check(r_ <= REL_DET and a_ <= ABS_DET, f"D2 {k}"))
    for a, c in ANALYTES:
        qk = np.quantile(sim_k[c], np.array(PCTS) / 100, axis=0, method="linear")
        r_, a_ = reldiff(qk, kq[a])
        say(f"     bands {a:<10s} recomputed from ketasim's etas: max rel {r_:.2e}, "
            f"max abs(near 0) {a_:.2e}  " + check(r_ <= REL_DET and a_ <= ABS_DET,
                                                   f"D2 bands {a}"))

    say(f"\n== result: {'PASS' if not FAILS else 'FAIL'}"
        + ("" if not FAILS else " (" + "; ".join(FAILS) + ")")
        + f"   [{time.time() - t0:.1f} s]")
    if tmp:
        tmp.cleanup()
    return 0 if not FAILS else 1


if __name__ == "__main__":
    sys.exit(main())
