package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.InvalidUrlException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The one URL parser of the project: turns the 12-factor and SQLAlchemy forms users already have in their
 * environment ({@code postgresql://user:pass@host/db}, {@code sqlite:///app.db}, ...) and plain
 * {@code jdbc:} URLs into a {@link DatabaseUrl}.
 *
 * <p>Thread-safe (stateless). Every error message shows the URL masked.
 */
public final class UrlParser {
  static final String FORMS = "postgresql://user:password@host:5432/db, mariadb://user:password@host:3306/db,"
      + " sqlite:///relative.db, sqlite:////absolute.db, h2:///relative/path or jdbc:...";

  private static final Set<String> POSTGRESQL_DRIVERS =
      Set.of("psycopg", "psycopg2", "psycopg2cffi", "pg8000", "asyncpg", "pygresql", "psycopg_async");
  private static final Set<String> MYSQL_DRIVERS = Set.of("pymysql", "mysqldb", "mysqlconnector", "aiomysql",
      "asyncmy", "cymysql", "mariadbconnector", "oursql");
  private static final Set<String> SQLITE_DRIVERS = Set.of("pysqlite", "aiosqlite", "pysqlcipher");

  private UrlParser() {}

  /**
   * Parses a database URL.
   *
   * @param url the URL as the user wrote it
   * @return the JDBC URL, user, password and kind
   * @throws InvalidUrlException with a one-line message naming the expected form
   */
  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidUrlException("The database URL is empty: set REFLEX_DB_URL to a URL such as " + FORMS
          + ", or unset it to use the default sqlite:///reflex.db");
    }
    String text = url.strip();
    String masked = Secrets.mask(text);
    if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return JdbcCredentials.parse(text, masked);
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || !text.startsWith("//", colon + 1)) {
      throw invalid(masked, "is not a database URL: write it as scheme://..., for example " + FORMS);
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    int plus = scheme.indexOf('+');
    String base = plus < 0 ? scheme : scheme.substring(0, plus);
    String driver = plus < 0 ? null : scheme.substring(plus + 1);
    String rest = text.substring(colon + 3);
    switch (base) {
      case "sqlite":
        checkDriver(masked, base, driver, SQLITE_DRIVERS);
        return sqlite(rest, masked);
      case "h2":
        checkDriver(masked, base, driver, Set.of());
        return h2(rest, masked);
      case "postgresql":
      case "postgres":
        checkDriver(masked, base, driver, POSTGRESQL_DRIVERS);
        return server(rest, masked, DatabaseKind.POSTGRESQL, 5432);
      case "mariadb":
      case "mysql":
        checkDriver(masked, base, driver, MYSQL_DRIVERS);
        DatabaseKind kind = base.equals("mysql") ? DatabaseKind.MYSQL : DatabaseKind.MARIADB;
        return server(rest, masked, kind, 3306);
      default:
        throw invalid(masked, "has the unknown scheme \"" + scheme + "\": use postgresql://, postgres://,"
            + " mariadb://, mysql://, sqlite://, h2:// or a jdbc: URL");
    }
  }

  private static void checkDriver(String masked, String base, String driver, Set<String> own) {
    if (driver == null || own.contains(driver)) {
      return;
    }
    String owner = POSTGRESQL_DRIVERS.contains(driver) ? "PostgreSQL"
        : MYSQL_DRIVERS.contains(driver) ? "MySQL/MariaDB"
        : SQLITE_DRIVERS.contains(driver) ? "SQLite" : null;
    if (owner != null) {
      throw invalid(masked, "names the " + owner + " driver \"" + driver + "\" for a " + base
          + " database: fix the scheme, or drop \"+" + driver + "\" (the driver part is not needed here)");
    }
  }

  private static DatabaseUrl sqlite(String rest, String masked) {
    String path = splitQuery(rest)[0];
    String query = splitQuery(rest)[1];
    if (path.isEmpty() || path.equals("/:memory:")) {
      return new DatabaseUrl("jdbc:sqlite::memory:", null, null, DatabaseKind.SQLITE, masked);
    }
    if (!path.startsWith("/")) {
      throw invalid(masked, "has a host, but SQLite is a file: write sqlite:///relative.db or"
          + " sqlite:////absolute/path.db");
    }
    String file = path.substring(1);
    if (file.isEmpty()) {
      throw invalid(masked, "names no file: write sqlite:///relative.db or sqlite:////absolute/path.db");
    }
    return new DatabaseUrl("jdbc:sqlite:" + file + (query.isEmpty() ? "" : "?" + query), null, null,
        DatabaseKind.SQLITE, masked);
  }

  private static DatabaseUrl h2(String rest, String masked) {
    String[] parts = splitQuery(rest);
    String path = parts[0];
    String settings = parts[1].isEmpty() ? "" : ";" + parts[1].replace('&', ';');
    if (path.isEmpty() || path.equals("/:memory:")) {
      return new DatabaseUrl("jdbc:h2:mem:" + settings, null, null, DatabaseKind.H2, masked);
    }
    if (path.startsWith("/")) {
      String file = path.substring(1);
      if (file.isEmpty()) {
        throw invalid(masked, "names no file: write h2:///relative/path or h2:////absolute/path");
      }
      String location = file.startsWith("/") ? file : "./" + file;
      return new DatabaseUrl("jdbc:h2:" + location + settings, null, null, DatabaseKind.H2, masked);
    }
    Authority authority = Authority.parse(path, masked, 9092);
    return new DatabaseUrl("jdbc:h2:tcp://" + authority.hostAndPort() + "/" + authority.database() + settings,
        authority.user(), authority.password(), DatabaseKind.H2, masked);
  }

  private static DatabaseUrl server(String rest, String masked, DatabaseKind kind, int port) {
    String[] parts = splitQuery(rest);
    Authority authority = Authority.parse(parts[0], masked, port);
    String start = "jdbc:postgresql://" + authority.hostAndPort() + "/";
    String query = parts[1];
    if (kind == DatabaseKind.POSTGRESQL) {
      query = LibpqParameters.toJdbc(query, masked);
    } else {
      String[] mapped = MariaDbParameters.toJdbc(authority.hostAndPort(), authority.hostCount(), query, masked);
      start = mapped[0];
      query = mapped[1];
    }
    return new DatabaseUrl(start + authority.database() + (query.isEmpty() ? "" : "?" + query),
        authority.user(), authority.password(), kind, masked);
  }

  /**
   * Splits at the first '?' after the credentials, so that a '?' in a password does not count, nor an '@' in the query.
   */
  private static String[] splitQuery(String rest) {
    int at = Authority.credentialsEnd(rest);
    int question = rest.indexOf('?', Math.max(at, 0));
    return question < 0 ? new String[] {rest, ""}
        : new String[] {rest.substring(0, question), rest.substring(question + 1)};
  }

  static String decode(String part, String what, String masked) {
    try {
      // URLDecoder would turn '+' into a space, which is form encoding, not URL encoding
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(masked, "has a malformed percent-escape in the " + what
          + ": write % as %25, and percent-encode @ : / ? # in user names and passwords");
    }
  }

  static InvalidUrlException invalid(String masked, String problem) {
    return new InvalidUrlException("Database URL \"" + masked + "\" " + problem);
  }
}
