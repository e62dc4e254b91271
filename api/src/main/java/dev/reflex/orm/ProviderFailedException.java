package dev.reflex.orm;

/**
 * Thrown when the chosen provider fails to bootstrap its ORM, for example because an entity is invalid or a mapper
 * cannot be parsed.
 *
 * <p>Immutable and thread-safe.
 */
public class ProviderFailedException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public ProviderFailedException(String message) {
    super(message, null);
  }
}
