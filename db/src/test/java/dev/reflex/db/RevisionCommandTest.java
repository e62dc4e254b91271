package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflex-db revision} without and with {@code --autogenerate}, and refusing: one line, exit 1, no password
 * printed. Also {@code --reference-url} of Liquibase's diff in reflex-orm's URL form. The scratch database's
 * failures are in {@link RevisionScratchTest}; declared HibernateConfigurers, which need reflex-orm-hibernate on
 * {@code --classpath}, in module-tests' RevisionConfigurerTest.
 */
class RevisionCommandTest {
  static final String CANARY = "canary-Pw-7731";
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
  void pendingChangesetsAreRefused() {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db");
    reflexDb.run("init");
    // the example changeset of init has not run: the comparison would write it again
    assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.clinic.v1"), "1 changeset of", "not yet run",
        "run `reflex-db update` first");
    assertThat(Revisions.changeFiles(project)).isEmpty();
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
  void unreachableDatabaseIsOneLineWithoutThePassword() {
    Launcher reflexDb = new Launcher(project)
        .env("REFLEX_DB_URL", "postgresql://app:" + CANARY + "@127.0.0.1:1/nowhere");
    reflexDb.run("init");
    assertOneLineFailure(autogenerate(reflexDb, "dev.reflex.db.clinic.v1"), "cannot connect to postgresql://app:",
        "check that the database server is running");
  }

  @Test
  void referenceUrlTakesReflexUrlsAndMasksTheirPassword() {
    String reference = TestDatabase.POSTGRESQL.freshUrl().replace("postgres@", "postgres:" + CANARY + "@");
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", postgres);
    Launcher.Result diff = reflexDb.run("diff", "--reference-url=" + reference);
    assertThat(diff.exitCode()).as("%s", diff).isZero();
    assertThat(diff.out()).contains("Reference Database: ");
    assertThat(diff.all()).doesNotContain(CANARY);

    Launcher.Result hibernate = reflexDb.run("diff-changelog", "--reference-url=hibernate:spring:app.model");
    assertOneLineFailure(hibernate, "no liquibase-hibernate", "revision --autogenerate");
  }

  static Launcher.Result autogenerate(Launcher reflexDb, String packageName) {
    return reflexDb.run("revision", "--autogenerate", "-m", "x", "--classpath", Revisions.TEST_CLASSES.toString(),
        "--entities", packageName);
  }

  static void assertOneLineFailure(Launcher.Result result, String... parts) {
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.errLines()).as("%s", result).singleElement().asString().startsWith("reflex-db: ")
        .contains(parts);
    assertThat(result.all()).doesNotContain(CANARY);
  }
}
