package dev.reflex.db.maven;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * reflex-db's standard error as Maven's log. Liquibase writes its progress there ("Running Changeset: ..."), so a
 * line is INFO unless it is a warning: Liquibase's {@code WARNING} lines, and reflex-db's own lines
 * ({@code reflex-db: ...}). The last of those, on failure, is the one line that says why
 * ({@code reflex-db: what is wrong; what to do}): it becomes the message of the goal's failure instead of being
 * logged as well.
 *
 * <p>Not thread-safe; used for one run.
 */
final class FailureLine implements Consumer<String> {
  private static final String PREFIX = "reflex-db: ";

  private final Consumer<String> info;
  private final Consumer<String> warn;
  private String pending;

  /**
   * Creates it.
   *
   * @param info where the progress goes
   * @param warn where the warnings go
   */
  FailureLine(Consumer<String> info, Consumer<String> warn) {
    this.info = info;
    this.warn = warn;
  }

  @Override
  public void accept(String line) {
    if (pending != null) {
      warn.accept(pending);
      pending = null;
    }
    if (line.startsWith(PREFIX)) {
      pending = line;
    } else if (line.strip().toUpperCase(Locale.ROOT).startsWith("WARNING")) {
      warn.accept(line);
    } else {
      info.accept(line);
    }
  }

  /**
   * Ends the run: on success, the last line held back is only a warning.
   *
   * @param exitCode reflex-db's exit code
   * @return the one line that says why reflex-db failed, or {@code null} when it succeeded or said nothing
   */
  String finish(int exitCode) {
    String line = pending;
    pending = null;
    if (exitCode == 0 && line != null) {
      warn.accept(line);
      return null;
    }
    return line;
  }
}
