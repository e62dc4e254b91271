package dev.reflex.orm.test.internal;

import dev.reflex.orm.internal.DatabaseUrl;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Administrative connections to a database server, opened as statements need them, so that several
 * {@code CREATE DATABASE} or {@code DROP DATABASE} statements can run at once. A few are kept for the next
 * statements; the others are closed after their statement, so that a run's templates, kept to its end, do not
 * hold the server's connections.
 *
 * <p>A statement whose connection was lost runs once more on a new one, so that a server restarted in the middle
 * of a run does not fail the rest of it; a database the first try created counts as created.
 *
 * <p>Thread-safe. After {@link #close()}, a statement still runs, on a connection closed after it.
 */
final class Admins implements AutoCloseable {
  private final DatabaseUrl base;
  private final List<String> setup;
  private final int keep;
  private final Runnable lost;
  private final Deque<Server> idle = new ArrayDeque<>();
  private boolean closed;

  /**
   * @param base the server, and the database to connect to
   * @param setup statements run on each connection when it is opened
   * @param keep how many idle connections to keep
   * @param lost told when a connection was found lost, which a run's heartbeat's may be too
   */
  Admins(DatabaseUrl base, List<String> setup, int keep, Runnable lost) {
    this.base = base;
    this.setup = List.copyOf(setup);
    this.keep = keep;
    this.lost = lost;
  }

  /**
   * Runs a statement on a connection no other statement is using.
   *
   * @param sql the statement
   * @param what what it does, for the message when it fails
   */
  void execute(String sql, String what) {
    Server server = poll();
    if (server == null) {
      server = new Server(base, setup);
    }
    try {
      server.execute(sql, what);
    } catch (RuntimeException e) {
      if (server.isValid()) {
        release(server);
        throw e;
      }
      // the connection was lost (the server restarted, or an administrator ended it): once more, on a new one
      server.close();
      lost.run();
      server = new Server(base, setup);
      try {
        server.execute(sql, what);
      } catch (RuntimeException again) {
        if (!createdBefore(again)) {
          server.close();
          again.addSuppressed(e);
          throw again;
        }
      }
    }
    release(server);
  }

  /**
   * A {@code CREATE DATABASE} whose connection was lost after the server ran it finds its database there when it
   * runs again: as the names are the run's own, the first try made it.
   */
  private static boolean createdBefore(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        SQLException e = (SQLException) cause;
        // PostgreSQL duplicate_database; MariaDB and MySQL ER_DB_CREATE_EXISTS
        return "42P04".equals(e.getSQLState()) || e.getErrorCode() == 1007;
      }
    }
    return false;
  }

  private void release(Server server) {
    synchronized (this) {
      if (!closed && idle.size() < keep) {
        idle.push(server);
        return;
      }
    }
    server.close();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    Server server;
    while ((server = poll()) != null) {
      server.close();
    }
  }

  private synchronized Server poll() {
    return idle.poll();
  }
}
