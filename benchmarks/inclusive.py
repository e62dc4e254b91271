"""Prints the share of a benchmark's CPU samples spent inside each step, for two JFR recordings side by side.

Usage: inclusive.py reflex.jfr native.jfr. A step counts a sample when it is anywhere on the sample's stack."""
import collections
import re
import subprocess
import sys

STEPS = [
    ("open: ReflexDatabase.session", "ReflexDatabase.session"),
    ("open: the ORM's session", "SessionFactoryImpl.openSession|DefaultSqlSessionFactory.openSession|Jdbi.open"),
    ("pool: take a connection", "HikariDataSource.getConnection"),
    ("the query", "SessionImpl.find|MapperProxy.invoke|ResultIterable.one"),
    ("commit, all of it", "ReflexSession.commit|TransactionImpl.commit|DefaultSqlSession.commit|Handle.commit"),
    ("  Hibernate flush", "SessionImpl.flush|DefaultFlushEventListener.onFlush"),
    ("  driver commit", "JdbcConnection.commit|PgConnection.commit"),
    ("begin (after commit, or first)", "TransactionImpl.begin|Handle.begin"),
    ("auto-commit switched in the driver", "JdbcConnection.setAutoCommit|PgConnection.setAutoCommit"),
    ("rollback in the driver", "JdbcConnection.rollback|PgConnection.rollback"),
    ("close, all of it", "ReflexSession.close|SessionImpl.close|DefaultSqlSession.close|Handle.close"),
    ("  pool: connection back (HikariCP close)", "ProxyConnection.close"),
]


def shares(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", path],
                          capture_output=True, text=True, check=True).stdout
    total, hits = 0, collections.Counter()
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = [re.sub(r"\(.*", "", line.strip()) for line in event.splitlines() if "line:" in line]
        if not any("SessionBenchmark." in f for f in frames):
            continue  # JMH's own threads, the JIT, HikariCP's housekeeping
        total += 1
        for label, pattern in STEPS:
            if any(re.search(pattern, f) for f in frames):
                hits[label] += 1
    return total, {label: 100.0 * hits[label] / max(total, 1) for label, _ in STEPS}


reflex_total, reflex = shares(sys.argv[1])
own_total, own = shares(sys.argv[2])
print(f"| step | ReflexSession ({reflex_total} samples) | ORM's own session ({own_total} samples) |")
print("|---|---:|---:|")
for label, _ in STEPS:
    print(f"| {label} | {reflex[label]:.1f}% | {own[label]:.1f}% |")
