package dev.reflex.orm;

/**
 * Thrown when a commit fails. The work of the transaction has been rolled back, unless the exception is a
 * {@link CommitOutcomeUnknownException}: then the connection was lost while the commit was in flight, and the
 * server may have committed.
 *
 * <p>Either way the session goes on with a new transaction. When the connection was lost, the session hands it
 * back to the pool, which discards it, and its next use takes a fresh one; objects unwrapped from the session
 * before (a JDBI {@code Handle}, a MyBatis {@code SqlSession} and its mappers) belonged to the lost connection:
 * unwrap them again. The session does not wait for a fresh connection inside the failing commit, so that a server
 * that is gone does not delay the failure by the pool timeout.
 *
 * <p>Immutable and thread-safe.
 */
public class UnableToCommitException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public UnableToCommitException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public UnableToCommitException(String message) {
    super(message, null);
  }
}
