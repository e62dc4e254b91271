package dev.reflex.orm.internal.jdbc;

/**
 * The one way the providers release what they hold: every step runs, even after one has failed, and a later
 * failure is kept as suppressed on the first, never lost and never hiding it.
 *
 * <p>Thread-safe (stateless).
 */
public final class Release {
  /** A step that may fail. */
  @FunctionalInterface
  public interface Step {
    /**
     * Runs the step.
     *
     * @throws Exception when it fails
     */
    void run() throws Exception;
  }

  private Release() {}

  /**
   * Runs every step in order, also after one has failed, and throws the first failure with the later ones
   * suppressed on it.
   *
   * @param steps the steps, such as a rollback and then a close
   * @throws RuntimeException the first failure
   */
  public static void all(Runnable... steps) {
    RuntimeException failure = null;
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * After a failure, runs the release steps, keeping a failure of theirs as suppressed on the first.
   *
   * @param failure what went wrong, to be thrown by the caller
   * @param steps what to release, in order
   * @param <E> the failure's type
   * @return the failure, to throw
   */
  public static <E extends Throwable> E after(E failure, Step... steps) {
    for (Step step : steps) {
      try {
        step.run();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }
}
