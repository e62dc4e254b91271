package dev.reflex.orm.benchmarks;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.ReflexDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds the database the benchmarks read: one table of 1,000 books, on H2 in memory or PostgreSQL. */
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
    ReflexDatabase db = ReflexDatabase.builder().url(url(database)).provider(provider).poolSize(poolSize)
        .register(Book.class, BookMapper.class).build();
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      // the last run's table and Liquibase's record of it, on a server database the runs share
      statement.execute("drop table if exists book");
      statement.execute("drop table if exists databasechangelog");
      statement.execute("drop table if exists databasechangeloglock");
    }
    quietLiquibase();
    Migrations.of(CHANGELOG).classLoader(Fixture.class.getClassLoader()).update(db.dataSource());
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("insert into book select x, concat('book ', x) from "
          + (database.equals("h2") ? "system_range(1, " + ROWS + ")" : "generate_series(1, " + ROWS + ") x"));
    }
    return db;
  }
}
