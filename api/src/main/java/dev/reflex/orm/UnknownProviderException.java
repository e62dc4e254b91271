package dev.reflex.orm;

/**
 * Thrown when a provider is chosen by name (builder, {@code reflex.orm.provider} or {@code REFLEX_ORM_PROVIDER}) and no
 * provider of that name was found. The message lists the providers that were found.
 *
 * <p>Immutable and thread-safe.
 */
public class UnknownProviderException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public UnknownProviderException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public UnknownProviderException(String message) {
    super(message, null);
  }
}
