package dev.reflex.orm;

/**
 * Thrown when a commit fails. The work of the transaction has been rolled back, unless the exception is a
 * {@link CommitOutcomeUnknownException}: then the connection was lost while the commit was in flight, and the
 * server may have committed.
 *
 * <p>Either way the session goes on with a new transaction; when the connection was lost, that transaction runs
 * on a fresh connection from the pool, and objects unwrapped from the session before (a JDBI {@code Handle}, a
 * MyBatis {@code SqlSession} and its mappers) belonged to the lost one: unwrap them again.
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
