package dev.reflex.orm.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.reflex.orm.UnableToConnectException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns a failure to get a connection into one line that says what happened and what to do.
 *
 * <p>Thread-safe (stateless).
 */
public final class Failures {
  private Failures() {}

  /**
   * Describes a failure to connect or to take a connection from the pool.
   *
   * @param failure what the pool or the driver threw
   * @param url the URL, for its masked form and its password (scrubbed from the driver's text)
   * @param origin where the URL came from
   * @param pool the pool, for its state, or {@code null} for an application's own data source
   * @return the exception to throw, with the failure as its cause
   */
  public static UnableToConnectException unableToConnect(Throwable failure, DatabaseUrl url, String origin,
      HikariDataSource pool) {
    if (failure instanceof UnableToConnectException) {
      return (UnableToConnectException) failure; // already one line, such as the driver jar to add
    }
    String where = url == null ? "the application's DataSource" : url.masked();
    String secret = url == null ? null : url.password();
    SQLTransientConnectionException timeout = find(failure, SQLTransientConnectionException.class);
    HikariPoolMXBean bean = pool == null ? null : pool.getHikariPoolMXBean();
    if (timeout != null && bean != null && timeout.getCause() == null) {
      String state = "total=" + bean.getTotalConnections() + ", active=" + bean.getActiveConnections()
          + ", idle=" + bean.getIdleConnections() + ", waiting=" + bean.getThreadsAwaitingConnection();
      return new UnableToConnectException("No database connection free within " + pool.getConnectionTimeout()
          + " ms (pool " + pool.getPoolName() + ": " + state + ", maximum " + pool.getMaximumPoolSize() + ") for "
          + where + ": close each session when done (try-with-resources), or raise REFLEX_DB_POOL_SIZE or"
          + " REFLEX_DB_POOL_TIMEOUT", failure);
    }
    return new UnableToConnectException("Unable to connect to " + where + " (" + origin + "): "
        + Secrets.scrub(rootMessage(failure), secret) + "; check that the database server is running and that"
        + " the URL, user and password are right", failure);
  }

  /**
   * Returns the message of the deepest cause, which is the one that names the problem.
   *
   * @param failure the failure
   * @return its root cause's message, or its class name when there is none
   */
  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : oneLine(message);
  }

  static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
