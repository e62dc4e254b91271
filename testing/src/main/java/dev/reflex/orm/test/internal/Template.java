package dev.reflex.orm.test.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.db.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Pools;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A database migrated once per run, from which each test class or test gets a {@link Copy} of its own.
 * Closing it drops it.
 *
 * <p>Thread-safe: copies may be made from several threads.
 */
public abstract class Template implements AutoCloseable {
  /** Names this run's databases apart from those of other runs on the same server. */
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final int POOL_SIZE = 10;
  private static final Duration POOL_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Migrates the template for a database.
   *
   * @param base the database {@code REFLEX_TEST_DB_URL} names, or {@code null} for the embedded default
   * @param migrations the application's changelog
   * @return the template, migrated
   */
  public static Template create(DatabaseUrl base, Migrations migrations) {
    if (base == null) {
      return new SqliteTemplate(migrations);
    }
    switch (base.kind()) {
      case SQLITE:
        return base.inMemory() ? new SqliteMemoryTemplate(migrations) : new SqliteTemplate(migrations);
      case H2:
        return new H2Template(base, migrations);
      case POSTGRESQL:
        return new PostgresTemplate(base, migrations);
      default:
        return new MigratingTemplate(base, migrations);
    }
  }

  /**
   * Makes a new database holding what the template holds.
   *
   * @return the copy, with its pool started
   */
  public abstract Copy copy();

  /** Drops the template. Idempotent. */
  @Override
  public abstract void close();

  /** @return a name no other database of this run has, with the given prefix */
  static String uniqueName(String prefix) {
    return prefix + "_" + RUN + "_" + COUNTER.incrementAndGet();
  }

  /** @return a pool on the JDBC URL, with the credentials and settings of the URL it was made from */
  static HikariDataSource pool(DatabaseUrl base, String jdbcUrl) {
    return new HikariDataSource(Pools.config(base, jdbcUrl, POOL_SIZE, POOL_TIMEOUT));
  }

  /**
   * Applies the changelog to the database at the JDBC URL, on a pool of its own closed afterwards. Liquibase's
   * INFO lines (a dozen per migration, through java.util.logging) are held back unless the user set a level for
   * the {@code liquibase} logger; a failure still reaches the test as an exception.
   */
  static void migrate(DatabaseUrl base, String jdbcUrl, Migrations migrations) {
    Logger liquibase = Logger.getLogger("liquibase");
    boolean quiet = liquibase.getLevel() == null;
    if (quiet) {
      liquibase.setLevel(Level.WARNING);
    }
    try (HikariDataSource pool = pool(base, jdbcUrl)) {
      migrations.update(pool);
    } finally {
      if (quiet) {
        liquibase.setLevel(null);
      }
    }
  }
}
