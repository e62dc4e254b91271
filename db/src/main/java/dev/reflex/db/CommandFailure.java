package dev.reflex.db;

/**
 * A failure of one of our commands whose message is already the one line to show (without the
 * {@code reflex-db: } prefix): what is wrong, then what to do.
 *
 * <p>Immutable and thread-safe.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message one line: what is wrong; what to do. Never a password
   */
  CommandFailure(String message) {
    super(message);
  }
}
