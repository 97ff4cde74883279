#!/usr/bin/env bash
# Measures the C baseline and ketasim's standard case in one run, on one thread, and prints the ratios.
# Usage (from the repository root): benchmarks/baseline/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$(mktemp -d)/standard_case"
gcc -O3 -march=native -o "$bin" "$here/standard_case.c"
c_out="$("$bin")"
echo "$c_out"
k_out="$("$root/ketasim" bench --seconds 5)"
echo "$k_out"
c_dense="$(echo "$c_out" | awk '/^C dense/ {print $3}')"
c_modal="$(echo "$c_out" | awk '/^C modal:/ {print $3}')"
c_registers="$(echo "$c_out" | awk '/^C modal registers/ {print $4}')"
k_step="$(echo "$k_out" | awk '/^per-step engine/ {print $(NF-1)}')"
k_one="$(echo "$k_out" | awk '/^1 thread/ {print $3}')"
awk -v k="$k_one" -v s="$k_step" -v d="$c_dense" -v m="$c_modal" -v r="$c_registers" 'BEGIN {
  printf "ketasim closed form (1 thread) / C dense: %.2f\n", k / d
  printf "ketasim closed form (1 thread) / C modal, arrays: %.2f\n", k / m
  printf "ketasim closed form (1 thread) / C modal, registers: %.2f\n", k / r
  printf "ketasim per-step (1 thread) / C modal, registers: %.2f\n", s / r }'
