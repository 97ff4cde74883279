#!/usr/bin/env bash
# End-to-end timings of the commands users run, this build against an old ketasim jar, as a
# Markdown table of medians and ratios.
#
#   tools/bench/end-to-end.sh [-n REPS] [--old JAR] [--no-build] [--skip-1m] [--old-1m] [--only NAMES]
#                             [--mrgsolve]
#
#   -n REPS      repetitions of every case (default 3); this build and the old jar alternate, case
#                by case, so that load on a shared machine falls on both alike
#   --old JAR    the old jar (default $OLD_JAR, else /work/baseline/ketasim-old.jar); cases it
#                cannot run are shown as n/a
#   --no-build   time the command-line jar as it is (default: build it first, offline, with
#                mvn -o -q -B -DskipTests -pl simulator-cli -am package; never mvn install)
#   --skip-1m    leave out the 1,000,000-subject population (it takes minutes)
#   --old-1m     also run the old jar on 1,000,000 subjects (by default it is not: it keeps every
#                subject's values in memory and does not finish in reasonable time and memory)
#   --only NAMES comma-separated case names (run,pop10k,pop1m,sweep,compare,compare-typical,rule,
#                rule-fixed,validate16k)
#   --timeout S  give up on a run after S seconds (default 1800), shown as "timeout"
#   --mrgsolve   after the cases, time mrgsolve on the pop10k workload in the same run
#                (tools/mrgsolve/ketasim_mrgsolve.R, one core, REPS repetitions; needs R and the
#                mrgsolve package): its simulation with the quantile bands, inside R (R start-up and
#                the model's compilation not counted), against pop10k's whole command
#
# Every case runs with JVM start-up included, writing into a fresh folder under $TMPDIR. Wall
# time and peak RSS come from /usr/bin/time -v. Ratios are of medians. The machine (nproc, load
# average before and after, Java) is printed with the table: on a shared machine, quote both.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reps=3
old_jar="${OLD_JAR:-/work/baseline/ketasim-old.jar}"
build=1
skip_1m=0
old_1m=0
only=""
limit=1800
mrgsolve=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) reps="$2"; shift 2 ;;
    --old) old_jar="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --skip-1m) skip_1m=1; shift ;;
    --old-1m) old_1m=1; shift ;;
    --only) only=",$2,"; shift 2 ;;
    --timeout) limit="$2"; shift 2 ;;
    --mrgsolve) mrgsolve=1; shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "end-to-end.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "end-to-end.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

cd "$root"
if [ "$build" = 1 ]; then
  echo "building the command-line jar (offline) ..." >&2
  mvn -o -q -B -DskipTests -pl simulator-cli -am package >&2
  touch simulator-cli/target/ketasim.jar   # so that the launcher does not rebuild while timing
fi
new_cmd=("$root/ketasim")
"${new_cmd[@]}" --version >/dev/null   # builds the jar if the launcher finds it stale
have_old=0
if [ -f "$old_jar" ]; then
  have_old=1
  old_cmd=(java -Djava.awt.headless=true -jar "$old_jar")
else
  echo "end-to-end.sh: no old jar at $old_jar; only this build is timed" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/ketasim-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT
median="scenarios/dutch-survey/nl-inpatient-median.yaml"
rule="scenarios/teaching/rule-2mgh-hourly-until-relief.yaml"
rule_fixed="benchmarks/workloads/rule-2mgh-hourly-fixed.yaml"
# A rule titration with 16,001 decisions (every minute for 16,000 minutes), for validate.
cat > "$work/rule-16001.yaml" <<'EOF'
id: rule-16001
drug: esketamine
model: fanta-otto
patient: {weight: 70 kg, baseline_nrs: 7}
regimen:
  setting: outpatient
  doses:
    - titration:
        start: 1 mg/h
        step: 0.001 mg/h
        every: 1 min
        max: 50 mg/h
        duration: 16000 min
        stop_raising_when: {nrs_reduction: 6}
        reduce_when: {drug_high: 0.99}
        reduce_by: 2 mg/h
