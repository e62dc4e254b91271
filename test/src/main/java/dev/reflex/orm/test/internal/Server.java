package dev.reflex.orm.test.internal;

import dev.reflex.orm.UnableToConnectException;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Drivers;
import dev.reflex.orm.internal.Failures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One administrative connection to a database server, on the database the URL names, for creating and
 * dropping the databases the extension hands out.
 *
 * <p>Thread-safe: statements run one at a time.
 */
final class Server implements AutoCloseable {
  private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?;]*)(/[^?;]*)?(.*)$");

  private final DatabaseUrl base;
  private final Connection admin;

  Server(DatabaseUrl base) {
    this(base, List.of());
  }

  /**
   * @param base the server, and the database to connect to
   * @param setup statements run once on the connection when it is opened
   */
  Server(DatabaseUrl base, List<String> setup) {
    this.base = base;
    Connection connection = null;
    try {
      connection = Drivers.forUrl(base.jdbcUrl(), base.masked()).connect(base.jdbcUrl(), base.credentials());
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String sql : setup) {
          statement.execute(sql);
        }
      }
      this.admin = connection;
    } catch (SQLException e) {
      close(connection);
      throw new UnableToConnectException("Unable to connect to the test database server " + base.masked() + ": "
          + Failures.rootMessage(e) + "; check REFLEX_TEST_DB_URL and that the server is running", e);
    }
  }

  /** @return the URL it was made from */
  DatabaseUrl base() {
    return base;
  }

  /** @return the JDBC URL of another database on the same server, with the same parameters */
  String jdbcUrl(String database) {
    return jdbcUrl(base, database);
  }

  /** @return the JDBC URL of another database on the server {@code base} names, with the same parameters */
  static String jdbcUrl(DatabaseUrl base, String database) {
    Matcher matcher = SERVER_URL.matcher(base.jdbcUrl());
    if (!matcher.matches()) {
      throw new IllegalStateException("Cannot name another database in " + base.masked()
          + "; write REFLEX_TEST_DB_URL as scheme://user@host:port/database");
    }
    return matcher.group(1) + "/" + database + matcher.group(3);
  }

  /**
   * Runs a statement on the administrative connection.
   *
   * @param sql the statement
   * @param what what it does, for the message when it fails
   */
  synchronized void execute(String sql, String what) {
    try (Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Unable to " + what + " on " + base.masked() + ": "
          + Failures.rootMessage(e) + fix(e), e);
    }
  }

  /**
   * Runs a query on the administrative connection.
   *
   * @param sql a query whose first column is text
   * @param what what it does, for the message when it fails
   * @return the first column of every row
   */
  synchronized List<String> strings(String sql, String what) {
    List<String> values = new ArrayList<>();
    try (Statement statement = admin.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("Unable to " + what + " on " + base.masked() + ": "
          + Failures.rootMessage(e), e);
    }
  }

  /**
   * Runs a query on the administrative connection.
   *
   * @param sql a query
   * @param what what it does, for the message when it fails
   * @return every row, each column as text
   */
  synchronized List<List<String>> rows(String sql, String what) {
    List<List<String>> values = new ArrayList<>();
    try (Statement statement = admin.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getString(i));
        }
        values.add(row);
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("Unable to " + what + " on " + base.masked() + ": "
          + Failures.rootMessage(e) + fix(e), e);
    }
  }

  /** @return what to do about a failed statement, after a semicolon, when its SQLState says */
  private static String fix(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || state.equals("57P01")) {
      return "; the connection to the server was lost: check that it is running";
    }
    if (state.equals("42501") || state.equals("42000")) {
      return "; the test user needs the right to create and drop databases";
    }
    return "";
  }

  /** @return whether the connection still answers (within 2 seconds) */
  synchronized boolean isValid() {
    try {
      return admin.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    close(admin);
  }

  private static void close(Connection connection) {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // the connection is gone either way
    }
  }
}
