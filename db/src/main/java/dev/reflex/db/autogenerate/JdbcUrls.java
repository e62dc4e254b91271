package dev.reflex.db.autogenerate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The JDBC URLs of a scratch database, derived from the target's, and plain connections to them.
 *
 * <p>Thread-safe (stateless).
 */
final class JdbcUrls {
  private JdbcUrls() {}

  /**
   * Opens a plain connection, outside any pool.
   *
   * @param jdbcUrl the URL
   * @param user the user, or {@code null}
   * @param password the password, or {@code null}
   * @return the connection
   * @throws SQLException when the driver fails
   */
  static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** Replaces the database of a {@code jdbc:mariadb://host:port/db?params} URL. */
  static String withDatabase(String jdbcUrl, String database) {
    int hosts = jdbcUrl.indexOf("//");
    int query = jdbcUrl.indexOf('?');
    int slash = jdbcUrl.indexOf('/', hosts + 2);
    if (query >= 0 && slash > query) {
      slash = -1;
    }
    String rest = query < 0 ? "" : jdbcUrl.substring(query);
    String head = slash < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
    return head + "/" + database + rest;
  }

  /** Removes one query parameter of a JDBC URL, if it has it. */
  static String withoutParameter(String jdbcUrl, String name) {
    return jdbcUrl.replaceAll("(?i)([?&])" + name + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
  }

  /** Sets one query parameter of a JDBC URL, replacing any value it had. */
  static String withParameter(String jdbcUrl, String name, String value) {
    String cleaned = jdbcUrl.replaceAll("(?i)([?&])" + name + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
    return cleaned + (cleaned.contains("?") ? "&" : "?") + name + "=" + value;
  }
}
