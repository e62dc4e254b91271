package dev.reflex.db;

import static dev.reflex.db.ScratchStatements.createOrClose;
import static dev.reflex.db.ScratchStatements.execute;
import static dev.reflex.db.ScratchStatements.oneLine;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An empty database of the target's kind for Hibernate to export the entities into, removed again by
 * {@link #close()}: a temporary SQLite file, an in-memory H2 database, a temporary schema in the target
 * PostgreSQL database, a temporary database on the target MariaDB or MySQL server, or, with
 * {@code --scratch-url}, an empty database the user provides (which is emptied again, not removed).
 *
 * <p>Not thread-safe; used once.
 */
final class ScratchDatabase implements AutoCloseable {
  private final DatabaseUrl target;
  private final String jdbcUrl;
  private final String schema;
  private final String created;
  private final Connection keeper;
  private final Path file;
  private final String masked;
  private final String user;
  private final String password;
  private boolean closed;

  private ScratchDatabase(DatabaseUrl target, String jdbcUrl, String schema, String created, Connection keeper,
      Path file, String masked, String user, String password) {
    this.target = target;
    this.user = user;
    this.password = password;
    this.jdbcUrl = jdbcUrl;
    this.schema = schema;
    this.created = created;
    this.keeper = keeper;
    this.file = file;
    this.masked = masked;
  }

  /**
   * Creates the scratch database.
   *
   * @param target the database the changes are for
   * @param user the target's user, or {@code null}
   * @param password the target's password, or {@code null}
   * @param scratchUrl the user's {@code --scratch-url}, or {@code null} to create one
   * @return the scratch database
   */
  static ScratchDatabase create(DatabaseUrl target, String user, String password, String scratchUrl) {
    if (scratchUrl != null) {
      return given(UrlParser.parse(scratchUrl), user, password);
    }
    String name = "reflex_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DatabaseKind kind = target.kind();
    try {
      switch (kind) {
        case SQLITE: {
          Path file = temporaryFile();
          return new ScratchDatabase(target, "jdbc:sqlite:" + file, null, null, null, file, "a temporary SQLite file",
              null, null);
        }
        case H2: {
          // the in-memory database lives while one connection to it is open: the keeper
          String url = "jdbc:h2:mem:" + name;
          return new ScratchDatabase(target, url, null, null, DriverManager.getConnection(url), null,
              "an in-memory H2 database", null, null);
        }
        case POSTGRESQL: {
          Connection connection = JdbcUrls.connect(target.jdbcUrl(), user, password);
          createOrClose(connection, "create schema " + name, "schema " + name, target);
          String url = JdbcUrls.withParameter(target.jdbcUrl(), "currentSchema", name);
          return new ScratchDatabase(target, url, name, name, connection, null, "schema " + name + " of "
              + target.masked(), user, password);
        }
        case MARIADB:
        case MYSQL: {
          Connection connection = JdbcUrls.connect(target.jdbcUrl(), user, password);
          createOrClose(connection, "create database " + name, "database " + name, target);
          return new ScratchDatabase(target, JdbcUrls.withDatabase(target.jdbcUrl(), name), null, name, connection, null,
              "database " + name + " on the server of " + target.masked(), user, password);
        }
        default:
          throw new CommandFailure("revision --autogenerate supports SQLite, H2, PostgreSQL and MariaDB, not "
              + target.masked() + "; pass --scratch-url=URL of an empty database of the same kind");
      }
    } catch (SQLException e) {
      throw new CommandFailure("cannot reach " + target.masked() + " to create the scratch database: "
          + oneLine(e) + "; check that the database server is running and that the URL names it");
    }
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile("reflex-scratch-", ".db");
    } catch (IOException e) {
      throw new CommandFailure("cannot create the scratch SQLite file in " + System.getProperty("java.io.tmpdir")
          + ": " + e.getClass().getSimpleName() + " " + oneLine(e) + "; set REFLEX_DB_JAVA_OPTS=-Djava.io.tmpdir=DIR"
          + " to a writable folder, or pass --scratch-url=URL of an empty SQLite file");
    }
  }

  private static ScratchDatabase given(DatabaseUrl url, String user, String password) {
    String givenUser = url.user() != null ? url.user() : user;
    String givenPassword = url.user() != null ? url.password() : password;
    try (Connection connection = JdbcUrls.connect(url.jdbcUrl(), givenUser, givenPassword)) {
      DatabaseMetaData metaData = connection.getMetaData();
      try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
          new String[] {"TABLE"})) {
        if (tables.next()) {
          throw new CommandFailure("the scratch database " + url.masked() + " is not empty (it has table "
              + tables.getString("TABLE_NAME") + "); pass --scratch-url=URL of an empty database");
        }
      }
    } catch (SQLException e) {
      throw new CommandFailure("cannot reach the scratch database " + url.masked() + ": " + oneLine(e)
          + "; check --scratch-url");
    }
    return new ScratchDatabase(url, url.jdbcUrl(), null, null, null, null, url.masked(), givenUser, givenPassword);
  }

  /** @return the JDBC URL to export into and to compare with */
  String jdbcUrl() {
    return jdbcUrl;
  }

  /** @return the user for {@link #jdbcUrl()}, or {@code null} */
  String user() {
    return user;
  }

  /** @return the password for {@link #jdbcUrl()}, or {@code null}; never print it */
  String password() {
    return password;
  }

  /** @return the schema to compare, or {@code null} for the connection's default */
  String schema() {
    return schema;
  }

  /** @return what the scratch database is, for messages; never a password */
  String describe() {
    return masked;
  }

  /** Removes the scratch database; a failure is reported in one line, naming what to remove by hand. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (file != null) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
          Files.deleteIfExists(Path.of(file + suffix));
        }
      }
      if (keeper != null) {
        try (Connection connection = keeper) {
          if (target.kind() == DatabaseKind.POSTGRESQL) {
            execute(connection, "drop schema if exists " + created + " cascade", "schema " + created, target);
          } else if (created != null) {
            execute(connection, "drop database if exists " + created, "database " + created, target);
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new CommandFailure("could not remove the scratch " + masked + ": " + oneLine(e)
          + "; remove it by hand");
    }
  }
}
