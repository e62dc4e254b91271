#!/usr/bin/env bash
# Session benchmarks, side by side in one run: ReflexSession and the same ORM's own session on the same pool, for
# each provider, and raw JDBC on that pool (the floor), on H2 in memory and PostgreSQL, with 1 and 64 threads (the
# pool has 10 connections); then each provider's bootstrap. Prints the tables of ratios that BENCHMARKS.md shows.
# PostgreSQL: REFLEX_BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/test (a table "book" is
# dropped and created there). Defaults: FORKS=2 WARMUPS=8 ITERATIONS=4 TIME=2s, BOOT_FORKS=10; OUT=dir for the JSON.
# THREADS="1 64" (either or both), DATABASES="h2,postgresql"; BOOT_FORKS=0 skips the bootstrap. PIN=1 puts
# PostgreSQL on core 0 and the benchmark's JVMs on core 1, as when the database has a machine of its own;
# PostgreSQL gets all cores back at the end, whatever happens.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${OUT:-$here/target/jmh}
mkdir -p "$out"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl benchmarks -am)
cp="$here/target/classes:$here/target/lib/*"
# warm-up matters: on 2 cores Hibernate's code paths take 10 to 15 s of JIT before they settle, and one JVM's
# inlining decisions differ from the next one's, hence two forks
pin=()
if [ "${PIN:-0}" = 1 ]; then
  all_cores=$(taskset -p $$ | sed 's/.*: //')
  trap 'for p in $(pgrep -x postgres); do taskset -a -p "$all_cores" "$p" > /dev/null || true; done' EXIT
  for p in $(pgrep -x postgres); do taskset -a -p -c 0 "$p" > /dev/null; done
  pin=(taskset -c 1)
fi
jmh=("${pin[@]}" java -cp "$cp" org.openjdk.jmh.Main -f "${FORKS:-2}" -wi "${WARMUPS:-8}" -w "${TIME:-2s}"
  -i "${ITERATIONS:-4}" -r "${TIME:-2s}" -p database="${DATABASES:-h2,postgresql}")
for threads in ${THREADS:-1 64}; do
  "${jmh[@]}" '(\.SessionBenchmark|RawJdbcBenchmark)' -t "$threads" -rf json -rff "$out/session-t$threads.json" \
    > "$out/session-t$threads.log"
done
if [ "${BOOT_FORKS:-10}" != 0 ]; then
  java -cp "$cp" org.openjdk.jmh.Main BootstrapBenchmark -f "${BOOT_FORKS:-10}" -rf json -rff "$out/bootstrap.json" \
    > "$out/bootstrap.log"
fi
python3 "$here/ratios.py" "$out"
