package dev.reflex.orm.internal;

import java.util.List;

/**
 * A copy of a driver's exception whose message shows a secret, such as pgjdbc's
 * {@code UnknownHostException: app:secret@db} for {@code jdbc:postgresql://app:secret@db/app}: the same class name,
 * stack and causes, with the secret masked, so that the cause kept by a {@link dev.reflex.orm.ReflexException}
 * prints nothing secret in a stack trace. An exception that shows no secret is kept as it is.
 *
 * <p>Immutable once built; thread-safe.
 */
final class RedactedFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String shown;

  private RedactedFailure(Throwable original, String message, Throwable cause) {
    super(message, cause, false, true);
    this.shown = original.getClass().getName() + (message == null ? "" : ": " + message);
    setStackTrace(original.getStackTrace());
  }

  /**
   * Returns the failure itself when no message in its chain shows one of the secrets, else a redacted copy.
   *
   * @param failure the failure
   * @param secrets the secrets it must not show
   * @return the failure or its copy
   */
  static Throwable of(Throwable failure, List<String> secrets) {
    if (failure == null || !shows(failure, secrets)) {
      return failure;
    }
    Throwable cause = failure.getCause() == failure ? null : of(failure.getCause(), secrets);
    return new RedactedFailure(failure, Secrets.scrub(failure.getMessage(), secrets), cause);
  }

  private static boolean shows(Throwable failure, List<String> secrets) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(Secrets.scrub(message, secrets))) {
        return true;
      }
    }
    return false;
  }

  /** @return the original class name and the masked message, as the original would print */
  @Override
  public String toString() {
    return shown;
  }
}
