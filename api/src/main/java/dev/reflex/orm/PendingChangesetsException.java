package dev.reflex.orm;

/**
 * The database lacks changesets of the application's changelog: thrown by {@link ReflexDatabaseBuilder#build()}
 * when {@link ReflexDatabaseBuilder#checkChangelog(boolean)} asks, and attached as a suppressed exception to a
 * driver's failure that says a table or column is missing, with the count of changesets that have not run and the
 * command that runs them.
 *
 * <p>Immutable and thread-safe.
 */
public class PendingChangesetsException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: how many changesets have not run, and to run {@code reflex-db update}
   * @param cause the underlying failure, or {@code null}
   */
  public PendingChangesetsException(String message, Throwable cause) {
    super(message, cause);
  }
}
