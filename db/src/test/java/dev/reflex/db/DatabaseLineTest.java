package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.internal.UrlParser;
import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which database a command used (issue 25): {@code update} names it, and a URL that names none says, on every
 * command that connects, which one the server picks ({@code postgresql://postgres@127.0.0.1:5432} migrated the
 * {@code postgres} database without a word).
 */
class DatabaseLineTest {
  @TempDir
  Path project;

  @Test
  void updateSaysWhichDatabaseItUpdatedAndWhereTheUrlCameFrom() {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");

    Launcher.Result update = reflexDb.run("update");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(update.out().lines()).last().isEqualTo("reflex-db: database sqlite:///reflex.db (the default:"
        + " REFLEX_DB_URL is not set)");
    assertThat(update.err()).doesNotContain("names no database");

    Launcher.Result upToDate = reflexDb.env("REFLEX_DB_URL", "sqlite:///reflex.db").run("update");
    assertThat(upToDate.out().lines()).last().isEqualTo("reflex-db: database sqlite:///reflex.db (REFLEX_DB_URL)");
  }

  @Test
  void aPostgresUrlWithoutDatabaseSaysOnEveryCommandThatTheUsersDatabaseIsUsed() throws SQLException {
    // a role and a database of the same name, this test's own: the shared server's postgres database is left alone
    String name = "reflex_" + TestDatabases.suffix();
    String admin = TestDatabases.postgresUrl();
    String noDatabase = "postgresql://" + name + "@" + UrlParser.parse(admin).jdbcUrl()
        .replaceFirst("^jdbc:postgresql://([^/]*)/.*$", "$1");
    execute(admin, "create role " + name + " login", "create database " + name + " owner " + name);
    try {
      Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", noDatabase);
      reflexDb.run("init");
      String note = "reflex-db: " + noDatabase + " names no database: PostgreSQL uses " + name + ", the database"
          + " named as the user; name the database in the URL's path to choose it";

      Launcher.Result update = reflexDb.run("update");
      Launcher.Result status = reflexDb.run("status");
      Launcher.Result check = reflexDb.run("check");

      assertThat(update.exitCode()).as("%s", update).isZero();
      assertThat(update.errLines()).as("%s", update).first().isEqualTo(note);
      assertThat(update.out().lines()).last().isEqualTo("reflex-db: database " + noDatabase + " (REFLEX_DB_URL),"
          + " which names no database: PostgreSQL uses " + name + ", the database named as the user; name the"
          + " database in the URL's path to choose it");
      assertThat(status.errLines()).as("%s", status).first().isEqualTo(note);
      assertThat(status.errLines()).filteredOn(line -> line.contains("names no database")).hasSize(1);
      assertThat(check.errLines()).as("%s", check).containsExactly(note);
      assertThat(Databases.hasTable(TestDatabases.withDatabase(admin, name), "databasechangelog")).isTrue();
    } finally {
      execute(admin, "drop database if exists " + name, "drop role if exists " + name);
    }
  }

  @Test
  void aUrlThatNamesItsDatabaseSaysNothingMoreOnStandardError() {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");

    assertThat(reflexDb.run("status").err()).isEqualTo("Liquibase command 'status' was executed successfully.\n");
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
