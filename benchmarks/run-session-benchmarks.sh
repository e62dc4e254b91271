#!/usr/bin/env bash
# Session benchmarks, side by side in one run: ReflexSession, the same ORM's own session on the same pool, and
# raw JDBC on that pool, for each provider, on H2 in memory and PostgreSQL, with 1 and 64 threads (the pool has
# 10 connections); then each provider's bootstrap. Prints the tables of ratios that BENCHMARKS.md shows.
# PostgreSQL: REFLEX_BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/test (a table "book" is
# dropped and created there).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${OUT:-$here/target/jmh}
mkdir -p "$out"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl benchmarks -am)
cp="$here/target/classes:$here/target/lib/*"
# warm-up matters: Hibernate's code paths take seconds of JIT before they settle
jmh=(java -cp "$cp" org.openjdk.jmh.Main -wi "${WARMUPS:-4}" -w "${TIME:-3s}" -i "${ITERATIONS:-4}" -r "${TIME:-3s}" -f 1)
for threads in 1 64; do
  "${jmh[@]}" SessionBenchmark -t "$threads" -rf json -rff "$out/session-t$threads.json" > "$out/session-t$threads.log"
done
"${jmh[@]}" BootstrapBenchmark -rf json -rff "$out/bootstrap.json" > "$out/bootstrap.log"
python3 "$here/ratios.py" "$out"
