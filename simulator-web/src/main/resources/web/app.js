// ketasim serve: the browser side. Every text that comes from a scenario or a message is put in
// the page with textContent, never as HTML. Charts are uPlot (from its webjar).
"use strict";

const $ = (id) => document.getElementById(id);
const COLORS = ["#2d5d95", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#17a2b8", "#7f8c8d", "#a0522d"];

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function fmt(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString("en-US");
  return Number(v.toPrecision(digits)).toString();
}

function pct(p) {
  if (p === null || p === undefined) return "–";
  return (100 * p).toFixed((p > 0 && p < 0.1) || (p < 1 && p > 0.9) ? 1 : 0) + " %";
}

function hours(h) {
  const m = Math.round(h * 60);
  if (m >= 48 * 60) return Math.floor(m / 1440) + " d " + Math.floor((m % 1440) / 60) + " h";
  if (m < 60) return m + " min";
  return Math.floor(m / 60) + " h " + String(m % 60).padStart(2, "0") + " min";
}

async function api(path, body, raw) {
  const init = body === undefined ? {} : {
    method: "POST",
    headers: {"Content-Type": raw ? "application/octet-stream" : "application/json"},
    body: raw ? body : JSON.stringify(body),
  };
  const r = await fetch(path, init);
  let data;
  try {
    data = await r.json();
  } catch (e) {
    throw new Error("the server answered " + r.status + " without a message");
  }
  if (!r.ok) {
    const err = new Error(data.error || ("error " + r.status));
    err.key = data.key || "";
    throw err;
  }
  return data;
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], {type: type}));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- time axis: hours, or days for long runs --------------------------------------------------

function timeAxis(maxH) {
  return maxH > 72 ? {div: 24, label: "time (days)"} : {div: 1, label: "time (h)"};
}

function scaled(t, axis) {
  return Array.from(t, (v) => v / axis.div);
}

// ---- charts ------------------------------------------------------------------------------------

const charts = {};

function chartWidth(target) {
  return Math.max(280, target.clientWidth || target.parentElement.clientWidth - 20);
}

function draw(name, target, opts, data) {
  const width = chartWidth(target);
  const key = JSON.stringify(opts.series.map((s) => s.label)) + "|" + opts.axes.map((a) => a.label).join("|");
  const old = charts[name];
  if (old && old.key === key) {
    old.plot.setData(data);
    if (Math.abs(old.plot.width - width) > 4) old.plot.setSize({width: width, height: opts.height});
    return;
  }
  if (old) old.plot.destroy();
  target.textContent = "";
  opts.width = width;
  charts[name] = {key: key, plot: new uPlot(opts, data, target)};
}

function line(label, color, extra) {
  return Object.assign({label: label, stroke: color, width: 2, points: {show: false}}, extra || {});
}

// ---- the designer ------------------------------------------------------------------------------

const state = {base: "", regimenEdited: false, form: null, last: null, seq: 0, popSeq: 0, popTimer: null,
  catalogue: [], compare: []};

function qty(id, unitId) {
  const v = $(id).value.trim();
  return v === "" ? "" : v + " " + (unitId.startsWith("#") ? unitId.slice(1) : $(unitId).value);
}

function splitQty(text) {
  const i = text.indexOf(" ");
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}

function setQty(id, unitId, text) {
  const [v, u] = splitQty(text);
  $(id).value = v;
  if (unitId && u) {
    const sel = $(unitId);
    if (![...sel.options].some((o) => o.value === u)) sel.appendChild(el("option", u));
    sel.value = u;
  }
}

function design() {
  const d = {
    base: state.base,
    drug: $("drug").value,
    weightKg: parseFloat($("weight").value),
    model: $("model").value,
    baselineNrs: parseFloat($("baseline").value),
    duration: qty("sim-duration", "sim-duration-unit"),
    regimen: null,
  };
  if (state.regimenEdited && state.form && state.form.editable) {
    const unit = $("rate-unit").value;
    d.regimen = {
      start: qty("start", "#" + unit), increment: qty("increment", "#" + unit),
      every: qty("every", "every-unit"), max: qty("max", "#" + unit),
      duration: qty("duration", "duration-unit"), route: $("route").value,
    };
  }
  if (Number.isNaN(d.weightKg)) d.weightKg = null;
  if (Number.isNaN(d.baselineNrs)) d.baselineNrs = null;
  return d;
}

