#!/usr/bin/env bash
# Times the offline plan of prod against its change impact (CHG-1's budget: comparing two prod runs
# takes at most twice one plan). Each command runs as a user runs it, through Maven, after one
# warm-up. Usage: scripts/benchmark-change-impact.sh [runs]   (default 3; needs git history)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
mvn -B -q compile

seconds() {
  local start end
  start=$(date +%s.%N)
  mvn -B -q exec:java -Dexec.args="$*" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

measure() {
  local label=$1 i
  shift
  seconds "$@" >/dev/null
  for ((i = 0; i < runs; i++)); do seconds "$@"; done | median | xargs printf '%-58s %6.1f s\n' "$label"
}

measure "plan prod" plan prod
cp Pulumi.prod.yaml target/Pulumi.prod-base.yaml
measure "plan prod --against target/Pulumi.prod-base.yaml (two runs)" plan prod --against target/Pulumi.prod-base.yaml
measure "plan prod --against HEAD (same program, config compared)" plan prod --against HEAD
# A base whose program differs from the working tree (HEAD~1 when the last commit touched src/main).
base=$(git log -n 1 --format=%H HEAD~1 -- src/main)
rm -rf "target/plan-cache/$base"
printf '%-58s %6.1f s\n' "plan prod --against <older program> (first: compiles it)" "$(seconds plan prod --against "$base")"
measure "plan prod --against <older program> (compiled before)" plan prod --against "$base"
