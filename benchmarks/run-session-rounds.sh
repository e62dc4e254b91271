#!/usr/bin/env bash
# ReflexSession against the ORM's own session, in paired rounds: each round runs, for every provider and database,
# the two side by side (one fork each, back to back, in alternating order from round to round), so that both see
# the same state of the machine; the ratio is taken within each round and the median over the rounds reported,
# with the allocation per operation (JMH's gc profiler), which does not depend on the machine's noise.
# Defaults: ROUNDS=4 THREADS=1 WARMUPS=8 ITERATIONS=3 TIME=2s; OUT=dir for the JSON. PostgreSQL as in
# run-session-benchmarks.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${OUT:-$here/target/rounds}
mkdir -p "$out"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl benchmarks -am)
cp="$here/target/classes:$here/target/lib/*"
for round in $(seq 1 "${ROUNDS:-4}"); do
  if ((round % 2)); then order=(reflexSession nativeSession); else order=(nativeSession reflexSession); fi
  for provider in hibernate mybatis jdbi; do
    for database in h2 postgresql; do
      for method in "${order[@]}"; do
        java -cp "$cp" org.openjdk.jmh.Main "SessionBenchmark.$method\$" -p provider="$provider" -p database="$database" \
          -t "${THREADS:-1}" -f 1 -wi "${WARMUPS:-8}" -w "${TIME:-2s}" -i "${ITERATIONS:-3}" -r "${TIME:-2s}" -prof gc \
          -rf json -rff "$out/r$round-$provider-$database-$method.json" > "$out/r$round-$provider-$database-$method.log"
      done
    done
  done
done
python3 "$here/rounds.py" "$out"
