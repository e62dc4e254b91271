package dev.reflex.db.autogenerate;

/**
 * The message of a failure's deepest cause, on one line: what Hibernate or a driver says is wrong.
 *
 * <p>Thread-safe (stateless).
 */
public final class Causes {
  private Causes() {}

  /**
   * Returns the deepest cause's message, with the outer message when the cause has none.
   *
   * @param failure the failure
   * @return one line
   */
  public static String rootMessage(Throwable failure) {
    String message = text(failure);
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      String inner = text(cause);
      if (!inner.isEmpty() && !message.contains(inner)) {
        message = inner;
      }
    }
    return message.isEmpty() ? failure.getClass().getSimpleName() : message;
  }

  private static String text(Throwable failure) {
    String message = failure.getMessage();
    if (message == null) {
      return "";
    }
    return message.replaceFirst("^([\\w.$]*(Exception|Error): )+", "").replaceAll("\\s+", " ").strip();
  }
}
