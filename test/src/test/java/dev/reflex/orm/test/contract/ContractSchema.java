package dev.reflex.orm.test.contract;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Pools;
import dev.reflex.orm.internal.UrlParser;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The providers' test schema, the {@code book (id, title)} table, as a changelog ({@value #CHANGELOG}) that
 * reflex-db's {@link Migrations} applies: the contract and every provider test that needs the table use it, so no
 * test writes its DDL by hand.
 */
public final class ContractSchema {
  /** The changelog, a class path resource of this test-jar. */
  public static final String CHANGELOG = "db/contract-changelog.yaml";
  /** Held, so that its level stays: Liquibase's dozen INFO lines for every test database are noise. */
  private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

  private ContractSchema() {}

  /**
   * Creates the table in an empty database.
   *
   * @param dataSource a data source on the database
   */
  public static void migrate(DataSource dataSource) {
    LIQUIBASE.setLevel(Level.WARNING);
    Migrations.of(CHANGELOG).classLoader(ContractSchema.class.getClassLoader()).update(dataSource);
  }

  /**
   * Creates the table in the empty database at the URL, on a pool of its own closed afterwards: for an application
   * that a test runs in a JVM of its own, on a file or server database.
   *
   * @param url the database, in reflex-orm's URL form
   * @return the URL
   */
  public static String migrated(String url) {
    DatabaseUrl parsed = UrlParser.parse(url);
    try (HikariDataSource pool = new HikariDataSource(Pools.config(parsed, parsed.jdbcUrl(), 1,
        Duration.ofSeconds(30)))) {
      migrate(pool);
    }
    return url;
  }
}
