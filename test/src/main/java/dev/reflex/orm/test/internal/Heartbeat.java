package dev.reflex.orm.test.internal;

import dev.reflex.orm.internal.DatabaseUrl;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a run provably alive for other runs ({@link Leftovers}): every {@link Leftovers#interval()}, and at once
 * when an administrative connection of the run was found lost, it writes the server's clock into the mark of the
 * run's anchor database (its template). Its connection is its own, opened again whenever a beat fails on it, so
 * that a lost connection (a server restart, {@code pg_terminate_backend}, {@code KILL}, an idle timeout) never
 * stops the heartbeat silently.
 *
 * <p>Thread-safe.
 */
final class Heartbeat implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.reflex.orm.test");
  /** Reserving a few clones at a time keeps the writes, which wait for a clone being made, rare. */
  private static final int RESERVE_AHEAD = 8;

  private final DatabaseUrl base;
  private final Ownership ownership;
  private final String user;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(PostgresTemplate.daemon("reflex-test-heartbeat"));
  private Server server;
  private Mark anchor;
  private volatile long last;
  private long reserved;
  private boolean closed;

  /**
   * Opens the heartbeat's connection and reads the server's clock; nothing is marked before {@link #start}.
   *
   * @param base the server, and the database to connect to
   * @param ownership how the server stores marks
   */
  Heartbeat(DatabaseUrl base, Ownership ownership) {
    this.base = base;
    this.ownership = ownership;
    this.server = new Server(base, ownership.adminSetup());
    Ownership.Clock clock = ownership.clock(server);
    this.user = clock.user();
    this.last = clock.now();
  }

  /** @return the database user the run works as */
  String user() {
    return user;
  }

  /** @return the mark of a new database of this run, with the last heartbeat's time */
  Mark mark(String database) {
    return Mark.ours(database, user, last);
  }

  /**
   * Marks the anchor at once, and from now on every interval.
   *
   * @param database the run's anchor database, made by the caller
   */
  synchronized void start(String database) {
    anchor = mark(database);
    write();
    long every = Leftovers.interval().toMillis();
    timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Before the run begins to make the clone {@code reflex_test_RUN_n}: records in the anchor's mark that it may
   * exist, a few numbers ahead, so that a clone whose {@code CREATE DATABASE} the server completed after the run was
   * killed, before its own mark was written, is still provably the run's.
   *
   * @param n the clone's number
   */
  synchronized void reserve(long n) {
    if (n > reserved) {
      reserved = n + RESERVE_AHEAD;
      beat();
    }
  }

  /** A connection of the run was lost: the heartbeat's may be too, so it beats now rather than at its next turn. */
  void now() {
    try {
      timer.execute(this::beat);
    } catch (RejectedExecutionException e) {
      // closed: the run is ending
    }
  }

  private synchronized void beat() {
    if (closed || anchor == null) {
      return;
    }
    try {
      write();
    } catch (RuntimeException e) {
      // most likely the connection was lost: once more, on a new one
      server.close();
      try {
        server = new Server(base, ownership.adminSetup());
        write();
      } catch (RuntimeException again) {
        LOG.log(Level.WARNING, "reflex-orm-test could not renew the heartbeat of test run " + Template.RUN
            + " on " + anchor.database() + " (" + again.getMessage() + "); it tries again in "
            + Leftovers.interval().toSeconds() + " s, and other runs take this run as ended "
            + Leftovers.grace().toSeconds() + " s after its last heartbeat");
      }
    }
  }

  private void write() {
    long now = ownership.clock(server).now();
    server.execute(ownership.remark(anchor.beat(now, reserved)), "renew the heartbeat on " + anchor.database());
    last = now;
  }

  /** Stops the beats (the run is ending and drops its databases) and closes the connection. Idempotent. */
  @Override
  public void close() {
    timer.shutdownNow();
    synchronized (this) {
      closed = true;
      server.close();
    }
  }
}
