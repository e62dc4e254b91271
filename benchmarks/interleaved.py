"""The time ratio ReflexSession / ORM's own session from InterleavedSessionBenchmark's JMH JSON, per iteration.

Usage: interleaved.py result.json. Each measured iteration gives one ratio (the two sides ran the same number of
operations in it, interleaved); the table shows the median of each fork's ratios, and the median and range of all."""
import json
import statistics
import sys

rows = []
for bench in json.load(open(sys.argv[1])):
    metrics = bench["secondaryMetrics"]
    forks = [[r / o for r, o in zip(rf, of)]
             for rf, of in zip(metrics["reflexNanos"]["rawData"], metrics["ownNanos"]["rawData"])]
    # operations per side in an iteration: invocations (ops/ms of the benchmark x the iteration's ms) x the block
    millis = float(bench["measurementTime"].split()[0]) * (1000 if bench["measurementTime"].endswith(" s") else 1)
    ops = sum(sum(fork) for fork in bench["primaryMetric"]["rawData"]) * millis * 50
    per_op = {side: sum(map(sum, metrics[side]["rawData"])) / ops / 1000 for side in ("reflexNanos", "ownNanos")}
    rows.append((bench["params"]["provider"], bench["params"]["database"], forks, per_op))

print("| provider | database | ReflexSession, us/op | own session, us/op | median of each fork "
      "| all iterations: median | min to max |")
print("|---|---|---:|---:|---|---:|---|")
for provider, database, forks, per_op in sorted(rows):
    every = [r for fork in forks for r in fork]
    per_fork = " ".join(f"{statistics.median(fork):.3f}" for fork in forks)
    print(f"| {provider} | {database} | {per_op['reflexNanos']:.2f} | {per_op['ownNanos']:.2f} | {per_fork} "
          f"| **{statistics.median(every):.3f}x** | {min(every):.3f} to {max(every):.3f} |")
