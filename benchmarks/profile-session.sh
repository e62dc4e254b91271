#!/usr/bin/env bash
# Where a session's time goes: runs SessionBenchmark's reflexSession and nativeSession for one provider and database
# under JFR, then prints, side by side, the share of CPU samples inside each step (inclusive: a step's callees
# count for it). Usage: benchmarks/profile-session.sh hibernate h2 [threads]. Run run-session-benchmarks.sh first,
# or build with ./mvnw -q -DskipTests package -pl benchmarks -am. JFR slows the run: read its shares, not its scores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
provider=${1:?provider: hibernate, mybatis or jdbi}
database=${2:?database: h2 or postgresql}
threads=${3:-1}
out=${OUT:-$here/target/profile}/$provider-$database-t$threads
rm -rf "$out"; mkdir -p "$(dirname "$out")"
java -cp "$here/target/classes:$here/target/lib/*" org.openjdk.jmh.Main 'SessionBenchmark.(reflexSession|nativeSession)' \
  -p provider="$provider" -p database="$database" -t "$threads" -f 1 -wi 8 -w 2s -i 3 -r 4s \
  -prof "jfr:dir=$out;configName=profile" > "$out.log"
python3 "$here/inclusive.py" "$out"/*reflexSession*/profile.jfr "$out"/*nativeSession*/profile.jfr
