package dev.reflex.orm;

/**
 * Thrown when a setting such as {@code REFLEX_DB_POOL_SIZE} has a value that is not allowed. The message names the
 * setting and the values it takes.
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidConfigurationException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public InvalidConfigurationException(String message) {
    super(message, null);
  }
}
