package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Without reflex-orm-migrations (the API's own tests have none), a statement that finds a table or column missing
 * carries what plain JDBC tells of the database's DATABASECHANGELOG, on every database; the check at build needs the
 * migrations library and says so. With it, the count of the changesets that have not run: see each provider's
 * {@code PendingChangesetsTest}.
 */
class PendingChangesetsTest {
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingTableOnADatabaseWithoutChangelogTableSaysNoChangesetHasRun(TestDatabase database) {
    try (ReflexDatabase db = open(database)) {
      SQLException missing = failure(db, "select title from book");

      assertThat(note(missing)).startsWith("no changeset has run on this database (")
          .endsWith(" has no DATABASECHANGELOG table): run `reflex-db update`");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingColumnOnADatabaseThatRanChangesetsSaysHowManyRan(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database)) {
      db.transaction(s -> {
        try (Statement statement = s.unwrap(Connection.class).createStatement()) {
          statement.execute("create table DATABASECHANGELOG (ID varchar(255), AUTHOR varchar(255),"
              + " FILENAME varchar(255), DATEEXECUTED timestamp)");
          statement.execute("insert into DATABASECHANGELOG values ('1-book', 'me', 'db/changelog.yaml',"
              + " '2026-12-01 10:00:00')");
          statement.execute("insert into DATABASECHANGELOG values ('2-title', 'me', 'db/changelog.yaml',"
              + " '2026-12-02 10:00:00')");
          statement.execute("create table book (id int primary key)");
        }
        return null;
      });

      SQLException missing = failure(db, "select title from book");

      assertThat(note(missing)).startsWith("2 changesets have run on this database (")
          .contains("), the last at 2026-12-02 10:00:00")
          .endsWith(": if the changelog holds more, run `reflex-db update` (with reflex-orm-migrations on the path,"
              + " this says how many)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailureThatIsNotAMissingTableCarriesNoNote(TestDatabase database) {
    try (ReflexDatabase db = open(database)) {
      SQLException syntax = failure(db, "selec 1");

      assertThat(syntax.getSuppressed()).isEmpty();
    }
  }

  /** Liquibase probes for its own tables before it creates them: a migration running, not one pending. */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void liquibasesProbeForItsOwnTableCarriesNoNote(TestDatabase database) {
    try (ReflexDatabase db = open(database)) {
      SQLException probe = failure(db, "select count(*) from DATABASECHANGELOGLOCK");

      assertThat(probe.getSuppressed()).isEmpty();
    }
  }

  @Test
  void theCheckAtBuildNeedsTheMigrationsLibrary() {
    assertThatThrownBy(() -> ReflexDatabase.builder().url(TestDatabase.SQLITE_FILE.freshUrl()).provider("jdbc-test")
        .checkChangelog(true).build().close())
        .isExactlyInstanceOf(InvalidConfigurationException.class)
        .hasMessage("checkChangelog(true) needs reflex-orm-migrations, which reads the changelog: add"
            + " dev.reflex:reflex-orm-migrations to the application's dependencies, or leave the check out");
  }

  private static ReflexDatabase open(TestDatabase database) {
    return ReflexDatabase.builder().url(database.freshUrl()).provider("jdbc-test").build();
  }

  private static SQLException failure(ReflexDatabase db, String sql) {
    try (ReflexSession session = db.session(); Statement statement = session.unwrap(Connection.class).createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("no failure from " + sql);
  }

  private static String note(SQLException failure) {
    return Arrays.stream(failure.getSuppressed()).filter(PendingChangesetsException.class::isInstance)
        .map(Throwable::getMessage).findFirst().orElseThrow(() -> new AssertionError("no note on " + failure));
  }
}
