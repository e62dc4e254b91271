package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.PendingChangesetsException;
import dev.reflex.orm.ProviderFailedException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexDatabaseBuilder;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import dev.reflex.orm.hibernate.model.Book;
import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.testing.TestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.io.StringWriter;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database that lacks changesets says so when Hibernate finds a table missing: in the stack trace of a query
 * ({@code no such table: book} alone before), in the message of a failed commit, and in the message of a start
 * whose schema validation failed; and at build when asked. The changelog {@code reflex-db update} would use is the
 * class path's {@code db/changelog/db.changelog-master.yaml} (reflex-orm-test's test-jar: one changeset, which
 * creates {@code item}).
 */
class PendingChangesetsTest {
  private static final String ONE_PENDING = "1 changeset of db/changelog/db.changelog-master.yaml has not run on this"
      + " database (";

  @ParameterizedTest
  @EnumSource(names = {"SQLITE_FILE", "POSTGRESQL", "MARIADB"})
  void aQueryOnAnUnmigratedDatabaseSaysHowManyChangesetsHaveNotRun(TestDatabase database) throws Exception {
    try (ReflexDatabase db = builder(database.freshUrl()).build(); ReflexSession session = db.session()) {
      Session hibernate = session.unwrap(Session.class);

      assertThatThrownBy(() -> hibernate.createSelectionQuery("from Book", Book.class).getResultList())
          .satisfies(e -> assertThat(stackTrace(e)).contains(PendingChangesetsException.class.getName() + ": "
              + ONE_PENDING).contains("): run `reflex-db update`"));
      assertThat(tables(db)).as("the note reads DATABASECHANGELOG where it is, and never creates it").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"SQLITE_FILE", "POSTGRESQL", "MARIADB"})
  void aFailedCommitSaysHowManyChangesetsHaveNotRun(TestDatabase database) {
    try (ReflexDatabase db = builder(database.freshUrl()).build(); ReflexSession session = db.session()) {
      session.unwrap(Session.class).persist(new Book(1, "Dune"));

      assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class)
          .hasMessageStartingWith("Commit failed and the transaction was rolled back: ")
          .hasMessageContaining("; " + ONE_PENDING)
          .hasMessageEndingWith("): run `reflex-db update`");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"SQLITE_FILE", "POSTGRESQL", "MARIADB"})
  void aStartWhoseSchemaValidationFailsSaysHowManyChangesetsHaveNotRun(TestDatabase database) {
    HibernateConfigurer validate = configuration -> configuration.setProperty("hibernate.hbm2ddl.auto", "validate");

    assertThatThrownBy(() -> builder(database.freshUrl()).configure(validate).build().close())
        .isInstanceOf(ProviderFailedException.class)
        .hasMessageContaining("Schema validation: missing table [book]; " + ONE_PENDING)
        .hasMessageEndingWith("): run `reflex-db update`");
  }

  @ParameterizedTest
  @EnumSource(names = {"SQLITE_FILE", "POSTGRESQL", "MARIADB"})
  void theCheckAtBuildFailsUntilTheChangelogHasRun(TestDatabase database) {
    String url = database.freshUrl();

    assertThatThrownBy(() -> builder(url).checkChangelog(true).build().close())
        .isExactlyInstanceOf(PendingChangesetsException.class)
        .hasMessageStartingWith(ONE_PENDING)
        .hasMessageEndingWith("): run `reflex-db update`, then start again");

    try (ReflexDatabase db = builder(url).build()) {
      Migrations.ofDefaultChangelog().update(db);
    }
    try (ReflexDatabase db = builder(url).checkChangelog(true).build()) {
      // every changeset has run: a table the changelog never makes is the mapping's, and the note says so
      assertThatThrownBy(() -> db.transaction(s -> s.unwrap(Session.class)
          .createSelectionQuery("from Book", Book.class).getResultList()))
          .satisfies(e -> assertThat(stackTrace(e)).contains("every changeset of db/changelog/db.changelog-master.yaml"
              + " has run on this database (").contains("add a changeset (`reflex-db revision`) or fix the mapping"));
    }
  }

  private static ReflexDatabaseBuilder builder(String url) {
    return ReflexDatabase.builder().url(url).provider("hibernate").register(Book.class);
  }

  private static List<String> tables(ReflexDatabase db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = db.dataSource().getConnection();
        ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
