package dev.reflex.db;

import dev.reflex.orm.internal.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The statements that create and drop a scratch database, and their failures in one line. */
final class ScratchStatements {
  private ScratchStatements() {}

  static void createOrClose(Connection connection, String sql, String what, DatabaseUrl target)
      throws SQLException {
    try {
      execute(connection, sql, what, target);
    } catch (CommandFailure e) {
      connection.close();
      throw e;
    }
  }

  static void execute(Connection connection, String sql, String what, DatabaseUrl target) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new CommandFailure("cannot create or drop the scratch " + what + " on " + target.masked() + ": "
          + oneLine(e) + "; grant the user that right, or pass --scratch-url=URL of an empty database of the same"
          + " kind");
    }
  }

  /** @return the exception's message on one line */
  static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
