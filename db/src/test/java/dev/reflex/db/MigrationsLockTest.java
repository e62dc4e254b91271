package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Migrations} under Liquibase's lock when runs overlap or a run was killed: every run either applies the
 * changesets or says in one line that another run holds the lock, and none leaves the lock held.
 */
class MigrationsLockTest {
  private static final String CHANGELOG = "db/slow.yaml";

  @TempDir Path project;

  @Test
  void sqliteRunsInTwoJvmsAtOnceLeaveTheLockFree() throws Exception {
    // a first changeset that holds SQLite's write lock for some seconds, longer than the other run waits for it
    writeChangelog("create table busy as with recursive c(x) as (select 1 union all select x + 1 from c"
        + " where x < 20000000) select x from c");
    Map<String, String> env = Map.of("REFLEX_DB_POOL_TIMEOUT", "1", "LIQUIBASE_CHANGELOG_LOCK_POLL_RATE", "1");
    String url = TestDatabase.SQLITE_FILE.freshUrl();
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(MigrateInAnotherJvm.start(project, env, url, CHANGELOG));
    }
    List<String> outputs = new ArrayList<>();
    for (Process run : runs) {
      outputs.add(MigrateInAnotherJvm.await(run) + " (exit " + run.exitValue() + ")");
    }
    for (String output : outputs) {
      assertThat(output).as("%s", outputs).containsAnyOf("applied 2", "another run")
          .doesNotContain("fix the changeset").doesNotContain("cannot be cast");
    }
    assertThat(lockHeld(url)).as("%s", outputs).isFalse();
    Process later = MigrateInAnotherJvm.start(project, env, url, CHANGELOG);
    String output = MigrateInAnotherJvm.await(later);
    assertThat(later.exitValue()).as("%s", output).isZero();
    assertThat(Databases.appliedChangesets(url)).hasSize(2);
  }

  @Test
  void postgresqlAfterAKilledRunSaysWhoHoldsTheLockSinceWhenAndHowToFreeIt() throws Exception {
    writeChangelog("select pg_sleep(60)");
    String url = TestDatabase.POSTGRESQL.freshUrl();
    Process killed = MigrateInAnotherJvm.start(project, Map.of(), url, CHANGELOG);
    String lockedBy = awaitLock(url, killed);
    killed.destroyForcibly();
    killed.waitFor();

    // Liquibase's own setting, so that the test does not wait Liquibase's 5 minutes for a lock nobody frees
    Process blocked = MigrateInAnotherJvm.start(project, Map.of("LIQUIBASE_CHANGELOG_LOCK_WAIT_TIME_IN_MINUTES", "0"),
        url, CHANGELOG);
    String output = MigrateInAnotherJvm.await(blocked);

    assertThat(blocked.exitValue()).as("%s", output).isEqualTo(1);
    assertThat(output).contains("is held by " + lockedBy + " since 20", "run `reflex-db release-locks`")
        .doesNotContain("fix the changeset");
  }

  /** @return LOCKEDBY once the run holds Liquibase's lock; a bound against a hang, not a measure of speed */
  private static String awaitLock(String url, Process run) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && run.isAlive()) {
      try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select lockedby from databasechangeloglock where locked")) {
        if (rows.next()) {
          return rows.getString(1);
        }
      } catch (java.sql.SQLException e) {
        // the lock table does not exist yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the run did not take Liquibase's lock: " + MigrateInAnotherJvm.await(run));
  }

  private void writeChangelog(String firstSql) throws Exception {
    Path file = project.resolve(CHANGELOG);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "databaseChangeLog:\n"
        + "  - changeSet:\n      id: first\n      author: t\n      changes:\n"
        + "        - sql:\n            sql: " + firstSql + "\n"
        + "  - changeSet:\n      id: book\n      author: t\n      changes:\n"
        + "        - createTable:\n            tableName: book\n            columns:\n"
        + "              - column: {name: id, type: int}\n");
  }

  private static boolean lockHeld(String url) throws Exception {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from databasechangeloglock where locked")) {
      return rows.next() && rows.getInt(1) > 0;
    }
  }
}
