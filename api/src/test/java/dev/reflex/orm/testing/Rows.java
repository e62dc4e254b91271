package dev.reflex.orm.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.ReflexDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What the contract reads besides the ORM: rows of the {@code book} table, and the pool's state. */
public final class Rows {
  private Rows() {}

  /** @return the rows of {@code book}, on a connection of the database's pool */
  public static int count(ReflexDatabase db) throws SQLException {
    try (Connection connection = db.dataSource().getConnection()) {
      return count(connection, "book");
    }
  }

  /** Counts the rows on a connection of its own, straight to the server, past any proxy and pool. */
  public static int countDirectly(String url) throws SQLException {
    try (Connection connection = TestDatabases.connect(url)) {
      return count(connection, "book");
    }
  }

  /** @return the rows of the table, on the connection */
  public static int count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** @return the book's title read in a transaction of its own, or {@code null} */
  public static String titleOf(ReflexDatabase db, ProviderContract.Books books, long id) {
    return db.<String, RuntimeException>transaction(s -> books.title(s, id));
  }

  /** @return the connections the HikariCP pool behind the database has lent and not got back */
  public static int activeConnections(ReflexDatabase db) {
    DataSource dataSource = db.dataSource();
    try {
      return dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
    } catch (SQLException e) {
      throw new AssertionError("the database's data source is no HikariCP pool: " + dataSource, e);
    }
  }
}
