package dev.reflex.orm.internal.jdbc;

import dev.reflex.orm.CommitOutcomeUnknownException;
import dev.reflex.orm.internal.Failures;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * The one rule, for the three providers, of whether a session's connection is lost, and of whether a failed
 * commit was lost in flight (outcome unknown) or refused by the server (rolled back).
 *
 * <p>Thread-safe (stateless).
 */
public final class LostConnections {
  /** PostgreSQL's SQLState for "terminating connection due to idle-in-transaction timeout". */
  private static final String IDLE_IN_TRANSACTION = "25P03";
  /**
   * MariaDB Connector/J's SQLState (with several hosts: {@code sequential}, {@code loadbalance},
   * {@code load-balance-read}, {@code replication}) for "I lost the link, connected again to a host, and the
   * {@code Connection} is open": its line says what was in flight.
   */
  private static final String RECONNECTED = "25S03";
  /** What Connector/J's 25S03 line says when the statement in flight was the COMMIT. */
  private static final String DURING_COMMIT = "during a COMMIT statement";

  private LostConnections() {}

  /**
   * Whether a connection is closed: by its owner, or by the driver or the pool after a failure they took as
   * fatal (HikariCP closes its proxy on an SQLState of class 08 and the like). Asks no round trip of the server.
   *
   * @param connection the connection, or {@code null} when the session holds none
   * @return {@code true} when closed, or when the connection cannot even say
   */
  public static boolean isClosed(Connection connection) {
    try {
      return connection != null && connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * Runs an ORM's commit on the session's connection. When it fails on a connection that was open when the
   * commit began and is lost now, or with a failure that says so, the commit may have reached the server: that is
   * reported as a {@link CommitOutcomeUnknownException}. Any other failure (among them the server's refusal, such
   * as a serialization failure or a deferred constraint violation) is rethrown as it is: the work was rolled back.
   *
   * @param connection the connection the commit runs on
   * @param commit the ORM's commit
   * @throws CommitOutcomeUnknownException when the connection was lost while the commit was in flight
   */
  public static void commit(Connection connection, Runnable commit) {
    // a connection closed before the commit never sent it: whatever fails then is a plain rollback
    boolean openBefore = !isClosed(connection);
    try {
      commit.run();
    } catch (RuntimeException e) {
      if (openBefore && lostInFlight(e, isClosed(connection))) {
        throw outcomeUnknown(e);
      }
      throw e;
    }
  }

  /**
   * The rule. The server's own answer wins: an SQLState of class 23 (integrity) or 40 (transaction rollback)
   * means it refused the commit and rolled back, and 25P03 that it ended the session because it sat idle in its
   * transaction (PostgreSQL's {@code idle_in_transaction_session_timeout}), so no commit had reached it: the FATAL
   * line closes the connection, but it is an answer, not a lost one. MariaDB's driver with several hosts says 25S03
   * when it has connected again to a host after losing the link, on a connection that stays open: unknown when its
   * line says the COMMIT was in flight; otherwise a statement before the COMMIT was lost, with the transaction the
   * server rolled back when the link went (the commit runs with auto-commit off). Otherwise the connection counts as
   * lost on an SQLState of class 08, on an I/O failure or a driver's connection exception anywhere in the causes,
   * or when the connection is closed after the failure.
   */
  static boolean lostInFlight(Throwable failure, boolean closedAfter) {
    SQLException answer = firstWithState(failure);
    String state = answer == null ? null : answer.getSQLState();
    if (state != null && (state.startsWith("23") || state.startsWith("40") || state.equals(IDLE_IN_TRANSACTION))) {
      return false;
    }
    if (RECONNECTED.equals(state)) {
      return answer.getMessage() != null && answer.getMessage().contains(DURING_COMMIT);
    }
    if (state != null && state.startsWith("08")) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
    }
    return closedAfter;
  }

  static CommitOutcomeUnknownException outcomeUnknown(Throwable failure) {
    return new CommitOutcomeUnknownException("The connection was lost while the commit was in flight, so the"
        + " outcome is unknown: the server may have committed (" + describe(failure) + "); check whether the work"
        + " is in the database before running it again, or make the work idempotent", failure);
  }

  /** The driver's own line with its SQLState, which says more than its cause (often a bare EOFException). */
  private static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException && t.getMessage() != null) {
        String state = ((SQLException) t).getSQLState();
        String message = t.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        return message + (state == null ? "" : " [SQLState " + state + "]");
      }
    }
    return Failures.rootMessage(failure);
  }

  /** @return the first SQLException in the causes that carries an SQLState: the driver's or the server's */
  private static SQLException firstWithState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
        return (SQLException) t;
      }
    }
    return null;
  }
}
