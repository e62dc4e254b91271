package dev.reflex.orm;

import java.util.Locale;

/**
 * The kinds of database reflex-orm recognizes in a URL. Providers use it to pick a dialect without
 * opening a connection; anything else reached through a {@code jdbc:} URL or a user's own
 * {@code DataSource} is {@link #OTHER}, and the ORM detects it itself.
 */
public enum DatabaseKind {
  /** SQLite, through the xerial {@code sqlite-jdbc} driver. */
  SQLITE,
  /** H2, embedded, in memory or over TCP. */
  H2,
  /** PostgreSQL. */
  POSTGRESQL,
  /** MariaDB. */
  MARIADB,
  /** MySQL (served by the MariaDB driver unless the URL is a {@code jdbc:mysql:} URL of its own). */
  MYSQL,
  /** Any other database: the provider leaves detection to its ORM. */
  OTHER;

  /**
   * Returns the kind a JDBC URL names, from its subprotocol.
   *
   * @param jdbcUrl a URL such as {@code jdbc:postgresql://db/app}
   * @return the kind, {@link #OTHER} when the subprotocol is not one of ours
   */
  public static DatabaseKind ofJdbcUrl(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (lower.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      return MARIADB;
    }
    if (lower.startsWith("jdbc:mysql:")) {
      return MYSQL;
    }
    return OTHER;
  }
}
