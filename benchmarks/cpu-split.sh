#!/usr/bin/env bash
# Where the CPU goes with 64 threads on PostgreSQL: runs one benchmark (rawJdbc, or a SessionBenchmark method for a
# provider) and, after its warm-up, reads for 10 s how much CPU the benchmark's JVM and the PostgreSQL server
# processes each use. On a machine where both share the cores, every microsecond the client spends is one the
# server cannot. Usage: benchmarks/cpu-split.sh rawJdbc | reflexSession hibernate | nativeSession jdbi ...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
method=${1:?rawJdbc, reflexSession or nativeSession}
provider=${2:-}
if [[ $method == rawJdbc ]]; then bench='RawJdbcBenchmark.rawJdbc$'; params=(); else
  bench="SessionBenchmark.$method\$"; params=(-p provider="${provider:?provider}"); fi
ticks() { # total user+system clock ticks of the given pids
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
java -cp "$here/target/classes:$here/target/lib/*" org.openjdk.jmh.Main "$bench" "${params[@]}" -p database=postgresql \
  -t 64 -f 1 -wi 6 -w 2s -i 10 -r 2s > /tmp/cpu-split.log 2>&1 &
jmh=$!
sleep 16 # the fork's start and most of its warm-up
fork=$(pgrep -f ForkedMain | head -1)
pg=($(pgrep -x postgres))
java0=$(ticks "$fork"); pg0=$(ticks "${pg[@]}"); sleep 10
java1=$(ticks "$fork"); pg=($(pgrep -x postgres)); pg1=$(ticks "${pg[@]}")
wait "$jmh"
score=$(awk '/^(Raw|Session)/{print $(NF-3)}' /tmp/cpu-split.log)
java=$((java1 - java0)); server=$((pg1 - pg0))
echo "$method $provider: $score ops/ms; CPU over 10 s: JVM $java ticks, PostgreSQL $server ticks," \
  "PostgreSQL's share $((100 * server / (java + server)))%"
