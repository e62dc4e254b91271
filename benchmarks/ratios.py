"""Reads the JMH JSON results of run-session-benchmarks.sh and prints the tables with ratios."""
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])


def fmt(s):
    return f"{s[0]:.2f} ± {float(s[1]):.2f}"  # JMH writes "NaN" for the error of a single iteration


for threads in (1, 64):
    path = out / f"session-t{threads}.json"
    if not path.exists():
        continue
    score = {}
    for row in json.loads(path.read_text()):
        cls, method = row["benchmark"].rsplit(".", 2)[-2:]
        params = row["params"]
        key = ("raw", params["database"]) if method == "rawJdbc" else (params["provider"], params["database"], method)
        score[key] = (row["primaryMetric"]["score"], row["primaryMetric"]["scoreError"])
    print(f"\n### {threads} thread{'s' if threads > 1 else ''}, pool of 10 connections (ops/ms, higher is better)\n")
    print("| provider | database | ReflexSession | ORM's own session | raw JDBC | time, Reflex / own session "
          "| throughput, Reflex / raw JDBC | throughput, own session / raw JDBC |")
    print("|---|---|---|---|---|---|---|---|")
    for provider in ("hibernate", "mybatis", "jdbi"):
        for database in ("h2", "postgresql"):
            reflex = score.get((provider, database, "reflexSession"))
            own = score.get((provider, database, "nativeSession"))
            raw = score.get(("raw", database))
            if not (reflex and own and raw):
                continue
            print(f"| {provider} | {database} | {fmt(reflex)} | {fmt(own)} | {fmt(raw)} | "
                  f"{own[0] / reflex[0]:.3f}x | {reflex[0] / raw[0]:.3f}x | {own[0] / raw[0]:.3f}x |")
boot = out / "bootstrap.json"
if boot.exists():
    rows = json.loads(boot.read_text())
    forks = rows[0]["forks"] if rows else 0
    print(f"\n### Bootstrap on H2 in memory: pool, ORM, one session (single shot, fresh JVM, {forks} forks; "
          "ms, lower is better)\n")
    print("| provider | ms |")
    print("|---|---|")
    for row in rows:
        m = row["primaryMetric"]
        print(f"| {row['params']['provider']} | {m['score']:.0f} ± {float(m['scoreError']):.0f} |")