function fillForm(f) {
  state.form = f;
  $("scenario-title").textContent = f.title || f.id;
  $("scenario-source").textContent = f.source ? "Source: " + f.source : "";
  $("regimen-fields").disabled = !f.editable;
  $("regimen-text").hidden = f.editable;
  $("regimen-text").textContent = f.editable ? "" : "Regimen: " + f.regimenText
    + ". Its doses cannot be edited here; edit the file and upload it.";
  if (f.editable) {
    const r = f.regimen;
    const [sv, su] = splitQty(r.start);
    $("start").value = sv;
    $("rate-unit").value = su;
    $("increment").value = splitQty(r.increment)[0];
    setQty("every", "every-unit", r.every);
    $("max").value = r.max ? splitQty(r.max)[0] : "";
    setQty("duration", "duration-unit", r.duration);
    $("route").value = r.route;
    echoRateUnit();
  }
  $("weight").value = f.weightKg;
  $("baseline").value = f.baselineNrs;
  $("drug").value = f.drug;
  const model = $("model");
  if (![...model.options].some((o) => o.value === f.model)) model.appendChild(el("option", f.model + " (inline)"));
  [...model.options].forEach((o) => { if (o.textContent === f.model + " (inline)") o.value = f.model; });
  model.value = f.model;
  model.disabled = !f.builtInModel;
  setQty("sim-duration", "sim-duration-unit", f.duration);
}

function echoRateUnit() {
  document.querySelectorAll(".rate-unit-echo").forEach((s) => { s.textContent = $("rate-unit").value; });
}

const FIELD_KEYS = [
  [/infusion\.(start|rate)$/, "start"], [/\.increment$/, "increment"], [/\.every$/, "every"], [/\.max$/, "max"],
  [/infusion\.duration$/, "duration"], [/route$/, "route"], [/^patient\.weight/, "weight"],
  [/^patient\.baseline/, "baseline"], [/^drug/, "drug"], [/^model/, "model"], [/^simulation/, "simulation"],
];

function fieldOf(key) {
  for (const [re, f] of FIELD_KEYS) if (re.test(key || "")) return f;
  return "general";
}

function showWarnings(warnings) {
  document.querySelectorAll(".warn").forEach((w) => { w.textContent = ""; w.classList.remove("outside"); });
  for (const w of warnings) {
    const box = document.querySelector('.warn[data-for="' + fieldOf(w.key) + '"]');
    const line = el("div", w.message);
    if (w.kind === "OUTSIDE_EVIDENCE") box.classList.add("outside");
    box.appendChild(line);
  }
}

const METRICS = [
  ["totalDoseMg", "Total dose", "mg"], ["doseMgPerKg", "Dose per kg", "mg/kg"], ["cmaxNgPerMl", "Cmax (plasma)", "ng/mL"],
  ["tmaxH", "Tmax", "h"], ["aucNgHPerMl", "AUC (plasma, exact)", "ng·h/mL"],
  ["metaboliteCmaxNgPerMl", "Cmax (metabolite)", "ng/mL"], ["effectCmaxNgPerMl", "Cmax (effect site)", "ng/mL"],
];

function showPatient(r, started) {
  const axis = timeAxis(r.series.t[r.series.t.length - 1]);
  const x = scaled(r.series.t, axis);
  const series = [{label: axis.label}, line(r.analyte + " plasma", COLORS[0])];
  const data = [x, r.series.cp];
  if (r.series.cm) { series.push(line((r.metaboliteAnalyte || "metabolite") + " plasma", COLORS[1])); data.push(r.series.cm); }
  if (r.series.ce) { series.push(line("effect site", COLORS[2], {dash: [5, 5], width: 1.5})); data.push(r.series.ce); }
  draw("conc", $("chart-conc"), {height: 260, scales: {x: {time: false}},
    axes: [{label: axis.label}, {label: "ng/mL"}], series: series}, data);
  draw("rate", $("chart-rate"), {height: 140, scales: {x: {time: false}},
    axes: [{label: axis.label}, {label: "pump (mg/h)"}],
    series: [{label: axis.label}, line("pump rate", COLORS[4], {paths: uPlot.paths.stepped({align: 1}), fill: "rgba(214,137,16,0.15)"})]},
  [x, r.series.rate]);
  const body = $("metrics").tBodies[0];
  body.textContent = "";
  const add = (id, label, value, unit) => {
    const tr = el("tr");
    const th = el("th", label);
    th.scope = "row";
    tr.appendChild(th);
    const td = el("td", value, "num");
    td.dataset.metric = id;
    tr.appendChild(td);
    tr.appendChild(el("td", unit));
    body.appendChild(tr);
  };
  for (const [k, label, unit] of METRICS) {
    if (r.summary[k] !== null) add(k, label, fmt(r.summary[k], 4), unit);
  }
  if (r.pd.volunteerPeakDrugHigh !== null) {
    add("volunteerPeakDrugHigh", "Peak drug-high score of a typical volunteer", fmt(r.pd.volunteerPeakDrugHigh, 2), "0 to 1");
  }
  if (r.pd.responderNrsReductionAtEnd !== null) {
    add("responderNrsReductionAtEnd", "Expected NRS reduction of a typical responder, at the end",
      fmt(r.pd.responderNrsReductionAtEnd, 2), "points (baseline " + fmt(r.pd.baselineNrs) + ")");
  }
  showWarnings(r.warnings);
  requestAnimationFrame(() => {
    const ms = performance.now() - started;
    const lat = $("latency");
    lat.dataset.ms = ms.toFixed(1);
    lat.dataset.seq = String(state.seq);
    lat.textContent = "updated in " + ms.toFixed(0) + " ms (server " + r.serverMs.toFixed(0) + " ms, " + r.rows + " rows)";
  });
}

