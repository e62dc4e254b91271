package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Files;
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
 * {@code reflex-db revision} refusing: one line, exit 1, no password printed, and no scratch schema or database
 * left behind, checked in the server afterwards.
 */
class RevisionFailureTest {
  private static final String CANARY = "canary-Pw-7731";
  private static String postgres;

  @TempDir
  Path project;

  @BeforeAll
  static void database() {
    postgres = TestDatabase.POSTGRESQL.freshUrl();
  }

  @Test
  void revisionWithoutAMasterChangelogNamesInit() {
    Launcher.Result result = new Launcher(project).run("revision", "-m", "first");
    assertOneLineFailure(result, "no master changelog", "reflex-db init");
  }

  @Test
  void plainRevisionWritesAnEmptyChangesetThatUpdateRecords() throws Exception {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db");
    reflexDb.run("init");
    Launcher.Result result = reflexDb.run("revision", "-m", "Add pet birth date!");
    assertThat(result.exitCode()).as("%s", result).isZero();
    List<Path> files = Revisions.changeFiles(project);
    assertThat(files).singleElement().asString().matches(".*/changes/\\d{14}-add-pet-birth-date\\.yaml");
    assertThat(result.out()).contains("Wrote db/changelog/changes/" + files.get(0).getFileName());
    assertThat(Revisions.changeTypes(files.get(0))).isEmpty();
    assertThat(Files.readString(project.resolve(Changelog.DEFAULT_PATH)))
        .contains("file: changes/" + files.get(0).getFileName());
    Launcher.Result update = reflexDb.run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(Databases.appliedChangesets("sqlite:///" + project.resolve("app.db")))
        .anyMatch(applied -> applied.endsWith("-add-pet-birth-date"));
  }

  @Test
  void missingClasspathIsOneLine() {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", postgres);
    reflexDb.run("init");
    assertOneLineFailure(reflexDb.run("revision", "--autogenerate", "-m", "x", "--entities", "app.model"),
        "no --classpath and no target/classes", "--classpath");
    assertOneLineFailure(reflexDb.run("revision", "--autogenerate", "-m", "x", "--classpath", "build/nowhere"),
        "--classpath names build/nowhere, which does not exist");
    assertThat(Revisions.changeFiles(project)).isEmpty();
  }

  @Test
  void packageWithoutEntitiesAndRejectedEntitiesLeaveNoScratchSchema() throws Exception {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", postgres);
    reflexDb.run("init");
    assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.notentities"),
        "package dev.reflex.db.notentities has no @Entity");
    assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.clinic.broken"), "Hibernate rejects the entities",
        "Broken");
    assertThat(scratchSchemas(postgres)).isEmpty();
    assertThat(Revisions.changeFiles(project)).isEmpty();
  }

  @Test
  void scratchSchemaThatCannotBeCreatedIsOneLineWithoutThePassword() throws Exception {
    String role = "reflex_noscratch_" + TestDatabases.suffix();
    try (Connection admin = TestDatabases.connect(postgres); Statement statement = admin.createStatement()) {
      statement.execute("create role " + role + " login password '" + CANARY + "'");
    }
    try {
      String url = postgres.replace("postgres@", role + ":" + CANARY + "@");
      Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
      reflexDb.run("init");
      Launcher.Result result = autogenerate(reflexDb, "dev.reflex.db.clinic.v1");
      assertOneLineFailure(result, "cannot create or drop the scratch schema", "--scratch-url");
      assertThat(scratchSchemas(postgres)).isEmpty();
    } finally {
      try (Connection admin = TestDatabases.connect(postgres); Statement statement = admin.createStatement()) {
        statement.execute("drop role " + role);
      }
    }
  }

  @Test
  void unreachableDatabaseIsOneLineWithoutThePassword() {
    Launcher reflexDb = new Launcher(project)
        .env("REFLEX_DB_URL", "postgresql://app:" + CANARY + "@127.0.0.1:1/nowhere");
    reflexDb.run("init");
    assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.clinic.v1"), "cannot connect to postgresql://app:",
        "check that the database server is running");
  }

  private static Launcher.Result autogenerate(Launcher reflexDb, String packageName) {
    return reflexDb.run("revision", "--autogenerate", "-m", "x", "--classpath", Revisions.TEST_CLASSES.toString(),
        "--entities", packageName);
  }

  private static void assertOneLineFailure(Launcher.Result result, String... parts) {
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.errLines()).as("%s", result).singleElement().asString().startsWith("reflex-db: ")
        .contains(parts);
    assertThat(result.all()).doesNotContain(CANARY);
  }

  private static List<String> scratchSchemas(String url) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select nspname from pg_namespace where nspname like 'reflex_scratch%'")) {
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
    }
    return schemas;
  }
}
