package dev.reflex.db.autogenerate;

import dev.reflex.orm.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The statements that drop a scratch database, without waiting without bound. */
final class ScratchStatements {
  /** How long a drop waits for a lock, in seconds: a drop never waits without bound. */
  static final int LOCK_WAIT_SECONDS = 10;

  private ScratchStatements() {}

  /**
   * Bounds how long the connection's statements wait for a lock (and, on PostgreSQL, run), so that a drop
   * behind another session's lock fails instead of hanging the command.
   */
  static void boundWaits(Connection connection, DatabaseKind kind) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (kind == DatabaseKind.POSTGRESQL) {
        statement.execute("set lock_timeout = '" + LOCK_WAIT_SECONDS + "s'");
        statement.execute("set statement_timeout = '120s'");
      } else {
        statement.execute("set session lock_wait_timeout = " + LOCK_WAIT_SECONDS);
      }
    }
  }

  /** @return the statement that drops the database of that exact name, ending other sessions in it on PostgreSQL */
  static String dropDatabase(DatabaseKind kind, String name) {
    return "drop database if exists " + quote(kind, name) + (kind == DatabaseKind.POSTGRESQL ? " with (force)" : "");
  }

  /** @return the name as a quoted identifier of that kind of database */
  static String quote(DatabaseKind kind, String name) {
    return kind == DatabaseKind.POSTGRESQL ? '"' + name.replace("\"", "\"\"") + '"'
        : '`' + name.replace("`", "``") + '`';
  }

  /** @return the exception's message on one line */
  static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
