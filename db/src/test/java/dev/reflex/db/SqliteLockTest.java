package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflex-db update} on the SQLite file of a running application: it waits for the application's write
 * transaction as long as the library waits (REFLEX_DB_POOL_TIMEOUT, 30 s by default, not sqlite-jdbc's 3 s), says
 * that the file is locked when the wait runs out, and after a run killed mid-way says how to release Liquibase's lock.
 */
class SqliteLockTest {
  private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

  @TempDir
  Path project;

  private String url;

  private Launcher reflexDb() {
    url = "sqlite:///" + project.resolve("app.db");
    return new Launcher(project).env("REFLEX_DB_URL", url).env("LIQUIBASE_CHANGELOG_LOCK_POLL_RATE", "1");
  }

  private void writeChangelog(String firstSql) throws IOException {
    Path file = project.resolve(CHANGELOG);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "databaseChangeLog:\n"
        + (firstSql == null ? "" : "  - changeSet:\n      id: first\n      author: t\n      changes:\n"
            + "        - sql:\n            sql: " + firstSql + "\n")
        + "  - changeSet:\n      id: book\n      author: t\n      changes:\n"
        + "        - createTable:\n            tableName: book\n            columns:\n"
        + "              - column: {name: id, type: int}\n");
  }

  /** An application's write transaction: what every reflex-orm session on SQLite holds. */
  private Connection applicationTransaction() throws SQLException {
    Connection connection = TestDatabases.connect(url);
    try (Statement statement = connection.createStatement()) {
      statement.execute("begin immediate");
    }
    return connection;
  }

  @Test
  void updateWaitsForTheApplicationsTransactionAsLongAsTheLibraryWaits() throws Exception {
    Launcher launcher = reflexDb();
    writeChangelog(null);
    Connection application = applicationTransaction();
    Launcher.Running update;
    try {
      update = launcher.start("update");
      // longer than sqlite-jdbc's own 3 s, after the JVM has started
      Thread.sleep(8000);
    } finally {
      application.close();
    }
    Launcher.Result result = update.await();
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(applied()).isEqualTo(1);
  }

  @Test
  void updateThatOutwaitsTheLockSaysAnotherWriterHoldsTheFile() throws Exception {
    Launcher launcher = reflexDb().env("REFLEX_DB_POOL_TIMEOUT", "1");
    writeChangelog(null);
    Connection application = applicationTransaction();
    Launcher.Result result;
    try {
      result = launcher.run("update");
    } finally {
      application.close();
    }
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.errLines()).as("%s", result).hasSize(1);
    assertThat(result.err()).startsWith("reflex-db: ").contains("another writer", "held the write lock of " + url,
        "REFLEX_DB_POOL_TIMEOUT").doesNotContain("fix the changelog").doesNotContain("database server");
  }

  @Test
  void rerunAfterAKilledUpdateSaysHowToReleaseTheLock() throws Exception {
    Launcher launcher = reflexDb();
    // about a minute of work for SQLite: the run is killed long before it ends
    writeChangelog("create table busy as with recursive c(x) as (select 1 union all select x + 1 from c"
        + " where x < 500000000) select x from c");
    // the file in WAL mode, as the application's pool leaves it: the test's polls then read the committed lock row
    // while the long changeset writes, where a rollback journal would answer them "database is locked"
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement()) {
      statement.execute("pragma journal_mode=wal");
    }
    Launcher.Running first = launcher.start("update");
    awaitLiquibaseLock(first);
    // bin/reflex-db execs java, so its PID is the JVM's; only the run that records the class-data archive
    // keeps the shell as the JVM's parent: SIGKILL reaches the JVM in both cases
    ProcessHandle jvm = first.process().info().command().orElse("").endsWith("/java") ? first.process().toHandle()
        : first.process().descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
            .orElseThrow(() -> new AssertionError("no JVM under " + first.process().info()));
    jvm.destroyForcibly();
    first.process().waitFor();

    writeChangelog(null);
    Launcher.Result blocked = launcher.env("LIQUIBASE_CHANGELOG_LOCK_WAIT_TIME_IN_MINUTES", "0").run("update");
    assertThat(blocked.exitCode()).as("%s", blocked).isEqualTo(1);
    assertThat(blocked.errLines()).as("%s", blocked).hasSize(1);
    assertThat(blocked.err()).contains("Could not acquire change log lock", "run `reflex-db release-locks`")
        .doesNotContain("\tat ");

    assertThat(launcher.run("release-locks").exitCode()).isZero();
    Launcher.Result rerun = launcher.run("update");
    assertThat(rerun.exitCode()).as("%s", rerun).isZero();
    assertThat(applied()).isEqualTo(1);
  }

  /**
   * Waits until the run holds Liquibase's lock. Not a measure of speed: a bound against a hang, generous because a
   * launcher JVM that records its class-data archive on a loaded 2-core machine can take a minute to get there.
   */
  private void awaitLiquibaseLock(Launcher.Running run) throws InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!run.process().isAlive()) {
        throw new AssertionError("reflex-db update ended before it took Liquibase's lock: " + run.await());
      }
      try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select count(*) from databasechangeloglock where locked")) {
        if (rows.next() && rows.getInt(1) > 0) {
          return;
        }
      } catch (SQLException e) {
        // the lock table does not exist yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("reflex-db update did not take Liquibase's lock within 300 s");
  }

  private int applied() throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from databasechangelog where id = 'book'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