async function simulate() {
  await simulateDesign(design());
}

// Sends a design to the server and shows its patient; a reply overtaken by a later request is dropped.
async function simulateDesign(body) {
  const seq = ++state.seq;
  const started = performance.now();
  $("design-error").textContent = "";
  try {
    const r = await api("/api/design", body);
    if (seq !== state.seq) return;
    state.last = r;
    fillForm(r.form);
    showPatient(r, started);
    schedulePopulation();
  } catch (e) {
    if (seq !== state.seq) return;
    $("design-error").textContent = e.message;
  }
}

function schedulePopulation() {
  clearTimeout(state.popTimer);
  state.popTimer = setTimeout(population, 250);
}

async function population() {
  const seq = ++state.popSeq;
  const started = performance.now();
  $("pop-status").textContent = "simulating…";
  try {
    const body = design();
    const p = await api("/api/population?subjects=" + $("pop-size").value, body);
    if (seq !== state.popSeq) return;
    showPopulation(p, started);
    $("pop-status").textContent = p.subjects + " subjects; computing the outcomes…";
    const o = await api("/api/population?outcomes=true&subjects=" + $("pop-size").value, body);
    if (seq !== state.popSeq) return;
    showOutcomes(o.outcomes);
    $("pop-status").textContent = p.subjects + " subjects";
    $("outcomes").dataset.ms = (performance.now() - started).toFixed(1);
  } catch (e) {
    if (seq !== state.popSeq) return;
    $("pop-status").textContent = e.message;
  }
}

function showPopulation(p, started) {
  const axis = timeAxis(p.bands.t[p.bands.t.length - 1]);
  const x = scaled(p.bands.t, axis);
  const cp = p.bands.cp;
  const pc = p.percentiles;
  const mid = Math.floor(pc.length / 2);
  const series = [{label: axis.label}];
  const data = [x];
  pc.forEach((q, i) => {
    const outer = i === 0 || i === pc.length - 1;
    series.push(line("P" + q, i === mid ? COLORS[0] : "rgba(45,93,149,0.45)", {width: i === mid ? 2 : 1,
      dash: outer ? [4, 4] : undefined}));
    data.push(cp[i]);
  });
  const bands = [];
  for (let i = 0; i < Math.floor(pc.length / 2); i++) {
    bands.push({series: [pc.length - i, i + 1], fill: "rgba(45,93,149," + (0.1 + 0.08 * i) + ")"});
  }
  draw("pop", $("chart-pop"), {height: 240, scales: {x: {time: false}}, bands: bands,
    axes: [{label: axis.label}, {label: "plasma ng/mL"}], series: series}, data);
  const body = $("shares").tBodies[0];
  body.textContent = "";
  for (const s of p.shares) {
    const tr = el("tr");
    tr.appendChild(el("td", s.label));
    const est = el("td", pct(s.p), "num");
    est.dataset.share = s.id;
    tr.appendChild(est);
    tr.appendChild(el("td", pct(s.pLo) + " to " + pct(s.pHi), "num"));
    body.appendChild(tr);
  }
  $("pop-note").textContent = p.intervals + ". Seed " + p.seed + "."
    + (p.variabilityNotApplied.length ? " Variability not applied: " + p.variabilityNotApplied.join(", ") + "." : "");
  $("pop-status").textContent = p.subjects + " subjects";
  requestAnimationFrame(() => {
    const ms = performance.now() - started;
    const lat = $("pop-latency");
    lat.dataset.ms = ms.toFixed(1);
    lat.textContent = "updated in " + ms.toFixed(0) + " ms (server " + p.serverMs.toFixed(0) + " ms)";
  });
}

const MEASURES = {meets_2_points: "NRS down at least 2 points", meets_3_points: "NRS down at least 3 points",
  meets_30_percent: "NRS down at least 30 %", meets_50_percent: "NRS down more than 50 %",
  psychomimetic: "psychomimetic effects during the course"};

