package dev.reflex.orm.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JDBI statement that finds a table missing says how many changesets of the changelog {@code reflex-db update}
 * would use (here the class path's {@code db/changelog/db.changelog-master.yaml}, one changeset) have not run.
 */
class PendingChangesetsTest {
  @ParameterizedTest
  @EnumSource(names = {"SQLITE_FILE", "POSTGRESQL", "MARIADB"})
  void aStatementOnAnUnmigratedDatabaseSaysHowManyChangesetsHaveNotRun(TestDatabase database) {
    try (ReflexDatabase db = ReflexDatabase.builder().url(database.freshUrl()).provider("jdbi").build()) {
      assertThatThrownBy(() -> db.transaction(s -> s.unwrap(Handle.class).attach(BookDao.class).title(1)))
          .isInstanceOf(StatementException.class)
          .satisfies(e -> assertThat(stackTrace(e)).contains("dev.reflex.orm.PendingChangesetsException: 1 changeset"
              + " of db/changelog/db.changelog-master.yaml has not run on this database (").contains(
              "): run `reflex-db update`"));
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
