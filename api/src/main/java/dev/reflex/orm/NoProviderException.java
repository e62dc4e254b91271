package dev.reflex.orm;

/**
 * Thrown when no reflex-orm provider is on the class path or module path. The message names the three provider
 * artifacts and the {@code requires} line to add.
 *
 * <p>Immutable and thread-safe.
 */
public class NoProviderException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public NoProviderException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public NoProviderException(String message) {
    super(message, null);
  }
}
