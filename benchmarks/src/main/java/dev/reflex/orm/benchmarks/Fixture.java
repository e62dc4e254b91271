package dev.reflex.orm.benchmarks;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.ReflexDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the database the benchmarks read: one table of 1,000 books, on H2 in memory or in a PostgreSQL database of
 * the fork's own, created with a comment naming its process and dropped when the fork ends. Nothing else on the
 * server is touched: the server database of the URL is only where the fork connects to create and drop its own.
 */
final class Fixture {
  static final int ROWS = 1000;
  /** The schema, a class path resource. */
  static final String CHANGELOG = "db/benchmark-changelog.yaml";
  /** Held, so its level stays: Liquibase's INFO lines stay out of JMH's output. */
  private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

  /** Keeps HikariCP's start and stop lines out of JMH's output. */
  static final String QUIET = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

  private Fixture() {}

  /** @return the id of one of the books, at random */
  static long randomId() {
    return ThreadLocalRandom.current().nextLong(1, ROWS + 1);
  }

  static String url(String database) {
    if (database.equals("h2")) {
      return "h2://";
    }
    String url = System.getenv("REFLEX_BENCH_POSTGRES_URL");
    return url != null ? url : "postgresql://postgres@127.0.0.1:5432/test";
  }

  /** Keeps Liquibase's INFO lines (a dozen a migration) out of JMH's output. */
  static void quietLiquibase() {
    LIQUIBASE.setLevel(Level.WARNING);
  }

  static ReflexDatabase open(String provider, String database, int poolSize) throws SQLException {
    String url = database.equals("h2") ? url(database) : ownDatabase(url(database));
    ReflexDatabase db = ReflexDatabase.builder().url(url).provider(provider).poolSize(poolSize)
        .register(Book.class, BookMapper.class).build();
    quietLiquibase();
    Migrations.of(CHANGELOG).classLoader(Fixture.class.getClassLoader()).update(db.dataSource());
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("insert into book select x, concat('book ', x) from "
          + (database.equals("h2") ? "system_range(1, " + ROWS + ")" : "generate_series(1, " + ROWS + ") x"));
    }
    return db;
  }

  /**
   * Creates an empty database of this fork's own on the server of {@code serverUrl} and drops it, by the name this
   * process gave it, when the fork's JVM ends.
   *
   * @return the URL of the new database
   */
  private static String ownDatabase(String serverUrl) throws SQLException {
    String name = "reflex_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (ReflexDatabase server = ReflexDatabase.builder().url(serverUrl).provider("jdbi").poolSize(1).build();
        Connection connection = server.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("create database " + name + " template template0");
      statement.execute("comment on database " + name + " is '" + mark() + "'");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, name), "reflex-bench-drop"));
    int path = serverUrl.indexOf('/', serverUrl.indexOf("://") + 3);
    int query = serverUrl.indexOf('?', path);
    return serverUrl.substring(0, path + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
  }

  /** The comment this fork's database carries: its ownership mark, checked again before the drop. */
  private static String mark() {
    return "reflex-orm benchmark fork, pid " + ProcessHandle.current().pid() + "; dropped when it ends";
  }

  private static void drop(String serverUrl, String name) {
    try (ReflexDatabase server = ReflexDatabase.builder().url(serverUrl).provider("jdbi").poolSize(1).build();
        Connection connection = server.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      try (ResultSet marked = statement.executeQuery("select shobj_description(oid, 'pg_database') from pg_database"
          + " where datname = '" + name + "'")) {
        if (!marked.next() || !mark().equals(marked.getString(1))) {
          System.err.println("benchmarks: left database " + name + ": it does not carry this fork's mark");
          return;
        }
      }
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException | RuntimeException e) {
      System.err.println("benchmarks: could not drop their database " + name + ": " + e.getMessage());
    }
  }
}
