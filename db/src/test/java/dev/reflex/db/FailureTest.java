package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure is one line, {@code reflex-db: what is wrong; what to do}, with a non-zero exit and no
 * stack trace; a canary password in the URL is printed nowhere, Liquibase's own output included.
 */
class FailureTest {
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir
  Path project;

  @Test
  void initRefusesToOverwriteWithoutForce() {
    Launcher reflexDb = new Launcher(project);
    assertThat(reflexDb.run("init").exitCode()).isZero();

    Launcher.Result again = reflexDb.run("init");

    assertOneLineFailure(again);
    assertThat(again.err()).contains("already exist", "--force");
  }

  @Test
  void missingChangelogSaysToRunInit() {
    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db?password=" + CANARY)
        .run("update");

    assertOneLineFailure(update);
    assertThat(update.err()).contains("no changelog", "reflex-db init");
  }

  @Test
  void invalidChangelogNamesTheFile() throws Exception {
    Path changelog = project.resolve("db/changelog/db.changelog-master.yaml");
    Files.createDirectories(changelog.getParent());
    Files.writeString(changelog, "databaseChangeLog:\n  - changeSet:\n      id: [unclosed\n");

    Launcher.Result update = new Launcher(project).run("update");

    assertOneLineFailure(update);
    assertThat(update.err()).contains("db/changelog/db.changelog-master.yaml", "fix the changelog");
  }

  @Test
  void unknownCommandIsAUsageErrorThatPointsToHelp() {
    Launcher.Result result = new Launcher(project).run("frobnicate");

    assertOneLineFailure(result);
    assertThat(result.exitCode()).as("a usage error").isEqualTo(2);
    assertThat(result.err()).contains("frobnicate", "reflex-db --help");
  }

  @Test
  void invalidUrlIsReportedByTheLibrarysParserMasked() {
    Launcher.Result status = new Launcher(project)
        .env("REFLEX_DB_URL", "postgresql://app:" + CANARY + "@db:notaport/app").run("status");

    assertOneLineFailure(status);
    assertThat(status.err()).contains("postgresql://app:***@db:notaport/app", "port");
  }

  @Test
  void explicitUrlInTheLibrarysFormIsTurnedIntoJdbc() {
    new Launcher(project).run("init");

    Launcher.Result update = new Launcher(project).run("update", "--url=sqlite:///chosen.db");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(project.resolve("chosen.db")).exists();
  }

  @Test
  void noArgumentsIsAUsageError() {
    Launcher.Result none = new Launcher(project).run();

    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.out()).contains("reflex-db commands:");
  }

  @Test
  void unreachableDatabaseIsReportedWithTheUrlMasked() {
    new Launcher(project).run("init");

    Launcher.Result update = new Launcher(project)
        .env("REFLEX_DB_URL", "postgresql://app:" + CANARY + "@127.0.0.1:1/app").run("update");

    assertOneLineFailure(update);
    assertThat(update.err()).contains("postgresql://app:***@127.0.0.1:1/app", "server is running");
  }

  @Test
  void verboseShowsTheStackTraceStillMasked() {
    new Launcher(project).run("init");

    Launcher.Result update = new Launcher(project)
        .env("REFLEX_DB_URL", "postgresql://app:" + CANARY + "@127.0.0.1:1/app").run("--verbose", "update");

    assertThat(update.exitCode()).isNotZero();
    assertThat(update.err()).contains("\tat ", "Connection refused");
    assertThat(update.errLines().get(update.errLines().size() - 1)).startsWith("reflex-db: ");
    assertThat(update.all()).doesNotContain(CANARY);
  }

  private static void assertOneLineFailure(Launcher.Result result) {
    OneLineFailure.check(result, CANARY);
  }
}
