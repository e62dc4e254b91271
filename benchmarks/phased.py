"""Tables of PhasedSessionBenchmark's PHASED lines: throughput ratios of the three sides, per provider and database.

Usage: phased.py log [log...] (JMH's output of runs of PhasedSessionBenchmark; with several logs, one table each, side
by side). Each round of three phases gives ReflexSession / raw JDBC, the ORM's own session / raw JDBC and
ReflexSession / own session in throughput (above 1: ReflexSession does more); the time column is the inverse of the
last, as in the 1-thread tables (above 1: ReflexSession is slower). The table shows the median over all rounds and,
for ReflexSession / own session, the range of the middle half. A round in which a side counted no operation (a phase
the machine starved: its ratios print as 0, NaN or Infinity) has no ratio; it is left out and counted."""
import collections
import math
import re
import statistics
import sys


def table(path):
    rounds = collections.defaultdict(list)
    dropped = collections.Counter()
    for line in open(path):
        m = re.search(r"PHASED (\S+) (\S+) (.*)", line.strip())
        if not m:
            continue
        for r in m.group(3).split():
            ratios = tuple(map(float, r.split("/")))
            if all(math.isfinite(x) and x > 0 for x in ratios):
                rounds[(m.group(1), m.group(2))].append(ratios)
            else:
                dropped[(m.group(1), m.group(2))] += 1
    print(f"\n{path}\n")
    print("| provider | database | rounds (left out) | throughput, ReflexSession / raw JDBC | own session / raw JDBC "
          "| **throughput, ReflexSession / own session**: median | its middle half | time, ReflexSession / own |")
    print("|---|---|---:|---:|---:|---:|---|---:|")
    for key in sorted(set(rounds) | set(dropped)):
        rs = rounds[key]
        if not rs:
            print(f"| {key[0]} | {key[1]} | 0 ({dropped[key]}) | | | | | |")
            continue
        ratios = sorted(r[2] for r in rs)
        q = len(ratios) // 4
        median = statistics.median(ratios)
        print(f"| {key[0]} | {key[1]} | {len(rs)} ({dropped[key]}) | {statistics.median(r[0] for r in rs):.3f}x "
              f"| {statistics.median(r[1] for r in rs):.3f}x | **{median:.3f}x** "
              f"| {ratios[q]:.3f} to {ratios[-q - 1]:.3f} | {1 / median:.3f}x |")


for log in sys.argv[1:]:
    table(log)
