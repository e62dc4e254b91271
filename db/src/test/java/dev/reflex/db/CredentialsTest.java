package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code REFLEX_DB_URL} owns the URL, the user and the password as one unit: the user and password that stock
 * Liquibase's {@code init project} writes into {@code liquibase.properties}, or {@code LIQUIBASE_COMMAND_*} in the
 * environment, for another database, are not mixed in; one warning names what was ignored; {@code update} and
 * {@code check} log in alike. Real MariaDB and PostgreSQL, through the real launcher.
 */
class CredentialsTest {
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir
  Path project;

  @Test
  void aUrlWithoutAPasswordLogsInWithoutOneWhateverElseNamesOne() throws Exception {
    String url = TestDatabases.freshServerDatabase(TestDatabases.mariadbUrl()); // root, who has no password here
    Launcher reflexDb = withOtherCredentials("dbuser").env("REFLEX_DB_URL", url);

    Launcher.Result update = reflexDb.run("update");
    Launcher.Result check = reflexDb.run("check");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(check.exitCode()).as("%s", check).isZero();
    assertThat(Databases.appliedChangesets(url)).hasSize(1);
    assertThat(update.errLines()).filteredOn(line -> line.contains("warning")).singleElement().asString()
        .contains("username in liquibase.properties (dbuser)", "password in liquibase.properties (***)",
            "LIQUIBASE_COMMAND_PASSWORD (***)", "REFLEX_DB_URL (mariadb://root@127.0.0.1:3306/");
    assertThat(update.all() + check.all()).doesNotContain(CANARY);
  }

  @Test
  void aUrlWithoutAUserLogsInAsTheDriversDefaultUserAsTheApplicationDoes() throws Exception {
    String admin = TestDatabases.postgresUrl();
    String osUser = System.getProperty("user.name");
    assumeTrue(roleExists(admin, osUser), "pgjdbc's default user is the OS user " + osUser + ", which has no role on"
        + " the test server here: create one (create role \"" + osUser + "\" login superuser) to run this test");
    String fresh = TestDatabases.freshServerDatabase(admin);
    String url = fresh.replaceFirst("://[^@/]+@", "://"); // no user: pgjdbc takes the OS user's name
    String role = "reflex_dbuser_" + TestDatabases.suffix();
    execute(admin, "create role " + role + " login");
    try {
      Launcher reflexDb = withOtherCredentials(role).env("REFLEX_DB_URL", url).env("LIQUIBASE_COMMAND_USERNAME", role);

      Launcher.Result update = reflexDb.run("update");
      Launcher.Result check = reflexDb.run("check");

      assertThat(update.exitCode()).as("%s", update).isZero();
      assertThat(check.exitCode()).as("%s", check).isZero();
      assertThat(tableOwner(fresh, "databasechangelog")).isEqualTo(osUser);
      assertThat(update.errLines()).filteredOn(line -> line.contains("warning")).singleElement().asString()
          .contains("LIQUIBASE_COMMAND_USERNAME (" + role + ")", "username in liquibase.properties (" + role + ")");
      assertThat(update.all() + check.all()).doesNotContain(CANARY);
    } finally {
      execute(fresh, "reassign owned by " + role + " to current_user", "drop owned by " + role);
      execute(admin, "drop role if exists " + role);
    }
  }

  @Test
  void anExplicitPasswordOnTheCommandLineStillWins() throws Exception {
    String url = TestDatabases.freshServerDatabase(TestDatabases.mariadbUrl());
    Launcher reflexDb = withOtherCredentials("dbuser").env("REFLEX_DB_URL", url);

    Launcher.Result update = reflexDb.run("update", "--password=" + CANARY);

    assertThat(update.exitCode()).as("%s", update).isNotZero();
    assertThat(update.err()).contains("Access denied for user 'root'", "using password: YES");
    assertThat(update.all()).doesNotContain(CANARY);
  }

  /** A project whose liquibase.properties and environment name a user and password for another database. */
  private Launcher withOtherCredentials(String user) throws Exception {
    Launcher reflexDb = new Launcher(project);
    assertThat(reflexDb.run("init").exitCode()).isZero();
    Files.writeString(project.resolve("liquibase.properties"), "liquibase.command.username: " + user
        + "\nliquibase.command.password: " + CANARY + "\n", StandardOpenOption.APPEND);
    return reflexDb.env("LIQUIBASE_COMMAND_PASSWORD", CANARY + "-env");
  }

  private static boolean roleExists(String url, String role) throws SQLException {
    try (Connection connection = TestDatabases.connect(url);
        PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
      query.setString(1, role);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static String tableOwner(String url, String table) throws SQLException {
    try (Connection connection = TestDatabases.connect(url);
        PreparedStatement query = connection.prepareStatement("select tableowner from pg_tables where tablename = ?")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
