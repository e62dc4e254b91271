package dev.reflex.orm;

/**
 * The root of every exception reflex-orm throws. Unchecked, like {@code JdbiException} and
 * {@code PersistenceException}; the subclasses are named for the failure.
 *
 * <p>A message is one line that says what went wrong and what to do about it. Where a database URL
 * helps, it is shown masked ({@code postgresql://app:***@db:5432/app}); a password never appears in a
 * message. The underlying failure is always kept as the cause.
 *
 * <p>Immutable and thread-safe.
 */
public class ReflexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what went wrong and what to do; never a password
   * @param cause the underlying failure, or {@code null}
   */
  public ReflexException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what went wrong and what to do; never a password
   */
  public ReflexException(String message) {
    super(message);
  }
}
