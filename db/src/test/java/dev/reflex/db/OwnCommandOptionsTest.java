package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase's options before reflex-db's own commands ({@code revision}, {@code init}, {@code check}) work as they do
 * before Liquibase's: its settings hold while the command runs, {@code --log-file} takes the command's log with every
 * password masked, and options nobody declares are still usage errors.
 */
class OwnCommandOptionsTest {
  private static final String CANARY = "canary-Log-5521";

  @TempDir
  Path project;

  @Test
  void logOptionsBeforeRevisionAndInitAreTaken() {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db");
    Launcher.Result init = reflexDb.run("--log-level=FINEST", "--log-file=init.log", "init");
    Launcher.Result revision = reflexDb.run("--log-level=FINEST", "--log-file=x.log", "revision", "-m", "first");

    assertThat(init.exitCode()).as("%s", init).isZero();
    assertThat(revision.exitCode()).as("%s", revision).isZero();
    assertThat(revision.out()).contains("Wrote db/changelog/changes/");
    assertThat(project.resolve("x.log")).exists();
  }

  @Test
  void checkLogsToTheFileWithoutThePasswordAndTakesLiquibaseSettings() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl().replaceFirst("://([^@/:]+)@", "://$1:" + CANARY + "@");
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
    assertThat(reflexDb.run("init").exitCode()).isZero();
    assertThat(reflexDb.run("update").exitCode()).isZero();

    Launcher.Result check = reflexDb.run("--log-level=FINE", "--log-file=check.log",
        "--changelog-lock-wait-time-in-minutes=1", "--contexts=dev", "check");

    assertThat(check.exitCode()).as("%s", check).isZero();
    assertThat(check.out()).contains("Up to date");
    String log = Files.readString(project.resolve("check.log"));
    assertThat(log).contains("liquibase").doesNotContain(CANARY);
    assertThat(check.out() + check.err()).doesNotContain(CANARY);
  }

  @Test
  void optionsNobodyDeclaresOrThatDoNotApplyAreStillUsageErrors() {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db");
    Launcher.Result unknown = reflexDb.run("--no-such-option=1", "revision", "-m", "x");
    Launcher.Result notRevisions = reflexDb.run("--tag=v1", "revision", "-m", "x");

    assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown option --no-such-option before revision");
    assertThat(notRevisions.exitCode()).as("%s", notRevisions).isEqualTo(2);
    assertThat(notRevisions.err()).contains("--tag does not apply to revision");
  }
}
