package dev.reflex.db;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import dev.reflex.orm.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain JDBC checks of what reflex-db left in a database. */
final class Databases {
  private Databases() {}

  /** @return the same database as a {@code jdbc:} URL, with user and password as URL parameters */
  static String jdbcForm(String url) {
    DatabaseUrl parsed = UrlParser.parse(url);
    StringBuilder jdbc = new StringBuilder(parsed.jdbcUrl());
    char separator = parsed.jdbcUrl().contains("?") ? '&' : '?';
    if (parsed.user() != null) {
      jdbc.append(separator).append("user=").append(parsed.user());
      separator = '&';
    }
    if (parsed.password() != null) {
      jdbc.append(separator).append("password=").append(parsed.password());
    }
    return jdbc.toString();
  }

  /** @return whether the database has the table, in whatever case the database folds names to */
  static boolean hasTable(String url, String table) throws SQLException {
    try (Connection connection = TestDatabases.connect(url)) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, name, null)) {
          if (tables.next()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** @return the changeset ids and changelog paths recorded in DATABASECHANGELOG, as {@code path::id} */
  static List<String> appliedChangesets(String url) throws SQLException {
    List<String> applied = new ArrayList<>();
    if (!hasTable(url, "databasechangelog")) {
      return applied;
    }
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select filename, id from DATABASECHANGELOG order by orderexecuted")) {
      while (rows.next()) {
        applied.add(rows.getString(1) + "::" + rows.getString(2));
      }
    }
    return applied;
  }
}