function showOutcomes(rows) {
  const box = $("outcomes");
  box.textContent = "";
  if (!rows.length) return;
  box.appendChild(el("h2", "Patients with relief and with psychomimetic effects"));
  box.appendChild(el("p", "Shares of the simulated patients (responders and non-responders, Dahan 2011; "
    + "psychomimetic effects calibrated to Sigtermans 2009), on the regimen and on placebo, with 95 % intervals "
    + "over the outcome models' parameter uncertainty.", "note"));
  const table = el("table", null, "metrics");
  const head = el("tr");
  ["arm", "outcome", "when", "share", "95 % interval", "evidence"].forEach((h) => head.appendChild(el("th", h)));
  table.appendChild(head);
  for (const o of rows) {
    const tr = el("tr");
    tr.appendChild(el("td", o.arm));
    tr.appendChild(el("td", MEASURES[o.measure] || o.measure));
    tr.appendChild(el("td", o.time));
    tr.appendChild(el("td", pct(o.p), "num"));
    tr.appendChild(el("td", pct(o.pLo) + " to " + pct(o.pHi), "num"));
    const ev = el("td", o.outsideEvidence ? "" : "within");
    if (o.outsideEvidence) {
      ev.appendChild(el("span", "outside the evidence", "flag"));
      ev.appendChild(el("div", (o.reasons || []).join("; "), "note"));
    }
    tr.appendChild(ev);
    table.appendChild(tr);
  }
  box.appendChild(table);
}

async function upload(file) {
  $("upload-error").textContent = "";
  const bytes = await file.arrayBuffer();
  const started = performance.now();
  try {
    const r = await api("/api/upload?name=" + encodeURIComponent(file.name), bytes, true);
    state.base = r.form.base;
    state.regimenEdited = false;
    $("base").value = "";
    state.last = r;
    fillForm(r.form);
    showPatient(r, started);
    schedulePopulation();
  } catch (e) {
    $("upload-error").textContent = e.message;
  } finally {
    $("upload").value = "";
  }
}

// ---- compare -----------------------------------------------------------------------------------

function encodeSelection(items) {
  const bytes = new TextEncoder().encode(JSON.stringify(items));
  let s = "";
  bytes.forEach((b) => { s += String.fromCharCode(b); });
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeSelection(text) {
  const b = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(b, (c) => c.charCodeAt(0))));
}

function renderCompareList() {
  const list = $("compare-list");
  list.textContent = "";
  state.compare.forEach((item, i) => {
    const li = el("li");
    const sw = el("span", null, "swatch");
    sw.style.background = COLORS[i % COLORS.length];
    li.appendChild(sw);
    li.appendChild(el("span", item.label));
    const rm = el("button", "remove");
    rm.type = "button";
    rm.addEventListener("click", () => { state.compare.splice(i, 1); runCompare(); });
    li.appendChild(rm);
    list.appendChild(li);
  });
  const link = "#compare=" + encodeSelection(state.compare);
  $("compare-link").href = link;
}

async function runCompare() {
  renderCompareList();
  $("compare-error").textContent = "";
  if (!state.compare.length) {
    ["chart-compare", "benefit-harm", "compare-table"].forEach((id) => { $(id).textContent = ""; });
    if (charts.compare) { charts.compare.plot.destroy(); delete charts.compare; }
    return;
  }
  try {
    const r = await api("/api/compare", {items: state.compare});
    showCompare(r);
  } catch (e) {
    $("compare-error").textContent = e.message;
  }
}

