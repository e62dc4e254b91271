package dev.reflex.orm.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Pools;
import dev.reflex.orm.internal.UrlParser;
import dev.reflex.orm.test.internal.Copy;
import dev.reflex.orm.test.internal.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a test run pays, a test, for a fresh database migrated with a 20-changeset changelog: reflex-orm-test's
 * {@code FRESH_DATABASE} (a copy of a template migrated once: {@code CREATE DATABASE ... TEMPLATE} on PostgreSQL,
 * a file copy on SQLite) against applying the changelog to a new database each time. A measured call lets go of
 * the last test's database (the extension hands it to its background drops; the other side drops it) and hands
 * the next test a new one, with its pool started, as a test gets it.
 *
 * <p>The "test" that runs between two measured calls either does nothing ({@code empty}: each call then waits
 * for the server to make and drop databases, so it measures the server's pace) or what a small test does
 * ({@code inserts}: 20 rows inserted, each committed, then counted), while the clones are made ahead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Fixture.QUIET)
public class FreshDatabaseBenchmark {
  static final String CHANGELOG = "bench/changelog-20.yaml";

  @Param({"sqlite", "postgresql"})
  public String database;

  /** What the test does with its database, outside the measured time: {@code empty} or {@code inserts}. */
  @Param({"empty", "inserts"})
  public String test;

  private Migrations migrations;
  private DatabaseUrl server;
  private Template template;
  private Path folder;
  private Connection admin;
  private Copy copy;
  private HikariDataSource migrated;
  private Drop dropMigrated;

  /** Drops a migrated database. */
  private interface Drop {
    void run() throws Exception;
  }

  @Setup
  public void setUp() throws Exception {
    Fixture.quietLiquibase();
    migrations = Migrations.of(CHANGELOG);
    server = database.equals("sqlite") ? null : UrlParser.parse(Fixture.url("postgresql"));
    template = Template.create(server, migrations);
    folder = Files.createTempDirectory("reflex-bench-");
    if (server != null) {
      admin = DriverManager.getConnection(server.jdbcUrl(), server.credentials());
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    release();
    template.close();
    if (admin != null) {
      admin.close();
    }
    Files.deleteIfExists(folder);
  }

  /** FRESH_DATABASE: the last copy let go, a new copy of the template, with its pool started. */
  @Benchmark
  public String templateCopy() throws Exception {
    release();
    copy = template.copy();
    return copy.name();
  }

  /** The alternative: the last database dropped, a new database, a pool on it, every changeset applied. */
  @Benchmark
  public String migrateNewDatabase() throws Exception {
    release();
    String name = "reflex_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (server == null) {
      Path file = folder.resolve(name + ".db");
      DatabaseUrl url = UrlParser.parse("jdbc:sqlite:" + file);
      migrated = pool(url, url.jdbcUrl());
      migrations.update(migrated);
      dropMigrated = () -> Files.delete(file);
      return name;
    }
    execute("CREATE DATABASE " + name);
    migrated = pool(server, server.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
    migrations.update(migrated);
    dropMigrated = () -> execute("DROP DATABASE " + name + " WITH (FORCE)");
    return name;
  }

  /** The test runs here, outside the measured time. */
  @TearDown(Level.Invocation)
  public void runTest() throws Exception {
    if (test.equals("inserts")) {
      runTest(copy != null ? copy.pool() : migrated);
    }
  }

  /** Lets go of the last test's database: the extension drops it in the background, the other side now. */
  private void release() throws Exception {
    if (copy != null) {
      copy.close();
      copy = null;
    }
    if (migrated != null) {
      migrated.close();
      migrated = null;
      dropMigrated.run();
    }
  }

  /** A small test: 20 rows, each inserted and committed on its own, then counted. */
  private static void runTest(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement insert = connection.prepareStatement("insert into bench_1 (id, name) values (?, ?)");
        Statement count = connection.createStatement()) {
      for (int id = 1; id <= 20; id++) {
        insert.setLong(1, id);
        insert.setString(2, "row " + id);
        insert.executeUpdate();
      }
      try (ResultSet rows = count.executeQuery("select count(*) from bench_1")) {
        if (!rows.next() || rows.getInt(1) != 20) {
          throw new IllegalStateException("the test's database did not hold its 20 rows: not fresh");
        }
      }
    }
  }

  private static HikariDataSource pool(DatabaseUrl url, String jdbcUrl) {
    return new HikariDataSource(Pools.config(url, jdbcUrl, 10, Duration.ofSeconds(10)));
  }

  private void execute(String sql) throws Exception {
    try (Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
