#!/usr/bin/env bash
# End-to-end timing of the performance targets of docs/BENCHMARKS.md (issue #12).
#
#   scripts/bench.sh [--quick] [--only NAME[,NAME...]]
#
# Runs the packaged CLI (target/weaklink.jar; built with `mvn -q -B -DskipTests package` if missing)
# in fresh JVMs and prints one table row per figure: the measured value, the target, whether it is
# met, and the 1-minute load average when the figure was taken (the development machine is shared,
# so wall-clock figures depend on the load). NAMEs: manufacturing, scaling, national.
# --quick runs fewer replicates (for trying the script, not for the table in docs/BENCHMARKS.md).
# Output folders go to a temporary directory that is removed at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${WEAKLINK_JAR:-target/weaklink.jar}
JAVA=${JAVA:-java}
QUICK=0
ONLY="manufacturing,scaling,national"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) shift; ONLY="$1" ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1' (use --quick or --only NAME)" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$JAR" ] || mvn -q -B -DskipTests package
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
wants() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# timed LABEL JVM-ARGS... -- CLI-ARGS... : runs the CLI, sets WALL (s) and RSS (MB) and LOAD.
timed() {
  local label=$1; shift
  local jvm=()
  while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  shift
  LOAD=$(load)
  if ! /usr/bin/time -f '%e %M' -o "$TMP/time" "$JAVA" "${jvm[@]}" -jar "$JAR" "$@" > "$TMP/$label.out" 2> "$TMP/$label.err"; then
    echo "bench.sh: '$label' failed:" >&2; cat "$TMP/$label.err" >&2; exit 1
  fi
  read -r WALL RSS_KB < "$TMP/time"
  RSS=$((RSS_KB / 1024))
}

ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s | %s | %s |' "$1" "$2" "$3" "$4" "$5")"); }
verdict() { awk -v v="$1" -v t="$2" -v dir="${3:-le}" 'BEGIN { ok = (dir == "le") ? (v <= t) : (v >= t); print ok ? "meets" : "does not meet" }'; }

MANUF=scenarios/japan-manufacturing.yaml
NATIONAL=scenarios/japan-national.yaml

if wants manufacturing; then
  reps=1000; [ $QUICK = 1 ] && reps=100
  timed manufacturing -Xmx3g -- run "$MANUF" --replicates $reps --quiet --out "$TMP/manufacturing"
  target=30; [ $QUICK = 1 ] && target=3
  row "japan-manufacturing: $reps replicates x all policies, all cores, wall (incl. JVM start, network, summary, charts)" \
      "${WALL} s (max RSS ${RSS} MB)" "<= ${target} s" "$(verdict "$WALL" $target)" "$LOAD"
fi

if wants scaling; then
  reps=200; [ $QUICK = 1 ] && reps=40
  timed scale1 -Xmx3g -- run "$MANUF" --replicates $reps --threads 1 --quiet --out "$TMP/scale1"
  w1=$WALL; l1=$LOAD
  timed scale2 -Xmx3g -- run "$MANUF" --replicates $reps --threads 2 --quiet --out "$TMP/scale2"
  w2=$WALL
  speedup=$(awk -v a="$w1" -v b="$w2" 'BEGIN { printf "%.2f", a / b }')
  row "japan-manufacturing: $reps replicates x all policies, 2 threads vs 1 thread (wall ${w1} s vs ${w2} s)" \
      "${speedup}x" ">= 1.8x" "$(verdict "$speedup" 1.8 ge)" "$l1 / $LOAD"
  if ! cmp -s "$TMP/scale1/replicates.csv" "$TMP/scale2/replicates.csv"; then
    echo "bench.sh: replicates.csv differs between 1 and 2 threads" >&2; exit 1
  fi
fi

if wants national; then
  timed network -Xmx3g -- network "$NATIONAL" --out "$TMP/national-network"
  gen=$(sed -n 's/.*generated in \([0-9.]*\) s.*/\1/p' "$TMP/network.out")
  row "japan-national: build the 1,000,000-firm network (in-process generation time; process wall ${WALL} s incl. writing CSVs)" \
      "${gen} s" "<= 10 s" "$(verdict "$gen" 10)" "$LOAD"
  # One replicate of one policy: the difference between runs of 1 and 1+k replicates, divided by k,
  # so that JVM start, network generation and the summary cancel out.
  k=4; [ $QUICK = 1 ] && k=1
  timed national1 -Xmx3g -- run "$NATIONAL" --policies none --replicates 1 --threads 1 --quiet --out "$TMP/national1"
  wa=$WALL; la=$LOAD; rss_a=$RSS
  timed nationalk -Xmx3g -- run "$NATIONAL" --policies none --replicates $((1 + k)) --threads 1 --quiet --out "$TMP/nationalk"
  per=$(awk -v a="$wa" -v b="$WALL" -v k=$k 'BEGIN { printf "%.2f", (b - a) / k }')
  row "japan-national: one replicate of one policy (none), 1 thread (runs of 1 and $((1 + k)) replicates: ${wa} s, ${WALL} s)" \
      "${per} s" "<= 0.5 s" "$(verdict "$per" 0.5)" "$la / $LOAD"
  row "japan-national: run of $((1 + k)) replicates completes under -Xmx3g (max RSS ${RSS} MB, JVM overhead included)" \
      "completes" "heap <= 3 GB" "meets" "$LOAD"
fi

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "| figure | value | target | verdict | load (1 min) |"
echo "|---|---|---|---|---|"
for r in "${ROWS[@]}"; do echo "$r"; done
