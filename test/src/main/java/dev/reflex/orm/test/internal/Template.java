package dev.reflex.orm.test.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Drivers;
import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.internal.Pools;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        Leftovers.grace(); // a wrong setting fails the run before anything is made
        return new PostgresTemplate(base, migrations);
      default:
        Leftovers.grace();
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
   * Makes a copy in memory: a database that lives as long as one connection to it (the keeper, closed with the
   * copy), filled by one statement on that connection.
   *
   * @param name the copy's name
   * @param url its URL
   * @param fill the statement that fills it from the template
   * @param failure what a failure says before its cause
   * @return the copy, with its pool started
   */
  static Copy inMemory(String name, DatabaseUrl url, String fill, String failure) {
    Connection keeper = keeper(url);
    try {
      try (Statement statement = keeper.createStatement()) {
        statement.execute(fill);
      }
      return new Copy(name, pool(url, url.jdbcUrl()), () -> close(keeper));
    } catch (SQLException | RuntimeException e) {
      close(keeper);
      throw new IllegalStateException(failure + ": " + Failures.rootMessage(e), e);
    }
  }

  /** @return a connection to an in-memory database, which lives as long as a connection to it is open */
  static Connection keeper(DatabaseUrl url) {
    try {
      return Drivers.forUrl(url.jdbcUrl(), url.masked()).connect(url.jdbcUrl(), url.credentials());
    } catch (SQLException e) {
      throw new IllegalStateException("Unable to open the in-memory database " + url.masked() + ": "
          + Failures.rootMessage(e), e);
    }
  }

  private static void close(Connection keeper) {
    try {
      keeper.close();
    } catch (SQLException e) {
      // the database goes with its last connection either way
    }
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
