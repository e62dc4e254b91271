package dev.reflex.orm.migrations.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Every text of Liquibase 4.33's output that reflex-db matches, and the advice it gives for each failure: the
 * one table to check when Liquibase is upgraded. Some rows match what the JDBC drivers say through Liquibase.
 *
 * <p>Not API: shared by the {@code reflex-db} command and {@code Migrations}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LiquibaseSays {
  /** Lines that start Liquibase's error report and say what failed after the colon, most telling first. */
  public static final List<String> SUMMARIES = List.of("Unexpected error running Liquibase:",
      "Error parsing command line:", "ERROR: Exception Primary Reason:");
  /** The line of Liquibase's command line for words it does not know. */
  public static final String UNEXPECTED_ARGUMENTS = "Unexpected argument(s):";
  /** Lines that start Liquibase's error report: what follows is held, and summed up in one line. */
  public static final List<String> ERROR_STARTS = List.of(SUMMARIES.get(0), SUMMARIES.get(1), UNEXPECTED_ARGUMENTS,
      "ERROR: ");
  /** Lines Liquibase prints on every run, which tell the user nothing. */
  public static final List<String> NOISE = List.of("Starting Liquibase at ", "Liquibase Version: ",
      "WARNING: License service not loaded", "Liquibase Open Source ", "Liquibase Community ");
  /** What Liquibase appends to a failed statement's message: the SQL, not the reason (a regular expression). */
  public static final String FAILED_SQL = " \\[Failed SQL.*";
  /** The code sqlite-jdbc puts in front of "database is locked". */
  public static final String SQLITE_BUSY = "[SQLITE_BUSY]";
  /** How Liquibase fails to read SQLite's LOCKGRANTED, which it stores as text, when it reports a held lock. */
  public static final String LOCK_TIME_UNREADABLE = "class java.lang.String cannot be cast to class java.util.Date";
  /** What Liquibase says when another run has just created DATABASECHANGELOG (liquibase/liquibase#5254). */
  public static final String CHANGELOG_TABLE_NOT_CREATED = "An error occurred while attempting to create the database"
      + " changelog table";

  /** How Liquibase names a database without a user (SQLite, H2): {@code null@jdbc:sqlite:...}. */
  private static final Pattern NULL_USER = Pattern.compile("\\bnull@(jdbc:)");

  /** A failure's message, matched in lower case, and the advice for the database it names; first match wins. */
  private record Row(Pattern says, UnaryOperator<String> advice) {}

  private static final List<Row> ADVICE = List.of(
      // Liquibase says who holds the lock and since when, not that a killed run leaves it held for good
      row("could not acquire change log lock", database -> "if no other reflex-db or Liquibase run is migrating "
          + database + ", the one that took the lock was killed: run `reflex-db release-locks`, then run the command"
          + " again"),
      row("sqlite_busy|database is locked", database -> "another writer (an application's transaction, or another"
          + " reflex-db run) held the write lock of " + database + " for longer than REFLEX_DB_POOL_TIMEOUT (default"
          + " 30 s), the wait the library uses too: let it finish and run the command again, or raise"
          + " REFLEX_DB_POOL_TIMEOUT"),
      row("sqlite_cantopen", database -> "check that the folder of " + database + " exists and that reflex-db may"
          + " read and write it"),
      row("cannot find database driver", database -> "reflex-db ships the SQLite, H2, PostgreSQL and MariaDB drivers:"
          + " use one of those in " + database + ", or copy the driver's jar into reflex-db's lib folder"),
      row("access denied|authentication failed|wrong user name or password",
          database -> "check the user name and password of " + database),
      row("connection could not be created|connection refused|unknown ?host|timed out|could not connect|socket",
          database -> "check that the database server is running and that " + database + " names it"),
      // generate-changelog writes a new file; after init the default changelog is init's own master
      row("changelogfile.*already exists", database -> "generate-changelog writes a new changelog and never"
          + " overwrites one: pass --changelog-file=db/changelog/NEW-NAME.yaml and include it from the master"
          + " changelog, or run generate-changelog before `reflex-db init`"),
      // a statement the database refused names what it lacks ("relation ... does not exist"): not a changelog
      row("migration failed for changeset", database -> "the database refused a statement of that changeset: fix the"
          + " changeset, or the state of " + database + " it assumed, then run `reflex-db update` again (the"
          + " changesets before it stay applied)"),
      row("was not found in the configured search path|file not found|\\.(yaml|yml|xml|json|sql) does not exist",
          database -> "run `reflex-db init` to create a changelog, or pass --changelog-file=PATH"),
      row("unknown command|unknown option|error parsing command line|missing required",
          database -> "run `reflex-db --help` for the commands, `reflex-db COMMAND --help` for their options"),
      row("check sum", database -> "a changeset that ran was edited since: put it back as it ran and make the change"
          + " in a new changeset, or, if the edit is deliberate, add its new checksum as validCheckSum"),
      row("parsing|validation failed|changelog", database -> "fix the changelog and run the command again"));

  private LiquibaseSays() {}

  /**
   * Chooses the advice for a failure.
   *
   * @param message what failed, on one line
   * @param database the database the advice names, masked, with where it comes from
   * @return what to do
   */
  public static String advice(String message, String database) {
    String lower = message.toLowerCase(Locale.ROOT);
    for (Row row : ADVICE) {
      if (row.says().matcher(lower).find()) {
        return row.advice().apply(database);
      }
    }
    return "run the command again with --log-level=fine to see the details";
  }

  /**
   * Drops the {@code null@} Liquibase puts before the URL of a database it has no user for, as in {@code status}'s
   * "1 changeset has not been applied to null@jdbc:sqlite:reflex.db".
   *
   * @param line a line of Liquibase's output
   * @return the line, the database named by its URL alone
   */
  public static String withoutNullUser(String line) {
    return line.contains("null@") ? NULL_USER.matcher(line).replaceAll("$1") : line;
  }

  private static Row row(String says, UnaryOperator<String> advice) {
    return new Row(Pattern.compile(says), advice);
  }
}
