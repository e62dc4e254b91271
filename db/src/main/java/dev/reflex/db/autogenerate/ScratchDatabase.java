package dev.reflex.db.autogenerate;

import static dev.reflex.db.autogenerate.ScratchStatements.oneLine;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An empty database of the target's kind for Hibernate to export the entities into, removed again by
 * {@link #close()}: a temporary SQLite file, an in-memory H2 database, or a database of its own on the target's
 * PostgreSQL, MariaDB or MySQL server; or, with {@code --scratch-url}, an empty database the user provides (which
 * is emptied again, not removed). What reflex-db creates carries a {@link ScratchMark} (on SQLite, its application
 * id and the pid in the file's header), so that a killed run's leftover is found by its mark, and it is removed by
 * the exact name this run made. Leftovers of killed runs are removed before a new one is made.
 *
 * <p>Not thread-safe; used once.
 */
final class ScratchDatabase implements AutoCloseable {
  private final DatabaseUrl target;
  private final String jdbcUrl;
  private final String created;
  private final Connection keeper;
  private final Path file;
  private final String masked;
  private final String user;
  private final String password;
  private boolean closed;

  private ScratchDatabase(DatabaseUrl target, String jdbcUrl, String created, Connection keeper, Path file,
      String masked, String user, String password) {
    this.target = target;
    this.user = user;
    this.password = password;
    this.jdbcUrl = jdbcUrl;
    this.created = created;
    this.keeper = keeper;
    this.file = file;
    this.masked = masked;
  }

  /**
   * Removes the leftovers of killed runs, then creates the scratch database.
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
          ScratchLeftovers.removeSqliteFiles(Path.of(System.getProperty("java.io.tmpdir")));
          Path file = temporaryFile();
          return new ScratchDatabase(target, markSqlite(file), null, null, file, "a temporary SQLite file", null,
              null);
        }
        case H2: {
          // the in-memory database lives while one connection to it is open: the keeper
          String url = "jdbc:h2:mem:" + name;
          return new ScratchDatabase(target, url, null, DriverManager.getConnection(url), null,
              "an in-memory H2 database", null, null);
        }
        case POSTGRESQL:
        case MARIADB:
          return onServer(target, user, password, name);
        case MYSQL:
          throw new AutogenerateFailure("MySQL keeps no comment with a database, so reflex-db cannot mark a scratch"
              + " database as its own on " + target.masked() + "; pass --scratch-url=URL of an empty MySQL database");
        default:
          throw new AutogenerateFailure("revision --autogenerate supports SQLite, H2, PostgreSQL and MariaDB, not "
              + target.masked() + "; pass --scratch-url=URL of an empty database of the same kind");
      }
    } catch (SQLException e) {
      throw new AutogenerateFailure("cannot reach " + target.masked() + " to create the scratch database: "
          + oneLine(e) + "; check that the database server is running and that the URL names it");
    }
  }

  /** A database of its own on the target's server, marked: a connection to it reaches no object of the target. */
  private static ScratchDatabase onServer(DatabaseUrl target, String user, String password, String name)
      throws SQLException {
    DatabaseKind kind = target.kind();
    Connection connection = JdbcUrls.connect(target.jdbcUrl(), user, password);
    try {
      ScratchStatements.boundWaits(connection, kind);
      ScratchLeftovers.removeFromServer(connection, kind);
      String mark = ScratchMark.thisRun().text();
      String quoted = ScratchStatements.quote(kind, name);
      try (Statement statement = connection.createStatement()) {
        if (kind == DatabaseKind.POSTGRESQL) {
          // template0: a database made from template1 would hold whatever someone put there
          statement.execute("create database " + quoted + " template template0");
          try {
            statement.execute("comment on database " + quoted + " is '" + mark + "'");
          } catch (SQLException e) {
            statement.execute(ScratchStatements.dropDatabase(kind, name));
            throw e;
          }
        } else {
          statement.execute("create database " + quoted + " comment '" + mark + "'");
        }
      } catch (SQLException e) {
        throw new AutogenerateFailure("cannot create the scratch database " + name + " on " + target.masked() + ": "
            + oneLine(e) + "; " + (kind == DatabaseKind.POSTGRESQL ? "grant CREATEDB to the user"
            : "grant the user CREATE and DROP on the server") + ", or pass --scratch-url=URL of an empty database");
      }
      String url = JdbcUrls.withDatabase(target.jdbcUrl(), name);
      if (kind == DatabaseKind.POSTGRESQL) {
        // the target's schema is not in the scratch database: its own default (public) stands for it
        url = JdbcUrls.withoutParameter(url, "currentSchema");
      }
      return new ScratchDatabase(target, url, name, connection, null, "database " + name + " on the server of "
          + target.masked(), user, password);
    } catch (RuntimeException | SQLException e) {
      connection.close();
      throw e;
    }
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile("reflex-scratch-", ".db");
    } catch (IOException e) {
      throw new AutogenerateFailure("cannot create the scratch SQLite file in " + System.getProperty("java.io.tmpdir")
          + ": " + e.getClass().getSimpleName() + " " + oneLine(e) + "; set REFLEX_DB_JAVA_OPTS=-Djava.io.tmpdir=DIR"
          + " to a writable folder, or pass --scratch-url=URL of an empty SQLite file");
    }
  }

  /**
   * Marks the file in its own header: reflex-db's application id, and this process's pid as user version. The host
   * is not written: the file is in this host's temporary folder.
   */
  private static String markSqlite(Path file) throws SQLException {
    String url = "jdbc:sqlite:" + file;
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      // one transaction: the mark and its pid appear in the header together, never the mark with pid 0, which a
      // concurrent revision's leftover sweep would take for a run that is over
      connection.setAutoCommit(false);
      statement.execute("pragma application_id = " + ScratchMark.SQLITE_APPLICATION_ID);
      statement.execute("pragma user_version = " + ProcessHandle.current().pid());
      connection.commit();
    }
    return url;
  }

  private static ScratchDatabase given(DatabaseUrl url, String user, String password) {
    String givenUser = url.user() != null ? url.user() : user;
    String givenPassword = url.user() != null ? url.password() : password;
    try (Connection connection = JdbcUrls.connect(url.jdbcUrl(), givenUser, givenPassword)) {
      String found = ScratchEmptiness.firstObject(connection, url.kind());
      if (found != null) {
        throw new AutogenerateFailure("the scratch database " + url.masked() + " is not empty (it holds " + found
            + "); pass --scratch-url=URL of an empty database");
      }
    } catch (SQLException e) {
      throw new AutogenerateFailure("cannot reach the scratch database " + url.masked() + ": " + oneLine(e)
          + "; check --scratch-url");
    }
    return new ScratchDatabase(url, url.jdbcUrl(), null, null, null, url.masked(), givenUser, givenPassword);
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
        try (Connection connection = keeper; Statement statement = connection.createStatement()) {
          if (created != null) {
            statement.execute(ScratchStatements.dropDatabase(target.kind(), created));
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new AutogenerateFailure("could not remove the scratch " + masked + ": " + oneLine(e)
          + "; remove it by hand" + (created == null ? "" : ": DROP DATABASE "
          + ScratchStatements.quote(target.kind(), created)));
    }
  }
}