simulation: {duration: 16001 min, step: 1 h}
EOF

# The regimens 'compare scenarios/' compares: this build leaves the catalogue's examples and
# teaching files out by default (--include-examples adds them), the old jar read every file, so
# both are given the same folders by name. The old jar's compare simulated each regimen's typical
# patient only; this build also simulates a population of 200 with 200 outcome replicates per
# regimen, unless --typical: compare-typical is the old jar's work, compare this build's default.
regimens="scenarios/dutch-survey scenarios/international scenarios/trials"
declare -A new_extra=([compare-typical]="--typical")

# name | arguments (the output folder is added as -o DIR unless the case is validate)
cases=(
  "run|run $median"
  "pop10k|population $median -n 10000 --seed 1"
  "pop1m|population $median -n 1000000 --seed 1"
  "sweep|sweep scenarios/sweeps/nl-inpatient-grid.sweep.yaml"
  "compare|compare $regimens"
  "compare-typical|compare $regimens"
  "rule|population $rule -n 10000 --seed 1"
  "rule-fixed|population $rule_fixed -n 10000 --seed 1"
  "validate16k|validate $work/rule-16001.yaml"
)

declare -A wall rss status peak_failed
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# run SIDE NAME ARGS...: one timed run; appends to wall[SIDE:NAME], rss[SIDE:NAME]
run() {
  local side="$1" name="$2"; shift 2
  local out="$work/$side-$name-$RANDOM$RANDOM" log="$work/time.log"
  local -a cmd
  if [ "$side" = new ]; then cmd=("${new_cmd[@]}"); else cmd=("${old_cmd[@]}"); fi
  local -a args=("$@")
  [ "$name" = validate16k ] || args+=(-o "$out")
  local rc=0
  /usr/bin/time -v -o "$log" timeout "$limit" "${cmd[@]}" "${args[@]}" >/dev/null 2>"$work/stderr" || rc=$?
  local elapsed peak
  elapsed="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")"
  peak="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  rm -rf "$out"
  if [ "$rc" != 0 ]; then
    status[$side:$name]="exit $rc"
    [ "$rc" != 124 ] || status[$side:$name]="timeout"
    peak_failed[$side:$name]="$peak"
    echo "  $side $name: exit $rc after ${elapsed}s ($(tail -1 "$work/stderr" | cut -c1-120))" >&2
    return
  fi
  wall[$side:$name]+="$elapsed "
  rss[$side:$name]+="$peak "
  echo "  $side $name: ${elapsed}s, $((peak / 1024)) MB" >&2
}

for ((r = 1; r <= reps; r++)); do
  echo "repetition $r of $reps" >&2
  for c in "${cases[@]}"; do
    name="${c%%|*}"; args="${c#*|}"
    [ -z "$only" ] || [[ "$only" == *",$name,"* ]] || continue
    if [ "$name" = pop1m ]; then
      [ "$skip_1m" = 0 ] || continue
      [ "$r" = 1 ] || continue   # once is enough: minutes per run
    fi
    # shellcheck disable=SC2086
    run new "$name" $args ${new_extra[$name]:-}
    if [ "$have_old" = 1 ] && { [ "$name" != pop1m ] || [ "$old_1m" = 1 ]; }; then
      # shellcheck disable=SC2086
      run old "$name" $args
    fi
  done
done
mrg_seconds=""
if [ "$mrgsolve" = 1 ]; then
  echo "mrgsolve: 10,000 subjects, $reps repetitions, one core ..." >&2
  if Rscript tools/mrgsolve/ketasim_mrgsolve.R --n 10000 --seed 1 --reps "$reps" --cores 1 \
      --out "$work/mrgsolve" >"$work/mrgsolve.log" 2>&1; then
    mrg_seconds="$(awk -F, '$1 == "\"simulation+quantiles\"" {print $3}' "$work/mrgsolve/timing_cores1.csv" | tr '\n' ' ')"
  else
    echo "  mrgsolve failed: $(tail -1 "$work/mrgsolve.log" | cut -c1-160)" >&2
  fi
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

