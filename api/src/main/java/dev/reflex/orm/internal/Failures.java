package dev.reflex.orm.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.reflex.orm.UnableToConnectException;
import dev.reflex.orm.internal.jdbc.WriterBusyException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

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
   * @param url the URL, for its masked form and its secrets (scrubbed from the driver's text)
   * @param origin where the URL came from
   * @param pool the pool, for its state, or {@code null} for an application's own data source
   * @return the exception to throw, with the failure as its cause (a redacted copy when it shows a secret)
   */
  public static UnableToConnectException unableToConnect(Throwable failure, DatabaseUrl url, String origin,
      HikariDataSource pool) {
    if (failure instanceof UnableToConnectException) {
      return (UnableToConnectException) failure; // already one line, such as the driver jar to add
    }
    String where = url == null ? "the application's DataSource" : url.masked();
    List<String> secrets = url == null ? List.of() : url.secrets();
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
    String sqlite = sqlite(failure, where, pool);
    if (sqlite != null) {
      return new UnableToConnectException(sqlite, failure);
    }
    return new UnableToConnectException("Unable to connect to " + where + " (" + origin + "): "
        + Secrets.scrub(rootMessage(failure), secrets) + "; check that the database server is running and that"
        + " the URL, user and password are right", RedactedFailure.of(failure, secrets));
  }

  /**
   * Returns the failure to keep as a cause: itself, or a copy with the secrets masked when its messages show one.
   *
   * @param failure the failure
   * @param secrets the secrets it must not show
   * @return the failure or its redacted copy
   */
  public static Throwable redacted(Throwable failure, List<String> secrets) {
    return RedactedFailure.of(failure, secrets);
  }

  /** SQLite is a file, not a server: a locked or unopenable file gets its own line, else {@code null}. */
  private static String sqlite(Throwable failure, String where, HikariDataSource pool) {
    WriterBusyException busy = find(failure, WriterBusyException.class);
    String root = rootMessage(failure);
    if (busy != null || root.contains("SQLITE_BUSY")) {
      String who = busy != null ? busy.getMessage() : "another writer held the SQLite file's write lock"
          + (pool == null ? "" : " for more than " + pool.getConnectionTimeout() + " ms");
      return "No transaction could begin on " + where + ": " + who + "; nothing of this session ran, and a connection"
          + " whose begin failed is discarded: let the other writer finish (close each session when done) and try"
          + " again, or raise REFLEX_DB_POOL_TIMEOUT";
    }
    if (root.contains("SQLITE_CANTOPEN")) {
      return "Unable to open the SQLite file " + where + ": " + root + "; check that its folder exists and that this"
          + " process may read and write the folder and the file";
    }
    return null;
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
