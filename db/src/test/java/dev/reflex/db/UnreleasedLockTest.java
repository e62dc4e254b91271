package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TcpProxy;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 26, item 6: a run that leaves Liquibase's lock held says so in one line, naming {@code reflex-db
 * release-locks}, and exits non-zero. Before, an {@code update} whose release was cut off exited 0, and a run that
 * failed left the lock without a word; the next run then waited five minutes for it.
 */
class UnreleasedLockTest {
  private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

  @TempDir
  Path project;

  private void writeChangelog(String firstSql) throws IOException {
    Path file = project.resolve(CHANGELOG);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "databaseChangeLog:\n"
        + "  - changeSet:\n      id: book\n      author: t\n      changes:\n"
        + "        - createTable:\n            tableName: book\n            columns:\n"
        + "              - column: {name: id, type: int}\n"
        + (firstSql == null ? "" : "  - changeSet:\n      id: last\n      author: t\n      changes:\n"
            + "        - sql:\n            sql: " + firstSql + "\n"));
  }

  private Launcher reflexDb(String url) {
    // Liquibase's own setting, so that a run that finds the lock held fails at once instead of after 5 minutes
    return new Launcher(project).env("REFLEX_DB_URL", url).env("LIQUIBASE_CHANGELOG_LOCK_WAIT_TIME_IN_MINUTES", "0");
  }

  private static boolean lockHeld(String url) throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from DATABASECHANGELOGLOCK where LOCKED")) {
      rows.next();
      return rows.getInt(1) > 0;
    }
  }

  private static void assertTheLineAndTheWayOut(Launcher.Result result, Launcher launcher, String url)
      throws SQLException {
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.errLines()).as("%s", result).anySatisfy(line -> assertThat(line)
        .startsWith("reflex-db: Liquibase's lock on ").containsIgnoringCase("databasechangeloglock) is still held by"
            + " this run (")
        .endsWith("Liquibase could not release it, and every later run would wait for it; run `reflex-db"
            + " release-locks`"));
    assertThat(lockHeld(url)).as("the lock row").isTrue();
    Launcher.Result release = launcher.run("release-locks");
    assertThat(release.exitCode()).as("%s", release).isZero();
    assertThat(lockHeld(url)).as("the lock row after release-locks").isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void anUpdateWhoseReleaseOfTheLockIsCutOffSaysSoAndFails(TestDatabase database) throws Exception {
    writeChangelog(null);
    String url = database.freshUrl();
    try (TcpProxy proxy = TcpProxy.inFrontOf(url)) {
      Launcher launcher = reflexDb(proxy.url(url));
      // Liquibase's release, "UPDATE ... SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1", runs
      // in a transaction: the server runs it, its answer and the link are lost, and the server rolls it back
      proxy.cutAfter("LOCKEDBY = NULL");
      Launcher.Result update = launcher.run("update");
      assertThat(proxy.cuts()).as("%s", update).isEqualTo(1);
      assertThat(Databases.hasTable(url, "book")).as("the changeset ran: %s", update).isTrue();
      assertTheLineAndTheWayOut(update, launcher, url);
      Launcher.Result again = launcher.run("update");
      assertThat(again.exitCode()).as("%s", again).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void anUpdateWhoseDatabaseIsGoneAfterAFailedReleaseSaysTheLockMayStillBeHeld(TestDatabase database)
      throws Exception {
    writeChangelog(null);
    String url = database.freshUrl();
    Launcher.Result update;
    try (TcpProxy proxy = TcpProxy.inFrontOf(url)) {
      // the server is gone with the release's answer: the row cannot be read back
      proxy.dieAfter("LOCKEDBY = NULL");
      update = reflexDb(proxy.url(url)).run("update");
      assertThat(proxy.cuts()).as("%s", update).isEqualTo(1);
    }
    assertThat(update.exitCode()).as("%s", update).isEqualTo(1);
    assertThat(update.errLines()).as("%s", update).anySatisfy(line -> assertThat(line)
        .startsWith("reflex-db: Liquibase could not release its lock on ").contains(", nor could reflex-db read it"
            + " back (").endsWith("the lock may still be held, and every later run would wait for it; once no other"
            + " run is migrating, run `reflex-db release-locks`"));
    assertThat(lockHeld(url)).as("the lock row").isTrue();
    assertThat(reflexDb(url).run("release-locks").exitCode()).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aRunThatFailsAndLeavesTheLockSaysSo(TestDatabase database) throws Exception {
    // a changeset that ends its own connection: the run fails, and Liquibase cannot release the lock on it
    writeChangelog(database == TestDatabase.POSTGRESQL ? "select pg_terminate_backend(pg_backend_pid())"
        : "kill connection connection_id()");
    String url = database.freshUrl();
    Launcher launcher = reflexDb(url);
    Launcher.Result update = launcher.run("update");
    assertThat(update.errLines()).as("%s", update).filteredOn(line -> line.startsWith("reflex-db: "))
        .first().asString().startsWith("reflex-db: Migration failed for changeset").doesNotContain("still held");
    assertTheLineAndTheWayOut(update, launcher, url);
  }
}
