#!/usr/bin/env python3
"""Independent reference solver for ketasim scenario files (format v1, inline models only).

Written from /work/shared/docs/scenario-format.md alone.

    python3 refsolver.py FILE... --out DIR [--mp [--dps 40]]

Writes DIR/<id>/timeseries.csv and DIR/summary.csv as the output contract says.

Method: every time (dose times, durations, output grid) is kept as an exact rational number
(fractions.Fraction, parsed from the decimal text), so "is this row at a bolus time" and "does the
duration fall on the grid" are decided exactly. The linear system x' = A x + b(t) (amounts in mg,
time in h, volumes in L; plus an effect-site state and an AUC state, both in mg/L) is solved
piecewise between the union of all breakpoints with the exponential of the augmented matrix
[[A, b], [0, 0]] * h (scipy.linalg.expm in double precision, or mpmath.expm at --dps digits with
--mp).

Exit codes: 0 ok, 2 bad input (message names file, line and key), 1 internal error.
"""
import argparse
import csv
import difflib
import math
import os
import re
import sys
from fractions import Fraction as Fr

import yaml

# ----------------------------------------------------------------------------------------------
# errors


class ScenarioError(Exception):
    def __init__(self, path, node, key, msg):
        line = node.start_mark.line + 1 if node is not None else None
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {key}: {msg}" if key else f"{where}: {msg}")


# ----------------------------------------------------------------------------------------------
# units (internal: mg, h, L, mg/h, L/h, 1/h; concentrations mg/L internally, ng/mL on output)

MICRO = ("ug", "\u00b5g", "\u03bcg", "mcg")   # ug, micro sign, greek mu, mcg
K = Fr(1, 1000)


def _with_micro(table):
    """Add the aliases of ug (µg, mcg) wherever ug appears."""
    out = dict(table)
    for u, v in table.items():
        if u.startswith("ug"):
            for alias in MICRO[1:]:
                out[alias + u[2:]] = v
    return out


UNITS = {
    # kind: {unit: (factor to internal, per_kg)}
    "mass": _with_micro({"mg": (Fr(1), False), "ug": (K, False), "g": (Fr(1000), False),
                         "mg/kg": (Fr(1), True), "ug/kg": (K, True)}),
    "rate": _with_micro({"mg/h": (Fr(1), False), "mg/min": (Fr(60), False), "mg/d": (Fr(1, 24), False),
                         "ug/min": (60 * K, False), "ug/h": (K, False),
                         "mg/kg/h": (Fr(1), True), "mg/kg/min": (Fr(60), True),
                         "mg/kg/d": (Fr(1, 24), True), "ug/kg/min": (60 * K, True),
                         "ug/kg/h": (K, True)}),
    "time": {"s": (Fr(1, 3600), False), "min": (Fr(1, 60), False), "h": (Fr(1), False),
             "d": (Fr(24), False), "wk": (Fr(168), False),
             "month": (Fr(304375, 10000) * 24, False)},
    "volume": {"L": (Fr(1), False), "mL": (K, False)},
    "flow": {"L/h": (Fr(1), False), "L/min": (Fr(60), False), "mL/min": (60 * K, False)},
    "rate constant": {"1/h": (Fr(1), False), "1/min": (Fr(60), False)},
    "body weight": {"kg": (Fr(1), False)},
    "concentration": {"ng/mL": (Fr(1), False), "mg/L": (Fr(1000), False)},
}

NUM_RE = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"

EXTRAVASCULAR = ("oral", "sublingual", "intranasal", "sc", "iontophoretic")
ROUTES = ("iv",) + EXTRAVASCULAR


def _fraction_of(text):
    """Exact rational value of a decimal/scientific number text."""
    m = re.match(r"^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$", text)
    sign, ip, fp, ex = m.group(1), m.group(2) or "0", m.group(3) or "", m.group(4)
    v = Fr(int(ip + fp), 10 ** len(fp)) if (ip + fp) else Fr(0)
    if ex:
        v *= Fr(10) ** int(ex)
    return -v if sign == "-" else v


