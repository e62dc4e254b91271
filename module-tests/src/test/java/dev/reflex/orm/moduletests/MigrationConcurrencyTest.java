package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code reflex-db update} as several deploys run it: side by side on one fresh database, killed in the
 * middle of a changeset, and against a changeset edited after it ran. Liquibase's DATABASECHANGELOGLOCK
 * serialises the runs; reflex-db only has to say how to release a lock that a killed run left behind.
 */
class MigrationConcurrencyTest {
  private static final int CHANGESETS = 20;
  private static final int RUNS = 4;
  /** Rounds of four runs, each on a fresh database: 1 in the build, more by -Dreflex.test.migration.rounds=N. */
  private static final int ROUNDS = Integer.getInteger("reflex.test.migration.rounds", 1);
  private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir
  Path project;

  private Launcher reflexDb(String url) {
    // Liquibase checks a held lock every 10 s by default; once a second keeps the waiting runs quick.
    // The wait itself stays Liquibase's default, 5 minutes: far longer than 20 small changesets take.
    return new Launcher(project).env("REFLEX_DB_URL", url).env("LIQUIBASE_CHANGELOG_LOCK_POLL_RATE", "1");
  }

  private void writeChangelog(String... changesets) throws IOException {
    Path file = project.resolve(CHANGELOG);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "databaseChangeLog:\n" + String.join("", changesets));
  }

  private static String tableWithOneRow(int n) {
    String table = String.format("t%02d", n);
    return "  - changeSet:\n      id: " + table + "\n      author: reliability\n      changes:\n"
        + "        - createTable:\n            tableName: " + table + "\n            columns:\n"
        + "              - column: {name: id, type: int}\n"
        + "        - insert:\n            tableName: " + table + "\n            columns:\n"
        + "              - column: {name: id, valueNumeric: " + n + "}\n";
  }

  private static String sqlChangeset(String id, String sql) {
    return "  - changeSet:\n      id: " + id + "\n      author: reliability\n      changes:\n"
        + "        - sql:\n            sql: " + sql + "\n";
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void fourUpdatesStartedTogetherApplyEveryChangesetExactlyOnce(TestDatabase kind) throws Exception {
    writeChangelog(IntStream.rangeClosed(1, CHANGESETS).mapToObj(MigrationConcurrencyTest::tableWithOneRow)
        .toArray(String[]::new));
    for (int round = 1; round <= ROUNDS; round++) {
      fourUpdatesOnAFreshDatabase(kind, round);
    }
  }

  private void fourUpdatesOnAFreshDatabase(TestDatabase kind, int round) throws SQLException {
    String url = kind.freshUrl();
    Launcher launcher = reflexDb(url);

    List<Launcher.Running> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(launcher.start("update"));
    }
    List<Launcher.Result> results = runs.stream().map(Launcher.Running::await).toList();

    assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as("%s", result).isZero());
    // Liquibase creates DATABASECHANGELOG before it takes its lock: a run that loses that race tries again
    long waited = results.stream().filter(result -> result.out().contains("Waiting for changelog lock")).count();
    long triedAgain = results.stream().filter(result -> result.err().contains("trying again")).count();
    System.out.printf("%s round %d: of %d runs, %d waited for the lock, %d lost the race to create"
        + " DATABASECHANGELOG%n", kind, round, RUNS, waited, triedAgain);
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement()) {
      Map<String, Integer> applied = new TreeMap<>();
      try (ResultSet rows = statement.executeQuery("select id, count(*) from DATABASECHANGELOG group by id")) {
        while (rows.next()) {
          applied.put(rows.getString(1), rows.getInt(2));
        }
      }
      assertThat(applied).hasSize(CHANGESETS).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
      for (int n = 1; n <= CHANGESETS; n++) {
        try (ResultSet rows = statement.executeQuery(String.format("select count(*) from t%02d", n))) {
          rows.next();
          assertThat(rows.getInt(1)).as("rows in t%02d", n).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void killedUpdateLeavesALockThatTheNextRunNamesWithHowToReleaseIt() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl().replaceFirst("://([^:@/]+)@", "://$1:" + CANARY + "@");
    writeChangelog(sqlChangeset("slow", "select pg_sleep(30)"), tableWithOneRow(1));
    Launcher.Running first = reflexDb(url).start("update");
    String lockedBy = awaitLock(url);
    // bin/reflex-db execs java, so its PID is the JVM's; only the run that records the class-data archive
    // keeps the shell as the JVM's parent: SIGKILL reaches the JVM in both cases
    ProcessHandle jvm = first.process().info().command().orElse("").endsWith("/java") ? first.process().toHandle()
        : first.process().descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
            .orElseThrow(() -> new AssertionError("no JVM under " + first.process().info()));
    jvm.destroyForcibly();
    first.process().waitFor();
    Launcher.Result blocked = reflexDb(url).env("LIQUIBASE_CHANGELOG_LOCK_WAIT_TIME_IN_MINUTES", "0").run("update");

    assertThat(blocked.exitCode()).as("%s", blocked).isEqualTo(1);
    assertThat(blocked.errLines()).as("%s", blocked).hasSize(1);
    assertThat(blocked.err()).contains("Could not acquire change log lock", "locked by " + lockedBy, " since ",
        "run `reflex-db release-locks`");
    assertThat(blocked.all()).doesNotContain(CANARY).doesNotContain("\tat ");

    Launcher.Result release = reflexDb(url).run("release-locks");
    assertThat(release.exitCode()).as("%s", release).isZero();
    Launcher.Result rerun = reflexDb(url).run("update");
    assertThat(rerun.exitCode()).as("%s", rerun).isZero();
    assertThat(rerun.all()).doesNotContain(CANARY);
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from DATABASECHANGELOG")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(2);
    }
  }

  /** Waits until the running update holds Liquibase's lock, and returns its LOCKEDBY. */
  private static String awaitLock(String url) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select lockedby from databasechangeloglock where locked")) {
        if (rows.next()) {
          return rows.getString(1);
        }
      } catch (SQLException e) {
        // the lock table does not exist yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("reflex-db update did not take Liquibase's lock within 60 s");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL"})
  void changesetEditedAfterItRanFailsWithTheChecksumInOneLine(TestDatabase kind) throws Exception {
    String url = kind.freshUrl();
    writeChangelog(tableWithOneRow(1));
    assertThat(reflexDb(url).run("update").exitCode()).isZero();
    writeChangelog(tableWithOneRow(1).replace("valueNumeric: 1", "valueNumeric: 2"));

    for (String command : List.of("update", "validate")) {
      Launcher.Result result = reflexDb(url).run(command);

      assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
      assertThat(result.errLines()).as("%s", result).hasSize(1);
      assertThat(result.err()).contains("check sum", CHANGELOG + "::t01::reliability", "new changeset");
      assertThat(result.all()).doesNotContain("\tat ");
    }
  }
}
