#!/usr/bin/env bash
# Times the offline plan of prod against its change impact (CHG-1's budget: comparing two prod runs
# takes at most twice one plan). Each command runs as a user runs it, through Maven, after one
# warm-up. Usage: scripts/benchmark-change-impact.sh [runs]   (default 3; needs git history)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
mvn -B -q compile

seconds() {
  local start end status=0
  start=$(date +%s.%N)
  # The planner is the plan module's main; compile resolves the modules within one Maven run.
  mvn -B -q compile exec:java -Dplan="${*#plan }" >/dev/null 2>&1 || status=$?
  end=$(date +%s.%N)
  # 3 is a reported stateful change, a result like any other; anything else means the timing is void.
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "benchmark: 'plan $*' failed (exit $status)" >&2
    exit 1
  fi
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
# The newest commit whose program differs from the working tree's.
base=""
for commit in $(git log -n 10 --format=%H -- program/src/main); do
  if ! git diff --quiet "$commit" -- program/src/main; then
    base=$commit
    break
  fi
done
[ -n "$base" ] || { echo "benchmark: no older program in the last 10 commits" >&2; exit 1; }
rm -rf target/plan-cache/"$base"-*
printf '%-58s %6.1f s\n' "plan prod --against <older program> (first: compiles it)" "$(seconds plan prod --against "$base")"
measure "plan prod --against <older program> (compiled before)" plan prod --against "$base"