med() { tr ' ' '\n' <<<"$1" | { grep -v '^$' || true; } | sort -g | awk '{a[NR] = $1} END {if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
fmt() { [ -n "$1" ] && printf '%.2f' "$1" || printf 'n/a'; }
mb() { [ -n "$1" ] && printf '%.0f' "$(awk "BEGIN {print $1 / 1024}")" || printf 'n/a'; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk "BEGIN {printf \"%.2f\", $1 / $2}" || printf 'n/a'; }

echo
echo "Machine: $(nproc) processors, load average $load_before before and $load_after after;" \
  "$(java -version 2>&1 | head -1); $reps repetitions, this build and the old jar alternating."
echo "This build: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with local changes)');" \
  "old: $old_jar."
echo
echo "| case | command | this build, median s | old, median s | old / this | peak RSS this, MB | peak RSS old, MB |"
echo "|---|---|---:|---:|---:|---:|---:|"
for c in "${cases[@]}"; do
  name="${c%%|*}"; args="${c#*|}"
  [ -z "$only" ] || [[ "$only" == *",$name,"* ]] || continue
  [ "$name" != pop1m ] || [ "$skip_1m" = 0 ] || continue
  n="$(med "${wall[new:$name]:-}")"; o="$(med "${wall[old:$name]:-}")"
  nr="$(med "${rss[new:$name]:-}")"; orr="$(med "${rss[old:$name]:-}")"
  nt="$(fmt "$n")"; [ -z "${status[new:$name]:-}" ] || nt="${status[new:$name]}"
  ot="$(fmt "$o")"; [ -z "${status[old:$name]:-}" ] || ot="${status[old:$name]}"
  [ -n "$nr" ] || nr="${peak_failed[new:$name]:-}"
  [ -n "$orr" ] || orr="${peak_failed[old:$name]:-}"
  echo "| $name | \`ketasim ${args/$work\//}\`${new_extra[$name]:+ (this build: ${new_extra[$name]})} | $nt | $ot | $(ratio "$o" "$n") | $(mb "$nr") | $(mb "$orr") |"
done
echo
run_n="$(med "${wall[new:run]:-}")"; pop_n="$(med "${wall[new:pop10k]:-}")"
rule_n="$(med "${wall[new:rule]:-}")"; fixed_n="$(med "${wall[new:rule-fixed]:-}")"
echo "| ratio (this build, medians of this run) | value | target |"
echo "|---|---:|---|"
echo "| population 10,000 / run | $(ratio "$pop_n" "$run_n") | at most 2 |"
echo "| rule-titration population / fixed-schedule population | $(ratio "$rule_n" "$fixed_n") | at most 3 |"
echo "| sweep: old / this | $(ratio "$(med "${wall[old:sweep]:-}")" "$(med "${wall[new:sweep]:-}")") | at least 5 |"
echo "| compare, typical patients (the old jar's whole work): this / old | $(ratio "$(med "${wall[new:compare-typical]:-}")" "$(med "${wall[old:compare-typical]:-}")") | at most 1 |"
echo "| compare with the population outcomes the old jar did not compute: this / old | $(ratio "$(med "${wall[new:compare]:-}")" "$(med "${wall[old:compare]:-}")") | |"
echo "| validate, 16,001 decisions (s) | $(fmt "$(med "${wall[new:validate16k]:-}")") | under 2 |"
if [ "$mrgsolve" = 1 ]; then
  mrg="$(med "$mrg_seconds")"
  echo "| mrgsolve 10,000 subjects with quantiles, inside R (s) | $(fmt "$mrg") | |"
  echo "| mrgsolve / population 10,000 (whole command) | $(ratio "$mrg" "$pop_n") | |"
fi
