package dev.reflex.orm;

/**
 * Thrown when a database URL (from the builder, {@code reflex.db.url} or {@code REFLEX_DB_URL}) cannot be understood.
 * The message names the form that was expected.
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidUrlException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidUrlException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public InvalidUrlException(String message) {
    super(message, null);
  }
}
