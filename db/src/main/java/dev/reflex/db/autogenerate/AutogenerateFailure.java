package dev.reflex.db.autogenerate;

/**
 * A failure of {@code revision} whose message is already the one line to show (without the {@code reflex-db: }
 * prefix): what is wrong, then what to do. The command line prints it as it prints its own.
 *
 * <p>Immutable and thread-safe.
 */
public final class AutogenerateFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message one line: what is wrong; what to do. Never a password
   */
  public AutogenerateFailure(String message) {
    super(message);
  }
}
