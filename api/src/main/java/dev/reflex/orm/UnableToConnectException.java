package dev.reflex.orm;

/**
 * Thrown when no database connection can be had: the server is unreachable, the credentials are refused, or the pool
 * had no free connection within its timeout (the message then shows the pool's state).
 *
 * <p>Immutable and thread-safe.
 */
public class UnableToConnectException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public UnableToConnectException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public UnableToConnectException(String message) {
    super(message, null);
  }
}
