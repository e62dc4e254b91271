package dev.reflex.orm.test.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL databases the tests are done with, dropped in the background a batch at a time, on as many
 * connections as the batch holds: each {@code DROP DATABASE} forces a checkpoint, and drops that run at the same
 * time share one (by hand, 10 drops one after another took 1.2 s, 10 at once 0.3 s).
 *
 * <p>How many wait is bounded: {@link #awaitRoom()} holds the making of a new database while
 * {@value #MOST_WAITING} wait, so that a long run does not fill the server's disk with databases it no longer
 * needs, and so that a run's pace is the pace at which the server both makes and drops them.
 *
 * <p>Thread-safe.
 */
final class Drops implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.reflex.orm.test");
  static final int BATCH = 8;
  static final int MOST_WAITING = 2 * BATCH;

  private final Admins admins;
  private final ExecutorService droppers =
      Executors.newFixedThreadPool(BATCH, PostgresTemplate.daemon("reflex-test-drop"));
  private final List<String> next = new ArrayList<>();
  /** Databases handed in and not yet dropped. */
  private int waiting;
  private boolean released;
  private boolean closing;

  Drops(Admins admins) {
    this.admins = admins;
  }

  /** Drops a database with the next batch; once closing, at once. */
  void later(String database) {
    List<String> batch;
    synchronized (this) {
      if (closing) {
        batch = null;
      } else {
        waiting++;
        next.add(database);
        if (next.size() < BATCH) {
          return;
        }
        batch = new ArrayList<>(next);
        next.clear();
      }
    }
    if (batch == null) {
      drop(database);
    } else {
      batch.forEach(this::submit);
    }
  }

  /** Waits while {@value #MOST_WAITING} databases wait to be dropped; returns at once after {@link #release()}. */
  synchronized void awaitRoom() throws InterruptedException {
    while (waiting >= MOST_WAITING && !released) {
      wait();
    }
  }

  /** From now on, nothing waits for room: the run is ending. */
  synchronized void release() {
    released = true;
    notifyAll();
  }

  private void submit(String database) {
    droppers.execute(() -> {
      try {
        drop(database);
      } finally {
        synchronized (this) {
          waiting--;
          notifyAll();
        }
      }
    });
  }

  private void drop(String database) {
    try {
      // WITH (FORCE): a connection a test leaked must not keep its database alive
      admins.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "drop " + database);
    } catch (RuntimeException e) {
      // in the background, after the test: the next run drops what this one could not
      LOG.log(Level.WARNING, e.getMessage());
    }
  }

  /** Drops the databases still waiting, in parallel, and waits for every drop to end (at most 2 minutes). */
  @Override
  public void close() {
    List<String> rest;
    synchronized (this) {
      closing = true;
      released = true;
      notifyAll();
      rest = new ArrayList<>(next);
      next.clear();
    }
    rest.forEach(this::submit);
    droppers.shutdown();
    try {
      droppers.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      droppers.shutdownNow();
    }
  }
}
