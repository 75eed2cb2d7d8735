#!/usr/bin/env bash
# End-to-end timing of the performance targets of docs/BENCHMARKS.md (issue #12).
#
#   scripts/bench.sh [--quick] [--only NAME[,NAME...]]
#
# Runs the packaged CLI (target/weaklink.jar; built with `mvn -q -B -DskipTests package` if missing)
# in fresh JVMs and prints one table row per figure: the measured value, the target, whether it is
# met, and the 1-minute load average when the figure was taken (the development machine is shared,
# so wall-clock figures depend on the load). NAMEs: manufacturing, scaling, national (issue #12);
# quickstart, uncertainty, scaling26 (issue #26: the README's quick start, the 20-draw uncertainty block,
# 2 threads against 1 differenced over 200 -> 1,200 replicates with the quick start's JVM options, and, shown, against 1 pinned
# to one core and over the rounds whose cores' speed probes (scripts/CoreSpeed.java, where taskset is installed) agree);
# shards26 (issue #26: the 20-draw uncertainty block cut into 1 and 2 shards of draws, each shard one
# thread, as separate local processes (each JVM told it has one core, as the Slurm scripts tell theirs), as a Slurm job array when a Slurm answers `sinfo`, and as Spark
# local[1] and local[2] when Spark's jars are in SPARK_JARS, default target/spark-it/spark-home/jars,
# laid out by the SparkStandaloneIT of `mvn verify`; every merged result compared with the unsharded one; where taskset is
# installed also, shown, with each process pinned to a core of its own and Spark's local[1] pinned to one;
# SHARDS26_REPLICATES=N runs N replicates per draw instead of 200, SHARDS26_SCENARIO another uncertainty scenario;
# SCALING26_ROUNDS=N repeats scaling26's runs N times (default 3) and judges the median of the rounds' ratios).
# --quick runs fewer replicates (for trying the script, not for the table in docs/BENCHMARKS.md).
# Output folders go to a temporary directory that is removed at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=${WEAKLINK_JAR:-target/weaklink.jar}
JAVA=${JAVA:-java}
QUICK=0
ONLY="manufacturing,scaling,national,quickstart,uncertainty,scaling26,shards26"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) shift; ONLY="$1" ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1' (use --quick or --only NAME)" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$JAR" ] || mvn -q -B -DskipTests package
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
wants() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# timed LABEL JVM-ARGS... -- CLI-ARGS... : runs the CLI (after the command PRE, when set: taskset), sets WALL (s), CPU
# (user + system s), RSS (MB) and LOAD.
PRE=()
timed() {
  local label=$1; shift
  local jvm=()
  while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  shift
  LOAD=$(load)
  if ! /usr/bin/time -f '%e %M %U %S' -o "$TMP/time" "${PRE[@]}" "$JAVA" "${jvm[@]}" -jar "$JAR" "$@" > "$TMP/$label.out" 2> "$TMP/$label.err"; then
    echo "bench.sh: '$label' failed:" >&2; cat "$TMP/$label.err" >&2; exit 1
  fi
  read -r WALL RSS_KB USER_S SYS_S < "$TMP/time"
  RSS=$((RSS_KB / 1024))
  CPU=$(awk -v u="$USER_S" -v s="$SYS_S" 'BEGIN { printf "%.1f", u + s }')
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
  # Throughput of the replicate phase, by differencing: per-replicate wall = (wall(n2) - wall(n1)) / (n2 - n1)
  # at 1 and at 2 threads, so that the fixed costs (JVM start, JIT warm-up, network, funding, summaries,
  # charts) cancel; throughput ratio = per-replicate wall at 1 thread / at 2 threads. The whole-run
  # walls of the n2-replicate runs are reported too. n1 is past the JIT warm-up: the compilers spend
  # about 10 s (C1 + C2, `-XX:+CITime`) over the first ~1,000 replicates, recompiling hot loops as new
  # paths are taken, on the core a 1-thread run leaves free and that a 2-thread run must share.
  n1=1000; n2=5000; [ $QUICK = 1 ] && { n1=20; n2=100; }
  declare -A PER WHOLE CPUS LOADS
  for t in 1 2; do
    timed "scale${t}a" -Xmx3g -- run "$MANUF" --replicates $n1 --threads $t --quiet --out "$TMP/scale${t}a"
    wa=$WALL; la=$LOAD
    timed "scale${t}b" -Xmx3g -- run "$MANUF" --replicates $n2 --threads $t --quiet --out "$TMP/scale${t}b"
    PER[$t]=$(awk -v a="$wa" -v b="$WALL" -v n=$((n2 - n1)) 'BEGIN { printf "%.1f", 1000 * (b - a) / n }')
    WHOLE[$t]=$WALL; CPUS[$t]=$CPU; LOADS[$t]="$la / $LOAD"
    row "japan-manufacturing: one replicate x all policies, $t thread(s): (wall($n2) - wall($n1)) / $((n2 - n1)) = (${WALL} s - ${wa} s) / $((n2 - n1))" \
        "${PER[$t]} ms" "-" "-" "${LOADS[$t]}"
  done
  speedup=$(awk -v a="${PER[1]}" -v b="${PER[2]}" 'BEGIN { printf "%.2f", a / b }')
  row "japan-manufacturing: replicate throughput, 2 threads / 1 thread (per-replicate wall ${PER[1]} ms vs ${PER[2]} ms)" \
      "${speedup}x" ">= 1.8x" "$(verdict "$speedup" 1.8 ge)" "${LOADS[1]} ; ${LOADS[2]}"
  whole=$(awk -v a="${WHOLE[1]}" -v b="${WHOLE[2]}" 'BEGIN { printf "%.2f", a / b }')
  row "japan-manufacturing: whole run of $n2 replicates, 2 threads / 1 thread (wall ${WHOLE[1]} s vs ${WHOLE[2]} s; CPU ${CPUS[1]} s vs ${CPUS[2]} s)" \
      "${whole}x" "-" "-" "${LOADS[1]} ; ${LOADS[2]}"
  if ! cmp -s "$TMP/scale1b/replicates.csv" "$TMP/scale2b/replicates.csv"; then
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

# The README's JVM options for runs of seconds (docs/BENCHMARKS.md, "Fourth pass"): C1 only, one GC thread; the
# heap on transparent huge pages where the system offers them, silently as before where not ("Eighth pass"); arrays of
# 4 MB or more (the event rows held for the ORD export, in 5 MB slabs) made in the old generation, uncopied ("Twelfth pass").
C1=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:PretenureSizeThreshold=4m -XX:+UseTransparentHugePages -Xlog:pagesize=off)
# The class-data-sharing archive the build writes beside the jar ("Fifth pass"); the JVM ignores it, silently, when
# it is missing or does not match the jar. ArchiveRelocationMode=0: mapped at the address it was written for, not
# at a random one whose every pointer the JVM patches first; relocated as before when that address is taken
# ("Seventh pass: the quick start's time outside its phases").
CDS=(-XX:SharedArchiveFile="${JAR%.jar}.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)

if wants quickstart; then
  timed quickstart "${CDS[@]}" "${C1[@]}" -- run scenarios/quickstart.yaml --quiet --out "$TMP/quickstart"
  row "quick start: the README's command (class-data archive, C1 options), wall incl. JVM start, summaries, charts and report" \
      "${WALL} s (CPU ${CPU} s)" "<= 2 s" "$(verdict "$WALL" 2)" "$LOAD"
fi

if wants uncertainty; then
  reps=200; [ $QUICK = 1 ] && reps=10
  timed uncertainty -- run scenarios/japan-manufacturing-model-risk.yaml --replicates $reps --threads 2 --quiet --out "$TMP/uncertainty"
  target=60 # with --quick too: the 20 draws' networks, decisions and funding are most of it
  row "uncertainty block: japan-manufacturing-model-risk, 20 draws x $reps replicates x all policies, 2 threads, wall" \
      "${WALL} s (CPU ${CPU} s)" "<= ${target} s" "$(verdict "$WALL" $target)" "$LOAD"
fi

if wants scaling26; then
  # As 'scaling', at the sizes issue #26 names and with the C1 options (under C2 the compiler's work moves
  # between the two windows from run to run): whole-run walls of 200 and 1,200 replicates at 1 and 2 threads.
  # In rounds (SCALING26_ROUNDS, default 3), each running the four in turn; the verdict is the median of the
  # rounds' ratios: one round's one-thread figure alone moved 3.9-5.9 ms between minutes on the shared machine.
  n1=200; n2=1200; [ $QUICK = 1 ] && { n1=20; n2=120; }
  rounds=${SCALING26_ROUNDS:-3}
  [[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: SCALING26_ROUNDS must be a whole number >= 1, not '$rounds'" >&2; exit 2; }
  # Beside them, where taskset is installed, the 1-thread runs pinned to one core ("1c"): a 1-thread run's own thread
  # writes the rows beside its one worker, on the second core when there is one (about 15 % of the worker's CPU),
  # so "1 thread" there is more than one core's work; "1c" is what one core alone does. Shown, not judged.
  PIN=(); command -v taskset > /dev/null && PIN=(1c)
  # Also where taskset is installed: each core's speed, probed before each pair of runs and after the round
  # (scripts/CoreSpeed.java: the ms of thread CPU a fixed piece of cache-missing work takes on that core). On a
  # virtual machine either core can take the same work 1.5-2x as long as usual, for a second or for minutes, with no
  # steal time reported (docs/BENCHMARKS.md, "Seventeenth pass"). A round whose slowest probe took less than 1.5x its
  # fastest (the slow state takes about twice as long as the usual one) ran on equal cores throughout, as far as the
  # probes can tell; the median over those rounds is shown, not judged.
  probe() { local c out=""; for c in $(seq 0 $(($(nproc) - 1))); do out="$out${out:+/}$(taskset -c "$c" "$JAVA" scripts/CoreSpeed.java)"; done; PROBES+=("$out"); }
  RATIOS26=(); RATIOS26C=(); RATIOS26E=()
  # median X...: the median of the numbers X, to two decimals
  median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  for r in $(seq 1 "$rounds"); do
    declare -A PER26 LOADS26 DIFF26
    PROBES=()
    for t in 1 2 "${PIN[@]}"; do
      [ ${#PIN[@]} -gt 0 ] && probe
      threads=$t; PRE=()
      [ "$t" = 1c ] && { threads=1; PRE=(taskset -c 0); }
      timed "s26-${t}a" "${C1[@]}" -- run "$MANUF" --replicates $n1 --threads $threads --quiet --out "$TMP/s26-${t}a"
      wa=$WALL; la=$LOAD
      timed "s26-${t}b" "${C1[@]}" -- run "$MANUF" --replicates $n2 --threads $threads --quiet --out "$TMP/s26-${t}b"
      PRE=()
      PER26[$t]=$(awk -v a="$wa" -v b="$WALL" -v n=$((n2 - n1)) 'BEGIN { printf "%.2f", 1000 * (b - a) / n }')
      LOADS26[$t]="$la / $LOAD"
      DIFF26[$t]="(${WALL} s - ${wa} s) / $((n2 - n1))"
      if [ "$t" = 2 ] && ! cmp -s "$TMP/s26-1b/replicates.csv" "$TMP/s26-2b/replicates.csv"; then
        echo "bench.sh: replicates.csv differs between 1 and 2 threads" >&2; exit 1
      fi
      rm -rf "$TMP/s26-${t}a"
    done
    rm -rf "$TMP/s26-1b" "$TMP/s26-2b" "$TMP/s26-1cb"
    ratio=$(awk -v a="${PER26[1]}" -v b="${PER26[2]}" 'BEGIN { printf "%.2f", a / b }')
    RATIOS26+=("$ratio")
    cores=""
    if [ ${#PIN[@]} -gt 0 ]; then
      probe
      equal=$(printf '%s\n' "${PROBES[@]}" | tr '/' '\n' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (hi < 1.5 * lo) ? "equal" : "unequal" }')
      [ "$equal" = equal ] && RATIOS26E+=("$ratio")
      cores="; cores' speed probes (ms, core 0/1/..., before each pair of runs and after) ${PROBES[*]}: $equal"
    fi
    row "japan-manufacturing, C1 options, round $r of $rounds: one replicate x all policies, differenced $n1 -> $n2: 1 thread ${DIFF26[1]} = ${PER26[1]} ms, 2 threads ${DIFF26[2]} = ${PER26[2]} ms$cores" \
        "${ratio}x" "-" "-" "${LOADS26[1]} ; ${LOADS26[2]}"
    if [ ${#PIN[@]} -gt 0 ]; then
      ratioc=$(awk -v a="${PER26[1c]}" -v b="${PER26[2]}" 'BEGIN { printf "%.2f", a / b }')
      RATIOS26C+=("$ratioc")
      row "japan-manufacturing, C1 options, round $r of $rounds: 1 thread pinned to one core (taskset -c 0) ${DIFF26[1c]} = ${PER26[1c]} ms, against 2 threads" \
          "${ratioc}x" "-" "-" "${LOADS26[1c]}"
    fi
  done
  speedup=$(median "${RATIOS26[@]}")
  row "japan-manufacturing, C1 options: 2 threads / 1 thread, differenced $n1 -> $n2 replicates, median of $rounds round(s) (${RATIOS26[*]})" \
      "${speedup}x" ">= 1.8x" "$(verdict "$speedup" 1.8 ge)" "$(load)"
  if [ ${#PIN[@]} -gt 0 ]; then
    speedc=$(median "${RATIOS26C[@]}")
    row "japan-manufacturing, C1 options: 2 threads / 1 thread pinned to one core, differenced $n1 -> $n2 replicates, median of $rounds round(s) (${RATIOS26C[*]}); shown, not judged" \
        "${speedc}x" "-" "-" "$(load)"
    if [ ${#RATIOS26E[@]} -gt 0 ]; then
      speede=$(median "${RATIOS26E[@]}")
      row "japan-manufacturing, C1 options: 2 threads / 1 thread, differenced $n1 -> $n2 replicates, median of the ${#RATIOS26E[@]} round(s) on equal cores (${RATIOS26E[*]}); shown, not judged" \
          "${speede}x" "-" "-" "$(load)"
    else
      row "japan-manufacturing, C1 options: 2 threads / 1 thread on equal cores: no round of $rounds ran on equal cores throughout; shown, not judged" "-" "-" "-" "$(load)"
    fi
  fi
fi

if wants shards26; then
  # Linear in shards: the same block cut into 1 and 2 shards of draws (each shard one thread) on this
  # machine's 2 cores; "linear" is a wall of 1 shard about twice that of 2, with the same CPU in all.
  MR=${SHARDS26_SCENARIO:-scenarios/japan-manufacturing-model-risk.yaml}
  reps=${SHARDS26_REPLICATES:-200}; [ $QUICK = 1 ] && reps=10
  # wallof CMD...: runs CMD, sets WALL (s) and LOAD
  wallof() { LOAD=$(load); local t0; t0=$(date +%s.%N); "$@"; WALL=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'); }
  same() { # same DIR: the merged uncertainty tables equal the unsharded run's
    for f in uncertainty.csv; do cmp -s "$TMP/sh-ref/$f" "$1/$f" || { echo "bench.sh: $1/$f differs from the unsharded run's" >&2; exit 1; }; done
  }
  timed sh-ref -- run "$MR" --replicates $reps --threads 2 --quiet --out "$TMP/sh-ref"
  declare -A SHW SHL
  # Where taskset is installed, also each shard's process pinned to a core of its own ("p": shard i on core i-1, the
  # merge on core 0), shown, not judged: unpinned, one shard's JVM runs its compiler, collector and summaries on the
  # second core, so "1 shard" is more than one core's work (docs/BENCHMARKS.md, "Sixteenth pass: ...").
  PINS=(""); command -v taskset > /dev/null && PINS=("" p)
  for pin in "${PINS[@]}"; do
    for n in 1 2; do
      shard_runs() {
        local pids=() on=()
        for i in $(seq 1 $n); do
          on=(); [ -n "$pin" ] && on=(taskset -c $((i - 1)))
          "${on[@]}" "$JAVA" -XX:ActiveProcessorCount=1 -jar "$JAR" run "$MR" --replicates $reps --threads 1 --quiet --shard $i/$n --out "$TMP/sh$pin$n-$i" > "$TMP/sh$pin$n-$i.out" 2>&1 & pids+=($!)
        done
        for p in "${pids[@]}"; do wait "$p" || { echo "bench.sh: a shard of $n failed" >&2; cat "$TMP"/sh$pin$n-*.out >&2; exit 1; }; done
        local dirs=(); for i in $(seq 1 $n); do dirs+=("$TMP/sh$pin$n-$i"); done
        on=(); [ -n "$pin" ] && on=(taskset -c 0)
        "${on[@]}" "$JAVA" -XX:ActiveProcessorCount=1 -jar "$JAR" merge "${dirs[@]}" --out "$TMP/sh$pin$n-merged" --quiet > "$TMP/sh$pin$n-merge.out" 2>&1 || { cat "$TMP/sh$pin$n-merge.out" >&2; exit 1; }
      }
      wallof shard_runs; SHW[local$pin$n]=$WALL; SHL[local$pin$n]=$LOAD; same "$TMP/sh$pin$n-merged"
    done
  done
  row "uncertainty block ($reps replicates per draw): 1 shard / 2 shards of draws, local processes of 1 thread each, shards and merge (${SHW[local1]} s vs ${SHW[local2]} s)" \
      "$(awk -v a="${SHW[local1]}" -v b="${SHW[local2]}" 'BEGIN { printf "%.2fx", a / b }')" "about 2x on 2 cores" "-" "${SHL[local1]} / ${SHL[local2]}"
  if [ ${#PINS[@]} -gt 1 ]; then
    row "uncertainty block ($reps replicates per draw): the same, each process pinned to a core of its own, shown, not judged (${SHW[localp1]} s vs ${SHW[localp2]} s)" \
        "$(awk -v a="${SHW[localp1]}" -v b="${SHW[localp2]}" 'BEGIN { printf "%.2fx", a / b }')" "-" "-" "${SHL[localp1]} / ${SHL[localp2]}"
  fi
  if sinfo >/dev/null 2>&1; then
    for n in 1 2; do
      slurm_run() {
        "$JAVA" -jar "$JAR" slurm "$MR" --replicates $reps --shards $n --out "$TMP/slurm$n" > "$TMP/slurm$n.out" 2>&1 || { cat "$TMP/slurm$n.out" >&2; exit 1; }
        bash "$TMP/slurm$n/slurm/submit.sh" > "$TMP/slurm$n.submit" 2>&1 || { cat "$TMP/slurm$n.submit" >&2; exit 1; }
        local ids; ids=$(head -1 "$TMP/slurm$n.submit" | grep -o 'job[a-z ]* [0-9][0-9]*' | grep -o '[0-9][0-9]*' | paste -sd,)
        while [ -n "$(squeue -h -j "$ids" 2>/dev/null)" ]; do sleep 1; done
        grep -q '"status" *: *"complete"' "$TMP/slurm$n/results/manifest.json" || { echo "bench.sh: the Slurm run of $n shards did not complete" >&2; cat "$TMP/slurm$n"/slurm/logs/* >&2; exit 1; }
      }
      wallof slurm_run; SHW[slurm$n]=$WALL; SHL[slurm$n]=$LOAD; same "$TMP/slurm$n/results"
    done
    row "uncertainty block ($reps replicates per draw): Slurm, 1 shard / 2 shards (array tasks of 1 CPU + merge job, submit to merged: ${SHW[slurm1]} s vs ${SHW[slurm2]} s)" \
        "$(awk -v a="${SHW[slurm1]}" -v b="${SHW[slurm2]}" 'BEGIN { printf "%.2fx", a / b }')" "about 2x on 2 cores" "-" "${SHL[slurm1]} / ${SHL[slurm2]}"
  fi
  SPARK_JARS=${SPARK_JARS:-target/spark-it/spark-home/jars}
  if [ -d "$SPARK_JARS" ] && [ -f target/weaklink-spark.jar ]; then
    # k = 1p: local[1] pinned to one core (where taskset is installed), shown, not judged: the JVM's compiler,
    # collector and the driver's pools otherwise run on the second core beside local[1]'s one task
    SPARKS=(1 2); [ ${#PINS[@]} -gt 1 ] && SPARKS=(1 2 1p)
    for k in "${SPARKS[@]}"; do
      spark_run() {
        local on=() m=${k%p}; [ "$k" = 1p ] && on=(taskset -c 0)
        SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13 /usr/bin/time -f '%U %S' -o "$TMP/spark$k.time" "${on[@]}" "$JAVA" -cp "$SPARK_JARS/*:target/weaklink-spark.jar" \
          weaklink.cli.spark.SparkMain "$MR" --replicates $reps --master "local[$m]" --conf spark.ui.enabled=false --out "$TMP/spark$k" \
          > "$TMP/spark$k.out" 2>&1 || { cat "$TMP/spark$k.out" >&2; exit 1; }
      }
      wallof spark_run; SHW[spark$k]=$WALL; SHL[spark$k]=$LOAD; same "$TMP/spark$k"
    done
    row "uncertainty block ($reps replicates per draw): Spark local[1] / local[2] (a task per draw, one JVM: ${SHW[spark1]} s vs ${SHW[spark2]} s)" \
        "$(awk -v a="${SHW[spark1]}" -v b="${SHW[spark2]}" 'BEGIN { printf "%.2fx", a / b }')" "about 2x on 2 cores" "-" "${SHL[spark1]} / ${SHL[spark2]}"
    if [ ${#SPARKS[@]} -gt 2 ]; then
      row "uncertainty block ($reps replicates per draw): Spark local[1] pinned to one core / local[2], shown, not judged (${SHW[spark1p]} s vs ${SHW[spark2]} s)" \
          "$(awk -v a="${SHW[spark1p]}" -v b="${SHW[spark2]}" 'BEGIN { printf "%.2fx", a / b }')" "-" "-" "${SHL[spark1p]} / ${SHL[spark2]}"
    fi
  fi
fi

# A guest whose kernel hands freed memory back to its host (free page reporting) pays the host's backing again for
# every page a new JVM first writes: up to 20-30 times a touch of memory the host still backs (docs/BENCHMARKS.md,
# "Nineteenth pass"). The header says so, as it says the processor.
REPORTING=""
if [ -r /sys/module/page_reporting/parameters/min_free_ms ]; then
  REPORTING=", freed memory handed back to the host after $(cat /sys/module/page_reporting/parameters/min_free_ms) ms (free page reporting)"
fi
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')$REPORTING"
echo "| figure | value | target | verdict | load (1 min) |"
echo "|---|---|---|---|---|"
for r in "${ROWS[@]}"; do echo "$r"; done
