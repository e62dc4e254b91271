#!/usr/bin/env bash
# ReflexSession against the ORM's own session, interleaved in one benchmark (InterleavedSessionBenchmark): for each
# provider, on H2 in memory and PostgreSQL, one thread, FORKS forks of WARMUPS + ITERATIONS iterations of 1 s.
# Prints the table of per-iteration time ratios that BENCHMARKS.md shows. Defaults: FORKS=3 WARMUPS=10
# ITERATIONS=10; OUT=dir for the JSON. PostgreSQL as in run-session-benchmarks.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${OUT:-$here/target/jmh}
mkdir -p "$out"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl benchmarks -am)
java -cp "$here/target/classes:$here/target/lib/*" org.openjdk.jmh.Main InterleavedSessionBenchmark \
  -f "${FORKS:-3}" -wi "${WARMUPS:-10}" -i "${ITERATIONS:-10}" -rf json -rff "$out/interleaved.json" \
  > "$out/interleaved.log"
python3 "$here/interleaved.py" "$out/interleaved.json"
