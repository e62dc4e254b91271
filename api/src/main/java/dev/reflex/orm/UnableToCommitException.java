package dev.reflex.orm;

/**
 * Thrown when a commit fails. The work of the transaction has been rolled back, and the session can go on with a new transaction.
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
