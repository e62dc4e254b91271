package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A revision written on the SQLite default, as a developer does on a laptop, is committed and then runs on the
 * production server: an {@code IDENTITY} id must be generated there too, or the application's first insert fails
 * with a null id (SQLite reports Hibernate's {@code id integer ... primary key (id)} as a plain column, though it
 * numbers the rows itself).
 */
class PortableRevisionTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aRevisionWrittenOnSqliteNumbersTheRowsOnAServer(TestDatabase server, @TempDir Path project)
      throws SQLException {
    Launcher onSqlite = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("app.db"));
    assertThat(onSqlite.run("init").exitCode()).isZero();
    assertThat(onSqlite.run("update").exitCode()).isZero();
    Launcher.Result revision = onSqlite.run("revision", "--autogenerate", "-m", "clinic model", "--classpath",
        Revisions.TEST_CLASSES.toString(), "--entities", "dev.reflex.db.clinic.v1");
    assertThat(revision.exitCode()).as("%s", revision).isZero();

    String url = server.freshUrl();
    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url).run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement()) {
      // as Hibernate inserts an IDENTITY entity: no id, the database gives one
      statement.executeUpdate("insert into types (name) values ('cat')");
      statement.executeUpdate("insert into types (name) values ('dog')");
      try (ResultSet ids = statement.executeQuery("select count(distinct id) from types")) {
        assertThat(ids.next()).isTrue();
        assertThat(ids.getInt(1)).isEqualTo(2);
      }
    }
  }
}