function showCompare(r) {
  const maxH = Math.max(...r.items.map((i) => i.t[i.t.length - 1]));
  const axis = timeAxis(maxH);
  // one shared x: the union of every curve's times; each curve is null where it has no row
  const times = [...new Set(r.items.flatMap((i) => Array.from(i.t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, k) => [t, k]));
  const data = [times.map((t) => t / axis.div)];
  const series = [{label: axis.label}];
  r.items.forEach((item, i) => {
    const ys = new Array(times.length).fill(null);
    item.t.forEach((t, k) => { ys[index.get(t)] = item.cp[k]; });
    data.push(ys);
    series.push(line(item.label, COLORS[i % COLORS.length], {spanGaps: true}));
  });
  draw("compare", $("chart-compare"), {height: 300, scales: {x: {time: false}},
    axes: [{label: axis.label}, {label: "plasma ng/mL"}], series: series}, data);
  benefitHarm(r.items);
  compareTable(r);
}

// A share and its 95 % interval, e.g. "34 % (17-63 %)"; "" when there is none.
function shareWithInterval(share) {
  if (!share || share.p === null) return "";
  const f = (v) => (v < 0.01 && v > 0 ? (100 * v).toFixed(1) : Math.round(100 * v)) + "";
  return f(share.p) + " % (" + f(share.pLo) + "-" + f(share.pHi) + " %)";
}

// Benefit against harm: per regimen the share of patients with >= 30 % relief at 4 weeks against the
// share with psychomimetic effects, each with its 95 % interval as whiskers; hollow = outside the evidence.
function benefitHarm(items) {
  const box = $("benefit-harm");
  box.textContent = "";
  const W = 560, H = 340, L = 60, B = 48, T = 14, R = 18;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  svg.setAttribute("width", "100%");
  svg.style.maxWidth = W + "px";
  const X = (v) => L + v * (W - L - R);
  const Y = (v) => H - B - v * (H - B - T);
  const mk = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  mk("line", {x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#8a94a3"});
  mk("line", {x1: L, y1: T, x2: L, y2: H - B, stroke: "#8a94a3"});
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    mk("text", {x: X(v), y: H - B + 15, "text-anchor": "middle"}, Math.round(100 * v) + " %");
    mk("text", {x: L - 6, y: Y(v) + 4, "text-anchor": "end"}, Math.round(100 * v) + " %");
  }
  mk("text", {x: (L + W - R) / 2, y: H - 10, "text-anchor": "middle"},
    "patients with psychomimetic effects during the course (harm)");
  mk("text", {x: 14, y: (T + H - B) / 2, "text-anchor": "middle", transform: "rotate(-90 14 " + (T + H - B) / 2 + ")"},
    "patients with >= 30 % relief at 4 weeks (benefit)");
  items.forEach((it, i) => {
    const x = it.row.psychomimetic, y = it.row.relief4Weeks;
    const colour = COLORS[i % COLORS.length];
    mk("line", {x1: X(x.pLo), y1: Y(y.p), x2: X(x.pHi), y2: Y(y.p), stroke: colour, "stroke-width": 1.5});
    mk("line", {x1: X(x.p), y1: Y(y.pLo), x2: X(x.p), y2: Y(y.pHi), stroke: colour, "stroke-width": 1.5});
    const dot = mk("circle", {cx: X(x.p), cy: Y(y.p), r: 6, stroke: colour, "stroke-width": 2,
      fill: it.row.outsideEvidence ? "white" : colour});
    dot.appendChild(document.createElementNS(ns, "title")).textContent = it.label + ": relief " + shareWithInterval(y)
      + ", psychomimetic " + shareWithInterval(x) + (it.row.outsideEvidence ? "; OUTSIDE THE EVIDENCE" : "");
  });
  // Numbers after every dot, so that no dot covers one. A point with a neighbour within a label's
  // reach to its right is numbered on its left; labels on the same side of close points stack upwards.
  const at = items.map((it) => [X(it.row.psychomimetic.p), Y(it.row.relief4Weeks.p)]);
  const close = (a, b) => Math.abs(at[a][0] - at[b][0]) < 24 && Math.abs(at[a][1] - at[b][1]) < 14;
  const left = items.map((it, i) => items.some((q, j) => j !== i && close(i, j) && at[j][0] >= at[i][0]
    && (at[j][0] > at[i][0] || j > i)));
  items.forEach((it, i) => {
    const stack = items.slice(0, i).filter((q, j) => close(i, j) && left[j] === left[i]).length;
    mk("text", {x: at[i][0] + (left[i] ? -9 : 9), y: at[i][1] - 6 - 12 * stack,
      "text-anchor": left[i] ? "end" : "start"}, String(i + 1));
  });
  box.appendChild(svg);
  box.appendChild(el("p", "Dots at the shares with all parameters at their estimates, whiskers their 95 % "
    + "intervals over the models' parameter uncertainty. A hollow dot lies outside the evidence the outcome "
    + "models rest on (see the table). The placebo arm is in the table.", "note"));
}

function compareTable(r) {
  const t = $("compare-table");
  t.textContent = "";
  // The answer first (the shares with their intervals, and whether the evidence covers them), then
  // what each regimen is and what the blood sees. A third element marks a numeric column.
  const cols = [
    ["#", (it, i) => i + 1], ["regimen", (it) => it.label],
    [">= 30 % relief at 4 weeks (95 %)", (it) => shareWithInterval(it.row.relief4Weeks), true],
    ["same on placebo", (it) => shareWithInterval(it.row.placeboRelief4Weeks), true],
    ["psychomimetic effects (95 %)", (it) => shareWithInterval(it.row.psychomimetic), true],
    ["evidence", (it) => it.row.outsideEvidence ? "OUTSIDE: " + it.row.reasons.join("; ") : "inside"],
    ["setting", (it) => it.row.setting], ["route", (it) => it.row.routes], ["drug", (it) => it.row.drug],
    ["model", (it) => it.row.model],
    ["total dose (mg)", (it) => fmt(it.row.totalDoseMg, 6), true],
    ["S-ketamine (mg)", (it) => fmt(it.row.sKetamineDoseMg, 6), true],
    ["peak rate (mg/h)", (it) => fmt(it.row.peakRateMgPerH, 3), true],
    ["infusion (h)", (it) => fmt(it.row.infusionHours, 3), true], ["Cmax (ng/mL)", (it) => fmt(it.row.cmax, 4), true],
    ["AUC (ng·h/mL)", (it) => fmt(it.row.auc, 4), true], ["Cmax metabolite", (it) => fmt(it.row.cmaxMetabolite, 4), true],
  ];
  for (const w of r.windows) cols.push(["h in " + w.replaceAll("_", " "), (it) => fmt(it.row.windowHours[w], 3), true]);
  cols.push(["peak drug-high score, typical volunteer", (it) => fmt(it.row.volunteerPeakDrugHigh, 2), true]);
  cols.push(["warnings", (it) => it.warnings.map((w) => w.message).join(" | ")]);
  const head = el("tr");
  cols.forEach(([h]) => head.appendChild(el("th", h)));
  t.appendChild(head);
  r.items.forEach((it, i) => {
    const tr = el("tr");
    cols.forEach(([, f, numeric]) => tr.appendChild(el("td", f(it, i), numeric ? "num" : "")));
    t.appendChild(tr);
  });
  const note = $("compare-population");
  if (note) note.textContent = r.population;
}

function addCatalogueToCompare(key) {
  const e = state.catalogue.find((c) => c.key === key);
  if (!e || state.compare.length >= 8) return;
  state.compare.push({label: e.key, family: e.family, design: {base: "catalogue:" + e.key}});
  runCompare();
}

// ---- teaching ----------------------------------------------------------------------------------

const teach = {id: null, view: null, running: false, busy: false, timer: null, result: null, exercises: [],
  kind: "free", durationH: 0};

function teachKind() {
  return document.querySelector('input[name="teach-kind"]:checked').value;
}

async function startSession() {
  $("teach-error").textContent = "";
  stopClock();
  const kind = teachKind();
  const body = {kind: kind, exercise: kind === "exercise" ? $("exercise").value : null,
    design: kind === "exercise" ? null : design()};
  try {
    const r = await api("/api/teaching/sessions", body);
    teach.id = r.id;
    teach.kind = kind;
    const ex = teach.exercises.find((e) => e.id === body.exercise);
    teach.durationH = kind === "exercise" && ex ? ex.durationH : 0;
    $("pump").hidden = false;
    $("lab").hidden = kind !== "unknown";
    $("teach-result").hidden = true;
    if (charts.result) { charts.result.plot.destroy(); delete charts.result; }
    showSession(r.view);
  } catch (e) {
    $("teach-error").textContent = e.message;
  }
}

async function act(action, value) {
  if (!teach.id || teach.busy) return false;
  teach.busy = true;
  try {
    const v = await api("/api/teaching/sessions/" + teach.id, {action: action, value: value || 0});
    showSession(v);
    $("teach-error").textContent = "";
    return true;
  } catch (e) {
    $("teach-error").textContent = e.message;
    stopClock();
    return false;
  } finally {
    teach.busy = false;
  }
}

function showSession(v) {
  teach.view = v;
  $("clock").textContent = hours(v.timeH);
  const dl = $("teach-status");
  dl.textContent = "";
  const row = (k, val, id) => {
    dl.appendChild(el("dt", k));
    const dd = el("dd", val);
    if (id) dd.id = id;
    dl.appendChild(dd);
  };
  row("elapsed", hours(v.timeH), "st-time");
  row("pump", fmt(v.rateMgPerH, 4) + " mg/h", "st-rate");
  row("given so far", fmt(v.givenMg, 4) + " mg", "st-given");
  if (v.kind === "unknown") {
    row("pain (NRS)", String(v.nrs), "st-nrs");
    row("signs", v.signs, "st-signs");
  } else {
    row("plasma", fmt(v.cp, 4) + " ng/mL", "st-cp");
    if (v.ce !== null) row("effect site", fmt(v.ce, 4) + " ng/mL", "st-ce");
    if (v.volunteerDrugHigh !== null) row("drug-high score, typical volunteer", fmt(v.volunteerDrugHigh, 2), "st-high");
    if (v.responderNrsReduction !== null) {
      row("expected NRS reduction, typical responder", fmt(v.responderNrsReduction, 2) + " points", "st-nrs");
    }
  }
  const labs = $("labs");
  labs.textContent = "";
  for (const l of v.labs) {
    labs.appendChild(el("li", "plasma level drawn at " + hours(l.drawnH) + ": "
      + (l.ngPerMl === null ? "pending (ready at " + hours(l.readyH) + ")" : fmt(l.ngPerMl, 3) + " ng/mL")));
  }
  const pumpT = v.pump.map((p) => p[0]);
  const pumpR = v.pump.map((p) => p[1]);
  if (v.curve) {
    draw("teach", $("chart-teach"), {height: 240, scales: {x: {time: false}},
      axes: [{label: "time (h)"}, {label: "ng/mL"}],
      series: [{label: "time (h)"}, line("plasma", COLORS[0]), line("effect site", COLORS[2], {dash: [6, 4]})]},
    [v.curve.t, v.curve.cp, v.curve.ce || v.curve.cp.map(() => null)]);
  } else {
    draw("teach", $("chart-teach"), {height: 200, scales: {x: {time: false}},
      axes: [{label: "time (h)"}, {label: "pump (mg/h)"}],
      series: [{label: "time (h)"}, line("pump rate", COLORS[4], {paths: uPlot.paths.stepped({align: 1})})]},
    [pumpT, pumpR]);
  }
  if (teach.durationH > 0 && v.timeH >= teach.durationH - 1e-9) stopClock();
}

function tick() {
  if (!teach.running || teach.busy) return;
  let step = parseFloat($("speed").value) * 0.25;
  if (teach.durationH > 0) step = Math.min(step, teach.durationH - teach.view.timeH);
  if (step <= 1e-9) { stopClock(); return; }
  act("advance", step);
}

function startClock() {
  teach.running = true;
  $("run").textContent = "Pause";
  clearInterval(teach.timer);
  teach.timer = setInterval(tick, 250);
}

function stopClock() {
  teach.running = false;
  $("run").textContent = "Run";
  clearInterval(teach.timer);
}

async function finishSession() {
  stopClock();
  if (!teach.id) return;
  try {
    const r = await api("/api/teaching/sessions/" + teach.id + "/finish", {});
    teach.result = r;
    showSession(r.view);
    showResult(r);
  } catch (e) {
    $("teach-error").textContent = e.message;
  }
}

function showResult(r) {
  $("teach-result").hidden = false;
  $("score").textContent = "";
  $("goals").textContent = "";
  $("reveal").textContent = "";
  $("solution-notes").textContent = r.message || "";
  if (r.score) {
    $("score").textContent = "Score: " + r.score.percent + " %";
    $("score").dataset.percent = r.score.percent;
    r.score.goals.forEach((g, i) => {
      const li = el("li", g.goal + ": " + g.detail, g.met ? "met" : "missed");
      li.appendChild(el("div", "the solution: " + r.score.solutionGoals[i].detail, "note"));
      $("goals").appendChild(li);
    });
    $("solution-notes").textContent = "Solution: " + r.score.solutionTitle + ". " + r.score.solutionNotes;
    draw("result", $("chart-result"), {height: 220, scales: {x: {time: false}},
      axes: [{label: "time (h)"}, {label: "plasma ng/mL"}],
      series: [{label: "time (h)"}, line("the solution", COLORS[3])]}, [r.score.solutionT, r.score.solutionCp]);
  }
  if (r.reveal) {
    const rv = r.reveal;
    $("score").textContent = "The patient, revealed";
    const box = $("reveal");
    box.appendChild(el("p", (rv.responder ? "A responder to S-ketamine (C50 " + rv.c50NgPerMl.toFixed(1)
      + " ng/mL, against the typical 10.5)" : "A non-responder: S-ketamine does not relieve this patient's pain")
      + (rv.placeboResponder ? ", with a placebo response" : "") + ". About two patients in three respond "
      + "(Dahan 2011). This patient shows psychomimetic signs while the drug-induced chance of them at the "
      + "effect-site concentration (calibrated to Sigtermans 2009) is above " + rv.sensitivity.toFixed(2) + "."));
    const f = Object.entries(rv.factors).map(([k, v]) => k + " × " + v.toFixed(2)).join(", ");
    box.appendChild(el("p", "Parameters against the typical patient: " + f + ". Seed " + rv.seed + "."));
    const truth = r.view.truth.curve;
    const idx = new Map();
    const times = [...new Set([...Array.from(truth.t), ...Array.from(rv.typicalT)])].sort((a, b) => a - b);
    times.forEach((t, k) => idx.set(t, k));
    const a = new Array(times.length).fill(null);
    const b = new Array(times.length).fill(null);
    truth.t.forEach((t, k) => { a[idx.get(t)] = truth.cp[k]; });
    rv.typicalT.forEach((t, k) => { b[idx.get(t)] = rv.typicalCp[k]; });
    draw("result", $("chart-result"), {height: 220, scales: {x: {time: false}},
      axes: [{label: "time (h)"}, {label: "plasma ng/mL"}],
      series: [{label: "time (h)"}, line("this patient", COLORS[1], {spanGaps: true}),
        line("typical patient, same doses", COLORS[0], {dash: [6, 4], spanGaps: true})]}, [times, a, b]);
  }
  $("session-yaml").disabled = !r.yaml;
}

// ---- wiring ------------------------------------------------------------------------------------

function showTab(name) {
  document.querySelectorAll(".tab").forEach((t) => t.setAttribute("aria-selected", String(t.dataset.tab === name)));
  document.querySelectorAll(".page").forEach((p) => { p.hidden = p.id !== name; });
  Object.values(charts).forEach((c) => {
    const target = c.plot.root.parentElement;
    if (target && target.clientWidth) c.plot.setSize({width: chartWidth(target), height: c.plot.height});
  });
}

async function init() {
  document.querySelectorAll(".tab").forEach((t) => t.addEventListener("click", () => showTab(t.dataset.tab)));
  const [catalogue, models, exercises] = await Promise.all([api("/api/catalogue"), api("/api/models"),
    api("/api/teaching/exercises")]);
  state.catalogue = catalogue;
  const groups = {};
  for (const c of catalogue) {
    const g = c.family || "other";
    if (!groups[g]) {
      groups[g] = [el("optgroup"), el("optgroup")];
      groups[g][0].label = g;
      groups[g][1].label = g;
      $("base").appendChild(groups[g][0]);
      $("compare-pick").appendChild(groups[g][1]);
    }
    const text = c.key.split("/").pop() + ": " + c.title;
    for (const og of groups[g]) {
      const o = el("option", text);
      o.value = c.key;
      og.appendChild(o);
    }
  }
  for (const m of models) {
    const o = el("option", m.id + ": " + m.title);
    o.value = m.id;
    $("model").appendChild(o);
  }
  teach.exercises = exercises;
  for (const e of exercises) {
    const o = el("option", e.title);
    o.value = e.id;
    $("exercise").appendChild(o);
  }
  const brief = () => {
    const e = exercises.find((x) => x.id === $("exercise").value);
    $("exercise-brief").textContent = e ? e.brief + " (" + e.patient + ")" : "";
  };
  $("exercise").addEventListener("change", brief);
  brief();

  $("base").addEventListener("change", () => {
    state.base = $("base").value ? "catalogue:" + $("base").value : "";
    state.regimenEdited = false;
    $("model").value = "";
    simulateFresh();
  });
  const regimenIds = ["start", "rate-unit", "increment", "every", "every-unit", "max", "duration", "duration-unit", "route"];
  for (const id of regimenIds) {
    $(id).addEventListener("input", () => { state.regimenEdited = true; echoRateUnit(); simulate(); });
  }
  for (const id of ["weight", "baseline", "drug", "model", "sim-duration", "sim-duration-unit"]) {
    $(id).addEventListener("input", simulate);
  }
  $("pop-size").addEventListener("change", population);
  $("upload").addEventListener("change", (e) => { if (e.target.files.length) upload(e.target.files[0]); });
  $("download").addEventListener("click", () => {
    if (state.last) download(state.last.fileName, state.last.yaml, "application/yaml");
  });
  $("add-to-compare").addEventListener("click", () => {
    if (state.compare.length >= 8) return;
    const title = state.form ? (state.form.title || state.form.id) : "my regimen";
    state.compare.push({label: "mine: " + title, family: "mine", design: design()});
    showTab("compare");
    runCompare();
  });
  $("compare-add").addEventListener("click", () => addCatalogueToCompare($("compare-pick").value));
  $("teach-start").addEventListener("click", startSession);
  $("pump-set").addEventListener("click", () => act("rate", parseFloat($("pump-rate").value)));
  $("pump-give").addEventListener("click", () => act("bolus", parseFloat($("pump-bolus").value)));
  $("undo").addEventListener("click", () => act("undo", 0));
  $("lab").addEventListener("click", () => act("lab", 0));
  $("run").addEventListener("click", () => { if (teach.running) stopClock(); else startClock(); });
  $("finish").addEventListener("click", finishSession);
  $("session-yaml").addEventListener("click", () => {
    if (teach.result && teach.result.yaml) download(teach.result.fileName, teach.result.yaml, "application/yaml");
  });
  $("session-transcript").addEventListener("click", () => {
    if (teach.result) download("transcript.txt", teach.result.transcript, "text/plain");
  });
  window.addEventListener("resize", () => showTab(document.querySelector('.tab[aria-selected="true"]').dataset.tab));

  await simulateFresh();
  if (location.hash.startsWith("#compare=")) {
    try {
      state.compare = decodeSelection(location.hash.slice("#compare=".length)).slice(0, 8);
      showTab("compare");
      await runCompare();
    } catch (e) {
      $("compare-error").textContent = "the link does not hold a comparison";
    }
  }
}

async function simulateFresh() {
  state.form = null;
  $("model").value = "";
  await simulateDesign({base: state.base});
}

document.addEventListener("DOMContentLoaded", init);
