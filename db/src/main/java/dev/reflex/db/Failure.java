package dev.reflex.db;

import dev.reflex.orm.migrations.internal.LiquibaseSays;
import dev.reflex.orm.ReflexException;
import dev.reflex.orm.internal.Secrets;
import java.util.List;
import java.util.Locale;

/**
 * Turns a failure into reflex-db's one line: {@code reflex-db: what is wrong; what to do}. Liquibase's
 * own message says what is wrong; the advice is chosen from it, in {@link LiquibaseSays}'s table.
 *
 * <p>Thread-safe (stateless).
 */
final class Failure {
  private Failure() {}

  /**
   * Sums up Liquibase's error report in one line.
   *
   * @param report the lines Liquibase printed from its first error line on
   * @param command the command that failed
   * @param exitCode Liquibase's exit code
   * @param target the database, for the advice
   * @return the line
   */
  static String fromReport(List<String> report, String command, int exitCode, Target target) {
    for (String reportLine : report) {
      int busy = reportLine.indexOf(LiquibaseSays.SQLITE_BUSY);
      if (busy >= 0) {
        // Liquibase's own summary names what it was doing ("create the database changelog table"), not the lock
        return line(reportLine.substring(busy).replaceFirst(LiquibaseSays.FAILED_SQL, ""), command, target);
      }
    }
    for (String prefix : LiquibaseSays.SUMMARIES) {
      for (int i = 0; i < report.size(); i++) {
        if (report.get(i).startsWith(prefix)) {
          String message = report.get(i).substring(prefix.length()).strip();
          if (message.endsWith(":") && i + 1 < report.size()) {
            // "Validation Failed:" and the like: the next lines say what failed
            message += " " + String.join(" ", report.subList(i + 1, Math.min(i + 3, report.size())));
          }
          return line(message, command, target);
        }
      }
    }
    for (String reportLine : report) {
      if (reportLine.startsWith(LiquibaseSays.UNEXPECTED_ARGUMENTS)) {
        String words = reportLine.substring(LiquibaseSays.UNEXPECTED_ARGUMENTS.length()).strip();
        return line("unknown command or option: " + words, command, target);
      }
    }
    String message = report.isEmpty() ? "Liquibase " + (command == null ? "" : command + " ")
        + "failed with exit code " + exitCode : report.get(0);
    return line(message, command, target);
  }

  /**
   * Sums up an exception in one line, with the root cause's message when it adds to the first.
   *
   * @param failure the exception
   * @param command the command that failed
   * @param target the database, for the advice
   * @return the line
   */
  static String fromException(Throwable failure, String command, Target target) {
    if (failure instanceof ReflexException) {
      // the library's messages already say what to do, with every URL masked
      return "reflex-db: " + failure.getMessage() + "; fix " + target.origin();
    }
    String message = text(failure);
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootMessage = text(root);
    if (root != failure && !message.contains(rootMessage)) {
      message += ": " + rootMessage;
    }
    return line(message, command, target);
  }

  /**
   * Formats one line with the advice that fits the message.
   *
   * @param message what is wrong
   * @param command the command that failed, or {@code null}
   * @param target the database, for the advice
   * @return {@code reflex-db: message; advice}, on one line
   */
  static String line(String message, String command, Target target) {
    String oneLine = message.replaceAll("\\s+", " ").strip();
    if (oneLine.contains(LiquibaseSays.LOCK_TIME_UNREADABLE)) {
      // Liquibase stores SQLite's LOCKGRANTED as text, and fails to read it back when it reports a held lock
      oneLine = "Could not acquire change log lock: DATABASECHANGELOGLOCK says another run holds it (Liquibase cannot"
          + " read since when on SQLite: " + LiquibaseSays.LOCK_TIME_UNREADABLE + ")";
    }
    return "reflex-db: " + oneLine + "; " + advice(oneLine, target);
  }

  private static String advice(String message, Target target) {
    String database = mentionsReference(message.toLowerCase(Locale.ROOT), target)
        ? Secrets.mask(target.reference()) + " (from --reference-url)"
        : target.masked() + " (from " + target.origin() + ")";
    return LiquibaseSays.advice(message, database);
  }

  /** Whether the message is about diff's reference database, which Liquibase names by its URL. */
  private static boolean mentionsReference(String message, Target target) {
    if (target.reference() == null || target.reference().isBlank()) {
      return false;
    }
    String reference = Secrets.mask(target.reference().strip()).toLowerCase(Locale.ROOT);
    int question = reference.indexOf('?');
    return message.contains(question < 0 ? reference : reference.substring(0, question));
  }

  private static String text(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return failure.getClass().getSimpleName();
    }
    return message.replaceFirst("^([\\w.]*(Exception|Error): )+", "");
  }
}
