package dev.reflex.orm.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A MyBatis statement that finds a table missing says how many changesets of the changelog {@code reflex-db update}
 * would use (here the class path's {@code db/changelog/db.changelog-master.yaml}, one changeset) have not run.
 */
class PendingChangesetsTest {
  @ParameterizedTest
  @EnumSource(names = {"SQLITE_FILE", "POSTGRESQL", "MARIADB"})
  void aStatementOnAnUnmigratedDatabaseSaysHowManyChangesetsHaveNotRun(TestDatabase database) {
    try (ReflexDatabase db = ReflexDatabase.builder().url(database.freshUrl()).provider("mybatis").register(BookMapper.class).build()) {
      assertThatThrownBy(() -> db.transaction(s -> s.unwrap(SqlSession.class).getMapper(BookMapper.class).title(1)))
          .isInstanceOf(PersistenceException.class)
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
