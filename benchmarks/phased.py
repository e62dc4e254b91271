"""Tables of PhasedSessionBenchmark's PHASED lines: throughput ratios of the three sides, per provider and database.

Usage: phased.py log (JMH's output of a run of PhasedSessionBenchmark). Each round of three phases gives
ReflexSession / raw JDBC and the ORM's own session / raw JDBC in throughput, and ReflexSession / own session in
time (the inverse of their throughputs, as in the 1-thread tables); the table shows the median over all rounds and,
for the last, the range of its middle half."""
import collections
import re
import statistics
import sys

rounds = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.search(r"PHASED (\S+) (\S+) (.*)", line.strip())
    if m:
        rounds[(m.group(1), m.group(2))] += [tuple(map(float, r.split("/"))) for r in m.group(3).split()]

print("| provider | database | rounds | throughput, ReflexSession / raw JDBC | own session / raw JDBC "
      "| time, ReflexSession / own session: median | its middle half |")
print("|---|---|---:|---:|---:|---:|---|")
for (provider, database), rs in sorted(rounds.items()):
    ratios = sorted(1 / r[2] for r in rs)
    q = len(ratios) // 4
    print(f"| {provider} | {database} | {len(rs)} | {statistics.median(r[0] for r in rs):.3f}x "
          f"| {statistics.median(r[1] for r in rs):.3f}x | **{statistics.median(ratios):.3f}x** "
          f"| {ratios[q]:.3f} to {ratios[-q - 1]:.3f} |")
