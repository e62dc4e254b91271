package dev.reflex.db;

import static dev.reflex.db.RevisionCommandTest.CANARY;
import static dev.reflex.db.RevisionCommandTest.assertOneLineFailure;
import static dev.reflex.db.RevisionCommandTest.autogenerate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflex-db revision --autogenerate} and its scratch database: refused in one line where it cannot be
 * created, served by {@code --scratch-url}, and never left behind, checked in the server afterwards.
 */
class RevisionScratchTest {
  private static String postgres;

  @TempDir
  Path project;

  @BeforeAll
  static void database() {
    postgres = TestDatabase.POSTGRESQL.freshUrl();
  }

  @Test
  void packageWithoutEntitiesAndRejectedEntitiesLeaveNoScratchDatabase() throws Exception {
    List<String> before = scratchDatabases(postgres);
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", postgres);
    reflexDb.run("init");
    assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.notentities"),
        "package dev.reflex.db.notentities has no @Entity");
    assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.clinic.broken"), "Hibernate rejects the entities",
        "Broken");
    assertThat(scratchDatabases(postgres)).isSubsetOf(before);
    assertThat(Revisions.changeFiles(project)).isEmpty();
  }

  @Test
  void scratchDatabaseThatCannotBeCreatedIsOneLineWithoutThePassword() throws Exception {
    List<String> before = scratchDatabases(postgres);
    String role = "reflex_noscratch_" + TestDatabases.suffix();
    try (Connection admin = TestDatabases.connect(postgres); Statement statement = admin.createStatement()) {
      statement.execute("create role " + role + " login password '" + CANARY + "'");
    }
    try {
      String url = postgres.replace("postgres@", role + ":" + CANARY + "@");
      Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
      reflexDb.run("init");
      Launcher.Result result = autogenerate(reflexDb, "dev.reflex.db.clinic.v1");
      assertOneLineFailure(result, "cannot create the scratch database", "grant CREATEDB", "--scratch-url");
      assertThat(scratchDatabases(postgres)).isSubsetOf(before);
    } finally {
      try (Connection admin = TestDatabases.connect(postgres); Statement statement = admin.createStatement()) {
        statement.execute("drop role " + role);
      }
    }
  }

  @Test
  void scratchUrlServesAUserWhoCannotCreateDatabasesAndIsEmptiedAgain() throws Exception {
    String admin = TestDatabases.mariadbUrl();
    String live = TestDatabase.MARIADB.freshUrl();
    String scratch = TestDatabase.MARIADB.freshUrl();
    String user = "reflex_noscratch_" + TestDatabases.suffix();
    try (Connection connection = TestDatabases.connect(admin); Statement statement = connection.createStatement()) {
      for (String host : List.of("%", "localhost")) {
        statement.execute("create user '" + user + "'@'" + host + "' identified by '" + CANARY + "'");
        for (String database : List.of(live, scratch)) {
          statement.execute("grant all on " + name(database) + ".* to '" + user + "'@'" + host + "'");
        }
      }
    }
    try {
      Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", asUser(live, user));
      reflexDb.run("init");
      assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.clinic.v1"),
          "cannot create the scratch database", "--scratch-url");
      reflexDb.run("update");

      Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", "clinic", "--classpath",
          Revisions.TEST_CLASSES.toString(), "--entities", "dev.reflex.db.clinic.v1", "--scratch-url",
          asUser(scratch, user));
      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.out()).contains("createTable: Table pets created");
      assertThat(result.all()).doesNotContain(CANARY);
      assertThat(Databases.hasTable(scratch, "pets")).isFalse();
      assertThat(Databases.hasTable(scratch, "owners")).isFalse();
    } finally {
      try (Connection connection = TestDatabases.connect(admin); Statement statement = connection.createStatement()) {
        statement.execute("drop user if exists '" + user + "'@'%', '" + user + "'@'localhost'");
      }
    }
  }

  @Test
  void scratchUrlHoldingOnlyAPartitionedTableIsRefusedAndKeepsItsRows() throws Exception {
    String scratch = TestDatabase.POSTGRESQL.freshUrl();
    try (Connection connection = TestDatabases.connect(scratch); Statement statement = connection.createStatement()) {
      statement.execute("create schema parts");
      statement.execute("create table public.events (id integer, at date) partition by range (at)");
      statement.execute("create table parts.events_2026 partition of public.events"
          + " for values from ('2026-01-01') to ('2027-01-01')");
      statement.execute("insert into public.events select i, date '2026-06-01' from generate_series(1, 10) i");
    }
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", TestDatabase.POSTGRESQL.freshUrl());
    reflexDb.run("init");
    reflexDb.run("update");

    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", "clinic", "--classpath",
        Revisions.TEST_CLASSES.toString(), "--entities", "dev.reflex.db.clinic.v1", "--scratch-url", scratch);

    assertOneLineFailure(result, "is not empty", "events", "--scratch-url");
    try (Connection connection = TestDatabases.connect(scratch); Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("select count(*) from parts.events_2026")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(10);
    }
  }

  private static String name(String url) {
    String path = url.substring(url.lastIndexOf('/') + 1);
    return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
  }

  private static String asUser(String url, String user) {
    return url.replaceFirst("://[^@/]*@", "://" + user + ":" + CANARY + "@");
  }

  /** @return the databases on the server that carry reflex-db's scratch mark (another run's may come and go) */
  private static List<String> scratchDatabases(String url) throws SQLException {
    List<String> databases = new ArrayList<>();
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select datname from pg_database"
            + " where shobj_description(oid, 'pg_database') like 'reflex-db scratch %'")) {
      while (rows.next()) {
        databases.add(rows.getString(1));
      }
    }
    return databases;
  }
}
