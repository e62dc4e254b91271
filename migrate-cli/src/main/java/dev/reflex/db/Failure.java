package dev.reflex.db;

import dev.reflex.orm.ReflexException;
import dev.reflex.orm.internal.Secrets;
import java.util.List;
import java.util.Locale;

/**
 * Turns a failure into reflex-db's one line: {@code reflex-db: what is wrong; what to do}. Liquibase's
 * own message says what is wrong; the advice is chosen from it.
 *
 * <p>Thread-safe (stateless).
 */
final class Failure {
  private static final List<String> PREFIXES = List.of("Unexpected error running Liquibase:",
      "Error parsing command line:", "ERROR: Exception Primary Reason:");
  /** The code sqlite-jdbc puts in front of "database is locked". */
  static final String SQLITE_BUSY = "[SQLITE_BUSY]";
  private static final String LOCK_TIME_UNREADABLE = "class java.lang.String cannot be cast to class java.util.Date";

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
      int busy = reportLine.indexOf(SQLITE_BUSY);
      if (busy >= 0) {
        // Liquibase's own summary names what it was doing ("create the database changelog table"), not the lock
        return line(reportLine.substring(busy).replaceFirst(" \\[Failed SQL.*", ""), command, target);
      }
    }
    for (String prefix : PREFIXES) {
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
      if (reportLine.startsWith("Unexpected argument(s):")) {
        return line("unknown command or option: " + reportLine.substring(23).strip(), command, target);
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
    if (oneLine.contains(LOCK_TIME_UNREADABLE)) {
      // Liquibase stores SQLite's LOCKGRANTED as text, and fails to read it back when it reports a held lock
      oneLine = "Could not acquire change log lock: DATABASECHANGELOGLOCK says another run holds it (Liquibase cannot"
          + " read since when on SQLite: " + LOCK_TIME_UNREADABLE + ")";
    }
    return "reflex-db: " + oneLine + "; " + advice(oneLine.toLowerCase(Locale.ROOT), target);
  }

  private static String advice(String message, Target target) {
    String database = mentionsReference(message, target) ? Secrets.mask(target.reference()) + " (from --reference-url)"
        : target.masked() + " (from " + target.origin() + ")";
    if (message.contains("could not acquire change log lock")) {
      // Liquibase says who holds the lock and since when, not that a killed run leaves it held for good
      return "if no other reflex-db or Liquibase run is migrating " + database
          + ", the one that took the lock was killed: run `reflex-db release-locks`, then run the command again";
    }
    if (message.contains("sqlite_busy") || message.contains("database is locked")) {
      return "another writer (an application's transaction, or another reflex-db run) held the write lock of "
          + database + " for longer than REFLEX_DB_POOL_TIMEOUT (default 30 s), the wait the library uses too: let it"
          + " finish and run the command again, or raise REFLEX_DB_POOL_TIMEOUT";
    }
    if (message.contains("sqlite_cantopen")) {
      return "check that the folder of " + database + " exists and that reflex-db may read and write it";
    }
    if (message.contains("cannot find database driver")) {
      return "reflex-db ships the SQLite, H2, PostgreSQL and MariaDB drivers: use one of those in " + database
          + ", or copy the driver's jar into reflex-db's lib folder";
    }
    if (message.contains("access denied") || message.contains("authentication failed")
        || message.contains("wrong user name or password")) {
      return "check the user name and password of " + database;
    }
    if (message.contains("connection could not be created") || message.contains("connection refused")
        || message.contains("unknown host") || message.contains("unknownhost") || message.contains("timed out")
        || message.contains("could not connect") || message.contains("socket")) {
      return "check that the database server is running and that " + database + " names it";
    }
    if (message.contains("changelogfile") && message.contains("already exists")) {
      // generate-changelog writes a new file; after init the default changelog is init's own master
      return "generate-changelog writes a new changelog and never overwrites one: pass"
          + " --changelog-file=db/changelog/NEW-NAME.yaml and include it from the master changelog, or run"
          + " generate-changelog before `reflex-db init`";
    }
    if (message.contains("was not found in the configured search path") || message.contains("file not found")
        || message.contains("does not exist")) {
      return "run `reflex-db init` to create a changelog, or pass --changelog-file=PATH";
    }
    if (message.contains("unknown command") || message.contains("unknown option")
        || message.contains("error parsing command line") || message.contains("missing required")) {
      return "run `reflex-db --help` for the commands, `reflex-db COMMAND --help` for their options";
    }
    if (message.contains("check sum")) {
      return "a changeset that ran was edited since: put it back as it ran and make the change in a new changeset,"
          + " or, if the edit is deliberate, add its new checksum as validCheckSum";
    }
    if (message.contains("parsing") || message.contains("validation failed") || message.contains("changelog")) {
      return "fix the changelog and run the command again";
    }
    return "run the command again with --log-level=fine to see the details";
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
