"""Reads the JSON of run-session-rounds.sh and prints, per provider and database, the time ratio ReflexSession /
own session of each round, their median, and the allocation per operation of both."""
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

out = Path(sys.argv[1])
runs = defaultdict(dict)  # (provider, database) -> round -> method -> (ops/ms, bytes/op)
for path in sorted(out.glob("r*-*.json")):
    round_, provider, database, method = path.stem.split("-")
    text = path.read_text()
    if not text.strip():
        continue  # a run still going, or one that failed: its log says which
    row = json.loads(text)[0]
    alloc = row["secondaryMetrics"]["gc.alloc.rate.norm"]["score"]
    runs[(provider, database)].setdefault(round_, {})[method] = (row["primaryMetric"]["score"], alloc)

print("| provider | database | time, Reflex / own session, per round | median | "
      "ReflexSession, B/op | own session, B/op |")
print("|---|---|---|---:|---:|---:|")
for (provider, database), rounds in runs.items():
    ratios, reflex_alloc, own_alloc = [], [], []
    for _, methods in sorted(rounds.items()):
        if len(methods) == 2:
            (reflex, ra), (own, oa) = methods["reflexSession"], methods["nativeSession"]
            ratios.append(own / reflex)
            reflex_alloc.append(ra)
            own_alloc.append(oa)
    if ratios:
        print(f"| {provider} | {database} | {' '.join(f'{r:.3f}' for r in ratios)} | "
              f"**{statistics.median(ratios):.3f}x** | {statistics.median(reflex_alloc):,.0f} | "
              f"{statistics.median(own_alloc):,.0f} |")