class Ctx:
    """Parsing context: file path and helpers that read YAML nodes with line numbers."""

    def __init__(self, path):
        self.path = path

    def err(self, node, key, msg):
        return ScenarioError(self.path, node, key, msg)

    def mapping(self, node, key, allowed, required=()):
        if not isinstance(node, yaml.MappingNode):
            raise self.err(node, key, "expected a map")
        out = {}
        for kn, vn in node.value:
            if not isinstance(kn, yaml.ScalarNode):
                raise self.err(kn, key, "map keys must be plain names")
            k = kn.value
            if k in out:
                raise self.err(kn, f"{key}.{k}" if key else k, "duplicate key")
            if k not in allowed:
                close = difflib.get_close_matches(k, list(allowed), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise self.err(kn, f"{key}.{k}" if key else k, f"unknown key{hint}")
            out[k] = vn
        for r in required:
            if r not in out:
                raise self.err(node, f"{key}.{r}" if key else r, "required key is missing")
        return out

    def text(self, node, key):
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            raise self.err(node, key, "expected a text value")
        return node.value

    def choice(self, node, key, options):
        v = self.text(node, key)
        if v not in options:
            raise self.err(node, key, f"'{v}' is not one of {', '.join(options)}")
        return v

    def number(self, node, key, lo=None, hi=None, lo_open=False, integer=False):
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (INT_TAG, FLOAT_TAG) \
                or not NUM_RE.match(node.value.replace("_", "")):
            raise self.err(node, key, f"expected a plain number, got '{getattr(node, 'value', '')}'")
        if integer and node.tag != INT_TAG:
            raise self.err(node, key, f"expected a whole number, got '{node.value}'")
        v = _fraction_of(node.value.replace("_", ""))
        self._range(node, key, v, lo, hi, lo_open)
        return v

    def _range(self, node, key, v, lo, hi, lo_open, shown=None):
        shown = shown or node.value
        if lo is not None and (v < lo or (lo_open and v == lo)):
            raise self.err(node, key, f"must be {'>' if lo_open else '>='} {lo}, got {shown}")
        if hi is not None and v > hi:
            raise self.err(node, key, f"must be <= {hi}, got {shown}")

    def quantity(self, node, key, kind, weight=None, lo=Fr(0), lo_open=False):
        """Parse '<number> <unit>' of the given kind; returns an exact Fraction in internal units.
        Weight-normalised units are multiplied by `weight` (kg)."""
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR_TAG:
            raise self.err(node, key, f"expected a {kind} quantity like '<number> <unit>', "
                                      f"got '{getattr(node, 'value', '')}' (missing unit?)")
        parts = node.value.split(" ")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise self.err(node, key, f"'{node.value}' is not '<number> <unit>' (one space)")
        num, unit = parts
        if not NUM_RE.match(num):
            raise self.err(node, key, f"'{num}' is not a finite number")
        table = UNITS[kind]
        if unit not in table:
            for other, t in UNITS.items():
                if unit in t:
                    raise self.err(node, key, f"'{unit}' is a {other} unit, a {kind} is needed here")
            raise self.err(node, key, f"unknown {kind} unit '{unit}' (known: {', '.join(table)})")
        factor, per_kg = table[unit]
        v = _fraction_of(num)
        self._range(node, key, v, lo, None, lo_open)
        v *= factor
        if per_kg:
            if weight is None:
                raise self.err(node, key, f"'{unit}' is per kg, not allowed here")
            v *= weight
        return v


# ----------------------------------------------------------------------------------------------
# scenario objects


class Segment:
    """Constant pump rate `rate` (mg/h) on [start, end) via `route`."""

    def __init__(self, start, end, rate, route):
        self.start, self.end, self.rate, self.route = start, end, rate, route


class Bolus:
    def __init__(self, time, amount, route):
        self.time, self.amount, self.route = time, amount, route


class Scenario:
    pass


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    ctx = Ctx(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ScenarioError(f"{path}{line}", None, None, f"YAML syntax error: {e}")
    if root is None:
        raise ScenarioError(path, None, None, "empty file")
    top = ctx.mapping(root, "", ("id", "title", "source", "notes", "drug", "model", "patient",
                                 "regimen", "simulation"),
                      ("model", "patient", "regimen", "simulation"))
    sc = Scenario()
    sc.path = path
    sc.id = ctx.text(top["id"], "id") if "id" in top else \
        os.path.splitext(os.path.basename(path))[0]
    if not re.match(r"^[A-Za-z0-9._-]+$", sc.id) or sc.id in (".", ".."):
        raise ctx.err(top.get("id"), "id", f"'{sc.id}' cannot be a folder name")
    for k in ("title", "source", "notes"):
        if k in top:
            ctx.text(top[k], k)
    sc.drug = ctx.choice(top["drug"], "drug", ("esketamine", "ketamine")) if "drug" in top \
        else "esketamine"

    pat = ctx.mapping(top["patient"], "patient", ("weight",), ("weight",))
    sc.weight = ctx.quantity(pat["weight"], "patient.weight", "body weight", lo=Fr(0), lo_open=True)

    sc.model = parse_model(ctx, top["model"])
    sim = ctx.mapping(top["simulation"], "simulation", ("duration", "step"), ("duration", "step"))
    sc.duration = ctx.quantity(sim["duration"], "simulation.duration", "time", lo_open=True)
    sc.step = ctx.quantity(sim["step"], "simulation.step", "time", lo_open=True)
    parse_regimen(ctx, top["regimen"], sc)
    return sc


def parse_model(ctx, node):
    if isinstance(node, yaml.ScalarNode):
        raise ctx.err(node, "model", f"built-in model '{node.value}': the reference solver "
                                     "supports inline models only")
    m = ctx.mapping(node, "model", ("name", "compartments", "scaling", "routes", "metabolite",
                                    "effect"), ("compartments",))
    model = {"name": ctx.text(m["name"], "model.name") if "name" in m else None}
    c = ctx.mapping(m["compartments"], "model.compartments",
                    ("V1", "CL", "V2", "Q2", "V3", "Q3"), ("V1", "CL"))
    P = {}
    for k, vn in c.items():
        kind = "volume" if k.startswith("V") else "flow"
        P[k] = ctx.quantity(vn, f"model.compartments.{k}", kind, lo_open=True)
    if ("V2" in c) != ("Q2" in c):
        raise ctx.err(m["compartments"], "model.compartments", "V2 and Q2 go together")
    if ("V3" in c) != ("Q3" in c):
        raise ctx.err(m["compartments"], "model.compartments", "V3 and Q3 go together")
    if "V3" in c and "V2" not in c:
        raise ctx.err(m["compartments"], "model.compartments", "V3/Q3 need V2/Q2")
    model["pk"] = P

    if "scaling" in m:
        s = ctx.mapping(m["scaling"], "model.scaling", ("reference_weight", "volumes", "clearances"),
                        ("reference_weight", "volumes", "clearances"))
        model["scaling"] = (
            ctx.quantity(s["reference_weight"], "model.scaling.reference_weight", "body weight",
                         lo_open=True),
            ctx.number(s["volumes"], "model.scaling.volumes"),
            ctx.number(s["clearances"], "model.scaling.clearances"))
    else:
        model["scaling"] = None

    model["routes"] = {}
    if "routes" in m:
        r = ctx.mapping(m["routes"], "model.routes", EXTRAVASCULAR)
        for name, rn in r.items():
            key = f"model.routes.{name}"
            rr = ctx.mapping(rn, key, ("F", "ka", "lag"), ("F", "ka"))
            model["routes"][name] = (
                ctx.number(rr["F"], key + ".F", lo=Fr(0), hi=Fr(1)),
                ctx.quantity(rr["ka"], key + ".ka", "rate constant", lo_open=True),
                ctx.quantity(rr["lag"], key + ".lag", "time") if "lag" in rr else Fr(0))

    model["met"] = None
    if "metabolite" in m:
        mm = ctx.mapping(m["metabolite"], "model.metabolite",
                         ("name", "fraction", "molar_mass_ratio", "V1", "CL", "V2", "Q2"),
                         ("fraction", "V1", "CL"))
        if ("V2" in mm) != ("Q2" in mm):
            raise ctx.err(m["metabolite"], "model.metabolite", "V2 and Q2 go together")
        met = {"fraction": ctx.number(mm["fraction"], "model.metabolite.fraction", Fr(0), Fr(1)),
               "mmr": ctx.number(mm["molar_mass_ratio"], "model.metabolite.molar_mass_ratio",
                                 lo=Fr(0), lo_open=True) if "molar_mass_ratio" in mm else Fr(1)}
        for k in ("V1", "CL", "V2", "Q2"):
            if k in mm:
                met[k] = ctx.quantity(mm[k], f"model.metabolite.{k}",
                                      "volume" if k.startswith("V") else "flow", lo_open=True)
        if "name" in mm:
            ctx.text(mm["name"], "model.metabolite.name")
        model["met"] = met

    model["ke0"] = None
    if "effect" in m:
        e = ctx.mapping(m["effect"], "model.effect", ("ke0",), ("ke0",))
        model["ke0"] = ctx.quantity(e["ke0"], "model.effect.ke0", "rate constant", lo_open=True)
    return model


def parse_regimen(ctx, node, sc):
    r = ctx.mapping(node, "regimen", ("doses", "route", "setting", "repeat"), ("doses",))
    if "setting" in r:
        ctx.choice(r["setting"], "regimen.setting", ("inpatient", "outpatient"))
    default_route = ctx.choice(r["route"], "regimen.route", ROUTES) if "route" in r else "iv"
    dn = r["doses"]
    if not isinstance(dn, yaml.SequenceNode):
        raise ctx.err(dn, "regimen.doses", "expected a list of doses")
    if not dn.value:
        raise ctx.err(dn, "regimen.doses", "the list of doses is empty")
    w = sc.weight
    boluses, segments = [], []
    for i, item in enumerate(dn.value):
        key = f"regimen.doses[{i}]"
        d = ctx.mapping(item, key, ("bolus", "infusion", "steps", "at", "route", "over"))
        kinds = [k for k in ("bolus", "infusion", "steps") if k in d]
        if len(kinds) != 1:
            raise ctx.err(item, key, "each dose needs exactly one of bolus, infusion, steps"
                          + (f" (found {', '.join(kinds)})" if kinds else ""))
        kind = kinds[0]
        at = ctx.quantity(d["at"], key + ".at", "time") if "at" in d else Fr(0)
        route = ctx.choice(d["route"], key + ".route", ROUTES) if "route" in d else default_route
        if route != "iv" and route not in sc.model["routes"]:
            where = (d["route"], key + ".route") if "route" in d else (r["route"], "regimen.route")
            raise ctx.err(where[0], where[1], f"route '{route}' has no entry in model.routes")
        if "over" in d and kind != "bolus":
            raise ctx.err(d["over"], key + ".over", "'over' belongs to a bolus")
        if kind == "bolus":
            amount = ctx.quantity(d["bolus"], key + ".bolus", "mass", weight=w)
            if "over" in d:
                over = ctx.quantity(d["over"], key + ".over", "time", lo_open=True)
                segments.append(Segment(at, at + over, amount / over, route))
            else:
                boluses.append(Bolus(at, amount, route))
        elif kind == "infusion":
            inf = d["infusion"]
            names = ctx.mapping(inf, key + ".infusion",
                                ("rate", "duration", "start", "increment", "every", "max"))
            ik = key + ".infusion"
            if "rate" in names:
                extra = [k for k in ("start", "increment", "every", "max") if k in names]
                if extra:
                    raise ctx.err(inf, ik, f"'rate' (constant infusion) cannot go with "
                                           f"{', '.join(extra)} (titration)")
                ctx.mapping(inf, ik, ("rate", "duration"), ("rate", "duration"))
                rate = ctx.quantity(names["rate"], ik + ".rate", "rate", weight=w)
                dur = ctx.quantity(names["duration"], ik + ".duration", "time", lo_open=True)
                segments.append(Segment(at, at + dur, rate, route))
            else:
                ctx.mapping(inf, ik, ("start", "increment", "every", "duration", "max"),
                            ("start", "increment", "every", "duration"))
                start = ctx.quantity(names["start"], ik + ".start", "rate", weight=w)
                inc = ctx.quantity(names["increment"], ik + ".increment", "rate", weight=w)
                every = ctx.quantity(names["every"], ik + ".every", "time", lo_open=True)
                dur = ctx.quantity(names["duration"], ik + ".duration", "time", lo_open=True)
                mx = ctx.quantity(names["max"], ik + ".max", "rate", weight=w) \
                    if "max" in names else None
                k = 0
                while k * every < dur:
                    rate = start + k * inc
                    if mx is not None and rate > mx:
                        rate = mx
                    segments.append(Segment(at + k * every, at + min((k + 1) * every, dur), rate,
                                            route))
                    k += 1
        else:
            sn = d["steps"]
            if not isinstance(sn, yaml.SequenceNode) or not sn.value:
                raise ctx.err(sn, key + ".steps", "expected a non-empty list of {rate, for}")
            t = at
            for j, st in enumerate(sn.value):
                sk = f"{key}.steps[{j}]"
                s = ctx.mapping(st, sk, ("rate", "for"), ("rate", "for"))
                rate = ctx.quantity(s["rate"], sk + ".rate", "rate", weight=w)
                dur = ctx.quantity(s["for"], sk + ".for", "time", lo_open=True)
                segments.append(Segment(t, t + dur, rate, route))
                t += dur
    if "repeat" in r:
        rp = ctx.mapping(r["repeat"], "regimen.repeat", ("every", "count"), ("every", "count"))
        every = ctx.quantity(rp["every"], "regimen.repeat.every", "time", lo_open=True)
        count = int(ctx.number(rp["count"], "regimen.repeat.count", lo=Fr(1), integer=True))
        boluses = [Bolus(b.time + c * every, b.amount, b.route)
                   for c in range(count) for b in boluses]
        segments = [Segment(s.start + c * every, s.end + c * every, s.rate, s.route)
                    for c in range(count) for s in segments]
    sc.boluses, sc.segments = boluses, segments


# ----------------------------------------------------------------------------------------------
# numerics backends


class FloatBackend:
    name = "float"

    def __init__(self):
        import numpy as np
        import scipy.linalg
        self.np, self.expm_ = np, scipy.linalg.expm

    def num(self, fr):
        return float(fr)

    def pow(self, a, b):
        return a ** b

    def zeros(self, n, m=None):
        return self.np.zeros((n, m)) if m is not None else self.np.zeros(n)

    def propagator(self, A, b, h):
        n = len(b)
        M = self.np.zeros((n + 1, n + 1))
        M[:n, :n] = A
        M[:n, n] = b
        E = self.expm_(M * h)
        return E[:n, :n].copy(), E[:n, n].copy()

    def apply(self, P, x):
        E, c = P
        return E @ x + c

    def tofloat(self, v):
        return float(v)


class MpBackend:
    name = "mp"

    def __init__(self, dps):
        import mpmath
        self.mp = mpmath
        mpmath.mp.dps = dps

    def num(self, fr):
        return self.mp.mpf(fr.numerator) / fr.denominator

    def pow(self, a, b):
        return self.mp.power(a, b)

    def zeros(self, n, m=None):
        if m is None:
            return [self.mp.mpf(0)] * n
        return [[self.mp.mpf(0)] * m for _ in range(n)]

    def propagator(self, A, b, h):
        n = len(b)
        M = self.mp.matrix(n + 1, n + 1)
        for i in range(n):
            for j in range(n):
                M[i, j] = A[i][j] * h
            M[i, n] = b[i] * h
        E = self.mp.expm(M)
        return ([[E[i, j] for j in range(n)] for i in range(n)], [E[i, n] for i in range(n)])

    def apply(self, P, x):
        E, c = P
        n = len(x)
        return [self.mp.fsum(E[i][j] * x[j] for j in range(n)) + c[i] for i in range(n)]

    def tofloat(self, v):
        return float(v)


# ----------------------------------------------------------------------------------------------
# the linear system


def build_system(sc, be):
    """Return (A, index map, params) for the scenario in backend numbers. Units: mg, L, h."""
    m = sc.model
    if m["scaling"]:
        ref, ev, ec = m["scaling"]
        ratio = be.num(sc.weight) / be.num(ref)
        fv, fc = be.pow(ratio, be.num(ev)), be.pow(ratio, be.num(ec))
    else:
        fv = fc = be.num(Fr(1))
    P = {k: be.num(v) * (fv if k.startswith("V") else fc) for k, v in m["pk"].items()}
    idx = {"A1": 0}
    n = 1
    for k in ("2", "3"):
        if "V" + k in P:
            idx["A" + k] = n
            n += 1
    used = sorted({s.route for s in sc.segments} | {b.route for b in sc.boluses})
    for r in used:
        if r != "iv":
            idx["D_" + r] = n
            n += 1
    met = None
    if m["met"]:
        mm = m["met"]
        met = {k: be.num(v) * (fv if k.startswith("V") else fc)
               for k, v in mm.items() if k in ("V1", "CL", "V2", "Q2")}
        idx["M1"] = n
        n += 1
        if "V2" in met:
            idx["M2"] = n
            n += 1
    if m["ke0"] is not None:
        idx["CE"] = n
        n += 1
    idx["AUC"] = n
    n += 1

    A = be.zeros(n, n)
    V1, CL = P["V1"], P["CL"]
    a1 = idx["A1"]
    A[a1][a1] = A[a1][a1] - CL / V1
    for k in ("2", "3"):
        if "V" + k in P:
            V, Q, ak = P["V" + k], P["Q" + k], idx["A" + k]
            A[a1][a1] = A[a1][a1] - Q / V1
            A[a1][ak] = A[a1][ak] + Q / V
            A[ak][a1] = A[ak][a1] + Q / V1
            A[ak][ak] = A[ak][ak] - Q / V
    for r in used:
        if r != "iv":
            ka = be.num(m["routes"][r][1])
            d = idx["D_" + r]
            A[d][d] = A[d][d] - ka
            A[a1][d] = A[a1][d] + ka
    if met:
        m1 = idx["M1"]
        A[m1][a1] = A[m1][a1] + be.num(m["met"]["fraction"]) * be.num(m["met"]["mmr"]) * CL / V1
        A[m1][m1] = A[m1][m1] - met["CL"] / met["V1"]
        if "M2" in idx:
            m2 = idx["M2"]
            A[m1][m1] = A[m1][m1] - met["Q2"] / met["V1"]
            A[m1][m2] = A[m1][m2] + met["Q2"] / met["V2"]
            A[m2][m1] = A[m2][m1] + met["Q2"] / met["V1"]
            A[m2][m2] = A[m2][m2] - met["Q2"] / met["V2"]
    if "CE" in idx:
        ke0, ce = be.num(m["ke0"]), idx["CE"]
        A[ce][a1] = A[ce][a1] + ke0 / V1
        A[ce][ce] = A[ce][ce] - ke0
    A[idx["AUC"]][a1] = A[idx["AUC"]][a1] + 1 / V1
    if be.name == "float":
        A = be.np.array(A, dtype=float)
    return A, idx, P, met, n


def depot_window(sc, route):
    """(F, lag) of a route; iv is (1, 0)."""
    if route == "iv":
        return Fr(1), Fr(0)
    F, _ka, lag = sc.model["routes"][route]
    return F, lag


def output_times(sc):
    times, k = [], 0
    while k * sc.step < sc.duration:
        times.append(k * sc.step)
        k += 1
    times.append(sc.duration)
    return times


def pump_rate(sc, t):
    return sum((s.rate for s in sc.segments if s.start <= t < s.end), Fr(0))


def total_dose(sc):
    tot = sum((b.amount for b in sc.boluses if Fr(0) <= b.time <= sc.duration), Fr(0))
    for s in sc.segments:
        lo, hi = max(s.start, Fr(0)), min(s.end, sc.duration)
        if hi > lo:
            tot += s.rate * (hi - lo)
    return tot


def simulate(sc, be):
    A, idx, P, met, n = build_system(sc, be)
    T = sc.duration
    outs = output_times(sc)
    # inputs in state coordinates: (start, end, state index, amount rate mg/h) and jumps
    inputs = []
    for s in sc.segments:
        F, lag = depot_window(sc, s.route)
        tgt = idx["A1"] if s.route == "iv" else idx["D_" + s.route]
        inputs.append((s.start + lag, s.end + lag, tgt, s.rate * F))
    jumps = []
    for b in sc.boluses:
        F, lag = depot_window(sc, b.route)
        tgt = idx["A1"] if b.route == "iv" else idx["D_" + b.route]
        jumps.append((b.time + lag, tgt, b.amount * F))
    bps = set(outs)
    for (a, e, _, _) in inputs:
        bps.update(t for t in (a, e) if 0 <= t <= T)
    for (t, _, _) in jumps:
        if 0 <= t <= T:
            bps.add(t)
    bps = sorted(bps)
    outset = set(outs)

    x = be.zeros(n)
    if be.name == "mp":
        x = list(x)
    cache = {}
    rows = []
    V1 = P["V1"]
    for i, t in enumerate(bps):
        for (tj, tgt, amt) in jumps:
            if tj == t:
                x[tgt] = x[tgt] + be.num(amt)
        if t in outset:
            row = [float(t), float(pump_rate(sc, t)), be.tofloat(x[idx["A1"]] / V1 * 1000)]
            if "M1" in idx:
                row.append(be.tofloat(x[idx["M1"]] / met["V1"] * 1000))
            if "CE" in idx:
                row.append(be.tofloat(x[idx["CE"]] * 1000))
            rows.append(row)
        if i + 1 == len(bps):
            break
        h = bps[i + 1] - t
        bvec = [Fr(0)] * n
        for (a, e, tgt, r) in inputs:
            if a <= t < e:
                bvec[tgt] += r
        key = (h, tuple(bvec))
        if key not in cache:
            bb = be.zeros(n)
            if be.name == "mp":
                bb = list(bb)
            for j, v in enumerate(bvec):
                bb[j] = be.num(v)
            cache[key] = be.propagator(A, bb, be.num(h))
        x = be.apply(cache[key], x)
    auc = be.tofloat(x[idx["AUC"]] * 1000)
    cols = ["time_h", "rate_mg_per_h", "cp_ng_per_ml"]
    if "M1" in idx:
        cols.append("cm_ng_per_ml")
    if "CE" in idx:
        cols.append("ce_ng_per_ml")
    cps = [r[2] for r in rows]
    cmax = max(cps)
    tmax = rows[cps.index(cmax)][0]
    tot = total_dose(sc)
    summary = {"id": sc.id, "total_dose_mg": float(tot),
               "dose_mg_per_kg": float(tot / sc.weight), "cmax_ng_per_ml": cmax,
               "tmax_h": tmax, "auc_ng_h_per_ml": auc}
    return cols, rows, summary


SUMMARY_COLS = ["id", "total_dose_mg", "dose_mg_per_kg", "cmax_ng_per_ml", "tmax_h",
                "auc_ng_h_per_ml"]


def fmt(v):
    return v if isinstance(v, str) else repr(float(v))


def write_outputs(results, out):
    os.makedirs(out, exist_ok=True)
    for cols, rows, summary in results:
        d = os.path.join(out, summary["id"])
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "timeseries.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols)
            for r in rows:
                w.writerow([fmt(v) for v in r])
    with open(os.path.join(out, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(SUMMARY_COLS)
        for _, _, s in results:
            w.writerow([fmt(s[c]) for c in SUMMARY_COLS])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--mp", action="store_true", help="mpmath high-precision matrix exponential")
    ap.add_argument("--dps", type=int, default=40)
    a = ap.parse_args(argv)
    be = MpBackend(a.dps) if a.mp else FloatBackend()
    scs, bad = [], 0
    for f in a.files:
        try:
            scs.append(load(f))
        except ScenarioError as e:
            print(f"error: {e}", file=sys.stderr)
            bad += 1
        except OSError as e:
            print(f"error: {f}: {e}", file=sys.stderr)
            bad += 1
    ids = {}
    for s in scs:
        if s.id in ids:
            print(f"error: {s.path}: id: '{s.id}' is also the id of {ids[s.id]}", file=sys.stderr)
            bad += 1
        ids[s.id] = s.path
    if bad:
        return 2
    write_outputs([simulate(s, be) for s in scs], a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
