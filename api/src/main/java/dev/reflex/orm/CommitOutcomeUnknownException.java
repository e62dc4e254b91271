package dev.reflex.orm;

/**
 * Thrown when the connection was lost while the commit was in flight (a failover, a killed server process, a
 * dropped socket, a socket timeout): the server may have committed before it went, so the work may or may not be
 * in the database. Running the work again blindly can write it twice; check whether it is there first, or make
 * the work idempotent.
 *
 * <p>The session goes on, as after any {@link UnableToCommitException}: its next use takes a fresh connection
 * from the pool.
 *
 * <p>Immutable and thread-safe.
 */
public class CommitOutcomeUnknownException extends UnableToCommitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public CommitOutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
