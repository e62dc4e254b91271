package dev.reflex.orm.testing;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Where the test servers are. In order: {@code REFLEX_TEST_POSTGRES_URL} / {@code REFLEX_TEST_MARIADB_URL}
 * (what {@code .ci/run} exports); else a Testcontainers container where Docker is reachable; else, with
 * {@code CI=true}, a failure, and otherwise the test is skipped with a message saying how to enable it.
 */
public final class TestDatabases {
  public static final String POSTGRES_ENV = "REFLEX_TEST_POSTGRES_URL";
  public static final String MARIADB_ENV = "REFLEX_TEST_MARIADB_URL";

  private static Path tempDir;
  private static String postgres;
  private static String mariadb;

  private TestDatabases() {}

  /** @return the admin URL of the PostgreSQL test server */
  public static synchronized String postgresUrl() {
    if (postgres == null) {
      postgres = serverUrl(POSTGRES_ENV, "PostgreSQL", "postgresql://postgres@127.0.0.1:5432/test");
    }
    return postgres;
  }

  /** @return the admin URL of the MariaDB test server */
  public static synchronized String mariadbUrl() {
    if (mariadb == null) {
      mariadb = serverUrl(MARIADB_ENV, "MariaDB", "mariadb://root@127.0.0.1:3306/test");
    }
    return mariadb;
  }

  private static String serverUrl(String variable, String name, String example) {
    String url = System.getenv(variable);
    if (url != null && !url.isBlank()) {
      return url;
    }
    if (dockerAvailable()) {
      return startContainer(name);
    }
    String how = variable + " is not set and Docker is not reachable: export " + variable + "=" + example
        + " (or start Docker) to run the " + name + " tests";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true and " + how);
    }
    Assumptions.abort(how);
    return null;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // the container lives as long as the test JVM; Testcontainers' Ryuk removes it
  private static String startContainer(String name) {
    JdbcDatabaseContainer<?> container = name.equals("PostgreSQL")
        ? new PostgreSQLContainer<>("postgres:16-alpine") : new MariaDBContainer<>("mariadb:11");
    container.start();
    return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
        + container.getUsername() + "&password=" + container.getPassword();
  }

  /**
   * Creates an empty database on a server and returns its URL, in the same form as the admin URL.
   *
   * @param adminUrl a URL on which the user may create databases
   * @return the URL of the new database; it is dropped when the test JVM exits
   */
  public static String freshServerDatabase(String adminUrl) {
    String name = "reflex_" + suffix();
    DatabaseUrl parsed = UrlParser.parse(adminUrl);
    try (Connection connection = connect(parsed); Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + " on " + parsed.masked(), e);
    }
    CreatedDatabases.add(adminUrl, name);
    return withDatabase(adminUrl, name);
  }

  /**
   * Replaces the database name in a URL of the forms we use for servers.
   *
   * @param url a server URL, such as {@link #postgresUrl()}
   * @param name the database
   * @return the URL naming that database
   */
  public static String withDatabase(String url, String name) {
    int scheme = url.indexOf("://");
    int slash = url.indexOf('/', Math.max(scheme + 3, url.lastIndexOf('@')));
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
  }

  /**
   * Opens a plain JDBC connection, outside any pool, for assertions and set-up.
   *
   * @param url a URL in any form we accept
   * @return the connection
   * @throws SQLException when the driver fails
   */
  public static Connection connect(String url) throws SQLException {
    return connect(UrlParser.parse(url));
  }

  private static Connection connect(DatabaseUrl url) throws SQLException {
    return DriverManager.getConnection(url.jdbcUrl(), url.credentials());
  }

  /** @return a folder for this JVM's test files */
  public static synchronized Path tempDir() {
    if (tempDir == null) {
      try {
        tempDir = Files.createTempDirectory("reflex-orm-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tempDir;
  }

  /** @return a short random suffix for names */
  public static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
