"""Reads the JMH JSON results of run-session-benchmarks.sh and prints the tables with ratios."""
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
for threads in (1, 64):
    rows = json.loads((out / f"session-t{threads}.json").read_text())
    score = {}
    for row in rows:
        method = row["benchmark"].rsplit(".", 1)[1]
        params = row["params"]
        score[(params["provider"], params["database"], method)] = (
            row["primaryMetric"]["score"], row["primaryMetric"]["scoreError"])
    print(f"\n### {threads} thread{'s' if threads > 1 else ''}, pool of 10 connections (ops/ms, higher is better)\n")
    print("| provider | database | ReflexSession | ORM's own session | raw JDBC | time, Reflex / own session | throughput, Reflex / raw JDBC |")
    print("|---|---|---|---|---|---|---|")
    for provider in ("hibernate", "mybatis", "jdbi"):
        for database in ("h2", "postgresql"):
            reflex, own, raw = (score.get((provider, database, m)) for m in ("reflexSession", "nativeSession", "rawJdbc"))
            if not (reflex and own and raw):
                continue
            fmt = lambda s: f"{s[0]:.2f} ± {s[1]:.2f}"
            print(f"| {provider} | {database} | {fmt(reflex)} | {fmt(own)} | {fmt(raw)} | "
                  f"{own[0] / reflex[0]:.3f}x | {reflex[0] / raw[0]:.3f}x |")
boot = out / "bootstrap.json"
if boot.exists():
    print("\n### Bootstrap on H2 in memory: pool, ORM, one session (single shot, fresh JVM, 5 forks; ms, lower is better)\n")
    print("| provider | ms |")
    print("|---|---|")
    for row in json.loads(boot.read_text()):
        m = row["primaryMetric"]
        print(f"| {row['params']['provider']} | {m['score']:.0f} ± {m['scoreError']:.0f} |")
