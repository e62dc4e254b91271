#!/usr/bin/env bash
# Wall time of reflex-db against the stock Liquibase command line (LiquibaseCommandLine on the same
# liquibase-core, its dependencies and the SQLite driver, on the same JVM), run by run in turn, so that
# both sides see the same noise of a shared machine:
#   status    on an up-to-date SQLite database (10 changesets, then 1,000), the same file for both sides
#   update    of a generated 1,000-changeset changelog on an empty database, a fresh file for every run
# Prints every run, then the medians and the ratio reflex-db / stock. Builds reflex-db when it is missing.
#
# usage: benchmarks/reflex-db-vs-liquibase.sh [runs]     (default 7, at least 5)
# JAVA_HOME picks the JVM, for both sides, as it does for reflex-db.
set -euo pipefail

runs=${1:-7}
if ! [[ $runs =~ ^[0-9]+$ ]] || ((runs < 5)); then
  echo "usage: $0 [runs]   (runs: a whole number, at least 5; got \"$runs\")" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd -P)
dist=$root/db/target/reflex-db
reflex_db=$dist/bin/reflex-db
if [[ ! -x $reflex_db ]]; then
  echo "building reflex-db: ./mvnw -q -B -DskipTests -pl db -am package" >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -pl db -am package >&2)
fi

if [[ -n ${JAVA_HOME:-} ]]; then java_cmd=$JAVA_HOME/bin/java; else java_cmd=java; fi

# the stock side: liquibase-core and its dependencies from reflex-db's lib/, and the one driver it needs;
# not reflex-db's own jars, nor the H2, PostgreSQL and MariaDB drivers
stock_cp=
for jar in "$dist"/lib/*.jar; do
  case ${jar##*/} in
    reflex-db-*.jar | reflex-orm-*.jar | h2-*.jar | postgresql-*.jar | mariadb-java-client-*.jar) ;;
    *) stock_cp=${stock_cp:+$stock_cp:}$jar ;;
  esac
done
stock=("$java_cmd" -cp "$stock_cp" liquibase.integration.commandline.LiquibaseCommandLine)

work=$(mktemp -d "${TMPDIR:-/tmp}/reflex-db-vs-liquibase.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
# nothing of the caller's own settings reaches either side
unset REFLEX_DB_URL REFLEX_DB_JAVA_OPTS
for name in $(compgen -e); do [[ $name == LIQUIBASE_* ]] && unset "$name"; done

# changelogs: each changeset creates a table and inserts a row into it
changelog() { # count file
  {
    echo "databaseChangeLog:"
    for ((i = 1; i <= $1; i++)); do
      cat <<EOF
  - changeSet:
      id: $i
      author: bench
      changes:
        - createTable:
            tableName: t_$i
            columns:
              - column: {name: id, type: int, constraints: {primaryKey: true}}
              - column: {name: name, type: varchar(50)}
        - insert:
            tableName: t_$i
            columns:
              - column: {name: id, valueNumeric: 1}
              - column: {name: name, value: row $i}
EOF
    done
  } >"$2"
}
changelog 10 small.yaml
changelog 1000 large.yaml

# run NAME COMMAND...: runs one command, its output to a log, and appends its wall time in ms to NAME.ms
run() {
  local name=$1 start end
  shift
  start=$(date +%s%N)
  if ! "$@" >>"$work/$name.log" 2>&1; then
    echo "failed: $*" >&2
    tail -n 20 "$work/$name.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >>"$work/$name.ms"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# reflex-db records its class-data-sharing archive on its first run after a build (a build output, under
# target/): start from none, so that every run of this script measures the same thing, the first run included
# (JDK 17-24: lib/reflex-db.jsa; JDK 25 and later: the ahead-of-time cache lib/reflex-db.aot)
archive=$dist/lib/reflex-db.jsa
aot=$dist/lib/reflex-db.aot
rm -f "$archive" "$archive.stamp" "$aot" "$aot.stamp"
java_real=$(readlink -f "$(command -v "$java_cmd")")
feature=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "${java_real%/bin/java}/release" 2>/dev/null)

# the up-to-date databases for status, one per changelog, migrated once by reflex-db
run first-run "$reflex_db" --url="jdbc:sqlite:$work/status-large.db" --changelog-file=large.yaml update
echo "reflex-db's first run, which records its archive (update, 1,000 changesets; not in the table): $(cat first-run.ms) ms"
if ((${feature:-0} >= 25)); then
  # the launcher records its cache after the first run, in the background: measure with it, as users run
  for ((i = 0; i < 240; i++)); do [[ -s $aot.stamp ]] && break; sleep 0.5; done
  [[ -s $aot.stamp ]] || { echo "reflex-db recorded no AOT cache within 2 minutes" >&2; exit 1; }
fi
run setup "$reflex_db" --url="jdbc:sqlite:$work/status-small.db" --changelog-file=small.yaml update
# one untimed run of each side, so that both start with the jars in the page cache
run warm "${stock[@]}" --url="jdbc:sqlite:$work/status-small.db" --changelog-file=small.yaml status
run warm "$reflex_db" --url="jdbc:sqlite:$work/status-small.db" --changelog-file=small.yaml status

# bench LABEL ARGS...: the same arguments to both sides, in turn, $runs times
bench() {
  local label=$1 i
  shift
  for ((i = 1; i <= runs; i++)); do
    run "$label.reflex-db" "$reflex_db" "$@"
    run "$label.stock" "${stock[@]}" "$@"
  done
}
bench status-10 --url="jdbc:sqlite:$work/status-small.db" --changelog-file=small.yaml status
bench status-1000 --url="jdbc:sqlite:$work/status-large.db" --changelog-file=large.yaml status
for ((i = 1; i <= runs; i++)); do
  run update-1000.reflex-db "$reflex_db" --url="jdbc:sqlite:$work/update-r$i.db" --changelog-file=large.yaml update
  run update-1000.stock "${stock[@]}" --url="jdbc:sqlite:$work/update-s$i.db" --changelog-file=large.yaml update
  rm -f "$work/update-r$i.db" "$work/update-s$i.db"
done

echo
echo "JVM: $("$java_cmd" -version 2>&1 | head -n 1); $runs runs per side, taken in turn"
printf '%-40s %16s %16s %8s   %s\n' "command" "reflex-db (ms)" "stock (ms)" "ratio" "runs, reflex-db | stock (ms)"
for label in status-10 status-1000 update-1000; do
  case $label in
    status-10) what="status, up to date, 10 changesets" ;;
    status-1000) what="status, up to date, 1,000 changesets" ;;
    update-1000) what="update, 1,000 changesets, empty db" ;;
  esac
  ours=$(median "$label.reflex-db.ms")
  theirs=$(median "$label.stock.ms")
  printf '%-40s %16s %16s %8s   %s | %s\n' "$what" "$ours" "$theirs" \
    "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')" \
    "$(paste -sd' ' "$label.reflex-db.ms")" "$(paste -sd' ' "$label.stock.ms")"
done
