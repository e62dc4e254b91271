package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.CommitOutcomeUnknownException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A writer and a reader on a real pg_auto_failover formation, through the URL {@code pg_autoctl show uri} prints,
 * while {@code pg_autoctl perform failover} runs twice. Prints, per failover, the time to the first write on the new
 * primary and the transactions that failed (the figures in BENCHMARKS.md).
 */
class FailoverTest {
  private static final String PROVIDER = "jdbi";
  private static final int FAILOVERS = 2;

  /** One writer transaction: when it ran, where its work landed, and how it ended. */
  record Attempt(long id, long startNanos, long endNanos, Integer port, Boolean inRecovery, Throwable failure) {
    boolean committed() {
      return failure == null;
    }
  }

  /** The server a session's connection is on: its port and whether it is a standby. */
  record Server(int port, boolean inRecovery) {}

  private static Server server(ReflexSession session) throws SQLException {
    try (Statement statement = session.unwrap(Connection.class).createStatement();
        ResultSet rows = statement.executeQuery("select inet_server_port(), pg_is_in_recovery()")) {
      rows.next();
      return new Server(rows.getInt(1), rows.getBoolean(2));
    }
  }

  private static void execute(ReflexSession session, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = session.unwrap(Connection.class).prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.execute();
    }
  }

  /** Writes one row every 50 ms, each in its own transaction, recording every outcome. */
  private static Thread writer(ReflexDatabase db, List<Attempt> attempts, boolean[] stop) {
    Thread thread = new Thread(() -> {
      for (long id = 1; !stop[0]; id++) {
        long start = System.nanoTime();
        Server[] where = new Server[1];
        long row = id;
        try {
          db.transaction(s -> {
            where[0] = server(s);
            execute(s, "insert into ledger (id, port) values (?, ?)", row, where[0].port());
            return null;
          });
          attempts.add(new Attempt(id, start, System.nanoTime(), where[0].port(), where[0].inRecovery(), null));
        } catch (Exception e) {
          attempts.add(new Attempt(id, start, System.nanoTime(), where[0] == null ? null : where[0].port(),
              where[0] == null ? null : where[0].inRecovery(), e));
        }
        sleep(50);
      }
    }, "failover-writer");
    thread.start();
    return thread;
  }

  /** Reads through the replica database every 100 ms; records each failure. */
  private static Thread reader(ReflexDatabase replica, List<Long> reads, List<Throwable> failures, boolean[] stop) {
    Thread thread = new Thread(() -> {
      while (!stop[0]) {
        try {
          replica.transaction(s -> server(s));
          reads.add(System.nanoTime());
        } catch (Exception e) {
          failures.add(e);
        }
        sleep(100);
      }
    }, "failover-reader");
    thread.start();
    return thread;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long committedOn(List<Attempt> attempts, int port, long afterNanos) {
    return attempts.stream().filter(a -> a.committed() && a.port() == port && a.startNanos() > afterNanos).count();
  }

  @Test
  void aWriterThroughTheFormationsUrlSurvivesTwoFailoversAndTheReplicaDatabaseKeepsReading() throws Exception {
    Formation.assumeAvailable();
    long began = System.nanoTime();
    try (Formation formation = Formation.start()) {
      String url = formation.uri();
      System.out.println("formation ready in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)
          + " s; its URL: " + url);
      assertThat(url).startsWith("postgres://127.0.0.1:").contains(",127.0.0.1:")
          .contains("target_session_attrs=read-write");
      String replicaUrl = url.replace("target_session_attrs=read-write", "target_session_attrs=prefer-standby");
      try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider(PROVIDER).poolSize(4)
              .poolTimeout(Duration.ofSeconds(30)).build();
          ReflexDatabase replica = ReflexDatabase.builder().url(replicaUrl).provider(PROVIDER).poolSize(2)
              .poolTimeout(Duration.ofSeconds(30)).build()) {
        db.transaction(s -> {
          execute(s, "create table ledger (id bigint primary key, port int not null)");
          // a commit that is still running when the failover stops the old primary: a deferred trigger sleeps in it
          execute(s, "create table slow (id int)");
          execute(s, "create function sleep_in_commit() returns trigger language plpgsql as"
              + " $$ begin perform pg_sleep(60); return null; end $$");
          execute(s, "create constraint trigger slow_commit after insert on slow deferrable initially deferred"
              + " for each row execute function sleep_in_commit()");
          return null;
        });
        int standby = formation.secondary();
        assertThat(replica.transaction(FailoverTest::server)).isEqualTo(new Server(standby, true));
        assertThatThrownBy(() -> replica.transaction(s -> {
          execute(s, "insert into ledger (id, port) values (0, 0)");
          return null;
        })).isInstanceOf(SQLException.class).hasMessage("ERROR: cannot execute INSERT in a read-only transaction");

        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        List<Long> reads = new CopyOnWriteArrayList<>();
        List<Throwable> readFailures = new CopyOnWriteArrayList<>();
        boolean[] stop = {false};
        Thread writer = writer(db, attempts, stop);
        Thread reader = reader(replica, reads, readFailures, stop);
        List<Long> failoverStarts = new ArrayList<>();
        List<Integer> newPrimaries = new ArrayList<>();
        List<InFlight> inFlight = new ArrayList<>();
        try {
          waitUntil(() -> committedOn(attempts, formation.primary(), began) >= 20);
          for (int i = 0; i < FAILOVERS; i++) {
            int oldPrimary = formation.primary();
            inFlight.add(commitInFlight(db, i, oldPrimary));
            long start = System.nanoTime();
            failoverStarts.add(start);
            formation.failover();
            int primary = formation.primary();
            newPrimaries.add(primary);
            // the next failover only once the writer has run a while on the new primary
            waitUntil(() -> committedOn(attempts, primary, start) >= 20);
          }
        } finally {
          stop[0] = true;
          writer.join(60_000);
          reader.join(60_000);
        }

        // no write reached a standby: none refused as read-only, none committed on a node in recovery
        assertThat(attempts).noneMatch(a -> a.failure() != null
            && String.valueOf(a.failure().getMessage()).contains("read-only transaction"));
        assertThat(attempts).filteredOn(Attempt::committed).allMatch(a -> Boolean.FALSE.equals(a.inRecovery()));
        List<List<Attempt>> failedPerFailover = new ArrayList<>();
        for (int i = 0; i < FAILOVERS; i++) {
          long from = failoverStarts.get(i);
          long to = i + 1 < FAILOVERS ? failoverStarts.get(i + 1) : Long.MAX_VALUE;
          failedPerFailover.add(attempts.stream().filter(a -> !a.committed() && a.startNanos() >= from
              && a.startNanos() < to).collect(Collectors.toList()));
        }
        report(attempts, failoverStarts, newPrimaries, failedPerFailover, reads, readFailures);
        assertThat(attempts).filteredOn(a -> a.startNanos() < failoverStarts.get(0)).allMatch(Attempt::committed);
        assertThat(failedPerFailover).allSatisfy(failed -> assertThat(failed).hasSizeLessThanOrEqualTo(3));
        for (int i = 0; i < FAILOVERS; i++) {
          assertThat(committedOn(attempts, newPrimaries.get(i), failoverStarts.get(i))).isPositive();
        }
        // a commit cut off by the failover (one per failover, held in the commit by the deferred trigger, and any
        // of the writer's) is reported as of unknown outcome, in one line, never as rolled back
        List<Throwable> cutOff = new ArrayList<>();
        for (InFlight commit : inFlight) {
          cutOff.add(commit.outcome());
        }
        assertThat(cutOff).hasSize(FAILOVERS).allSatisfy(FailoverTest::assertOutcomeUnknown);
        attempts.stream().filter(a -> a.failure() instanceof UnableToCommitException)
            .forEach(a -> assertOutcomeUnknown(a.failure()));
        System.out.println("commits cut off by the failovers: " + cutOff.stream()
            .map(f -> f.getClass().getSimpleName() + ": " + f.getMessage()).collect(Collectors.toList()));

        // every commit reported as done is on the last primary
        Set<Long> committed = attempts.stream().filter(Attempt::committed).map(Attempt::id).collect(Collectors.toSet());
        Set<Long> stored = db.transaction(FailoverTest::ids);
        assertThat(stored).containsAll(committed);
        assertThat(db.transaction(FailoverTest::server)).isEqualTo(new Server(formation.primary(), false));

        // the replica database kept reading after each failover, and reads the rows written through the primary
        long lastFailoverEnd = failoverStarts.get(FAILOVERS - 1);
        assertThat(reads).anyMatch(read -> read > lastFailoverEnd);
        Set<Long> replicated = replica.transaction(FailoverTest::ids);
        assertThat(replicated).containsAll(committedBefore(attempts, lastFailoverEnd));
      }
    }
  }

  /**
   * Starts a transaction whose commit is still running on the primary (its deferred trigger sleeps) when the
   * failover begins; returns a holder that has its failure once the thread ends.
   */
  private static InFlight commitInFlight(ReflexDatabase db, int id, int primary) throws InterruptedException {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(() -> {
      try {
        db.transaction(s -> {
          execute(s, "insert into slow values (?)", id);
          return null;
        });
        failure[0] = new AssertionError("the commit held in its trigger returned normally through a failover");
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "commit-in-flight");
    thread.start();
    for (int i = 0; i < 200 && !"1".equals(Formation.query(primary, "app",
        "select count(*) from pg_stat_activity where wait_event = 'PgSleep'")); i++) {
      Thread.sleep(50);
    }
    return new InFlight(thread, failure);
  }

  /** A commit held on the primary, and how it ended. */
  record InFlight(Thread thread, Throwable[] failure) {
    Throwable outcome() throws InterruptedException {
      thread.join(60_000);
      return failure[0];
    }
  }

  private static void assertOutcomeUnknown(Throwable failure) {
    assertThat(failure).isInstanceOf(CommitOutcomeUnknownException.class)
        .hasMessageStartingWith("The connection was lost while the commit was in flight, so the outcome is unknown")
        .hasMessageNotContaining("rolled back").hasMessageNotContaining("\n");
  }

  private static Set<Long> committedBefore(List<Attempt> attempts, long nanos) {
    return attempts.stream().filter(a -> a.committed() && a.endNanos() < nanos).map(Attempt::id)
        .collect(Collectors.toSet());
  }

  private static Set<Long> ids(ReflexSession session) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (Statement statement = session.unwrap(Connection.class).createStatement();
        ResultSet rows = statement.executeQuery("select id from ledger")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 600 && !done.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(done.getAsBoolean()).as("the writer committed on the primary within 60 s").isTrue();
  }

  /** Prints the figures: per failover, the write outage, the time to the first write, the failed transactions. */
  private static void report(List<Attempt> attempts, List<Long> starts, List<Integer> primaries,
      List<List<Attempt>> failed, List<Long> reads, List<Throwable> readFailures) {
    for (int i = 0; i < starts.size(); i++) {
      long start = starts.get(i);
      int primary = primaries.get(i);
      Attempt first = attempts.stream().filter(a -> a.committed() && a.port() == primary && a.startNanos() >= start)
          .findFirst().orElse(null);
      Attempt lastBefore = attempts.stream().filter(a -> a.committed() && a.port() != primary && a.endNanos() <= (
          first == null ? Long.MAX_VALUE : first.endNanos())).reduce((a, b) -> b).orElse(null);
      System.out.printf("failover %d: first write on the new primary (port %d) %d ms after pg_autoctl perform"
              + " failover began; writes stopped for %d ms (last commit on the old primary to first on the new);"
              + " %d transactions failed: %s%n", i + 1, primary,
          first == null ? -1 : TimeUnit.NANOSECONDS.toMillis(first.endNanos() - start),
          first == null || lastBefore == null ? -1 : TimeUnit.NANOSECONDS.toMillis(first.endNanos() - lastBefore.endNanos()),
          failed.get(i).size(), failed.get(i).stream().map(a -> a.failure().getClass().getSimpleName() + ": "
              + a.failure().getMessage()).collect(Collectors.toList()));
    }
    System.out.printf("writer: %d transactions, %d committed; replica reader: %d reads, %d failed %s%n",
        attempts.size(), attempts.stream().filter(Attempt::committed).count(), reads.size(), readFailures.size(),
        readFailures.stream().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).collect(Collectors.toList()));
  }
}
