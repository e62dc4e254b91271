package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A canary password, in every form a URL can carry it, is printed nowhere: not in the one line of a failure, not in
 * Liquibase's own output at full logging, not in the log file Liquibase writes.
 */
class PasswordFailureTest {
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir
  Path project;

  @Test
  void wrongPasswordIsRefusedWithoutShowingIt() {
    new Launcher(project).run("init");
    String url = TestDatabases.mariadbUrl().replaceFirst("://([^:@/]+)@", "://$1:" + CANARY + "@");

    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url).run("update");
    Launcher.Result check = new Launcher(project).env("REFLEX_DB_URL", url).run("check");

    assertOneLineFailure(update);
    assertThat(update.err()).contains("Access denied", "check the user name and password");
    assertOneLineFailure(check);
  }

  @Test
  void passwordInJdbcUrlIsMaskedEvenWithFullLogging() {
    new Launcher(project).run("init");
    String url = Databases.jdbcForm(TestDatabases.mariadbUrl()) + "&password=" + CANARY;

    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url).run("--log-level=fine", "update");

    assertThat(update.exitCode()).isNotZero();
    assertThat(update.all()).doesNotContain(CANARY).contains("Access denied");
  }

  @Test
  void theLogFileLiquibaseWritesHoldsNoPassword() throws Exception {
    new Launcher(project).run("init");
    String fresh = TestDatabases.freshServerDatabase(TestDatabases.postgresUrl());
    String url = fresh.replaceFirst("://([^:@/]+)@", "://$1:" + CANARY + "@"); // trust auth takes any password
    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url)
        .run("--log-level=fine", "--log-file=twelve-factor.log", "update");
    Launcher.Result status = new Launcher(project).env("REFLEX_DB_URL", Databases.jdbcForm(url))
        .run("--log-level=fine", "--log-file=jdbc-form.log", "status");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(status.exitCode()).as("%s", status).isZero();
    for (String file : new String[] {"twelve-factor.log", "jdbc-form.log"}) {
      assertThat(Files.readString(project.resolve(file))).as(file).contains("postgresql").doesNotContain(CANARY);
    }
    assertThat(update.all() + status.all()).doesNotContain(CANARY);
  }

  @Test
  void aPasswordThatIsAlsoAWordIsMaskedOnlyWhereItStandsAsOne() throws Exception {
    new Launcher(project).run("init");
    String fresh = TestDatabases.freshServerDatabase(TestDatabases.postgresUrl());
    String url = fresh.replaceFirst("://([^:@/]+)@", "://$1:postgres@"); // trust auth takes any password

    Launcher.Result status = new Launcher(project).env("REFLEX_DB_URL", url).run("status");
    Launcher.Result refused = new Launcher(project).env("REFLEX_DB_URL", "postgresql://app:e@127.0.0.1:1/app")
        .run("update");

    assertThat(status.exitCode()).as("%s", status).isZero();
    assertThat(status.out()).contains("postgres@jdbc:postgresql://127.0.0.1:5432/");
    assertOneLineFailure(refused);
    assertThat(refused.errLines().get(0)).startsWith("reflex-db: Connection could not be created")
        .contains("postgresql://app:***@127.0.0.1:1/app (from REFLEX_DB_URL)");
  }

  @Test
  void aFailingReferenceDatabaseIsTheOneTheAdviceNames() {
    new Launcher(project).run("init");

    Launcher.Result diff = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db")
        .run("diff", "--reference-url=jdbc:postgresql://127.0.0.1:1/ref?password=" + CANARY);

    assertOneLineFailure(diff);
    assertThat(diff.errLines().get(0)).contains("jdbc:postgresql://127.0.0.1:1/ref", "(from --reference-url)")
        .doesNotContain("REFLEX_DB_URL");
  }

  /** Values that are not well-formed URLs, and JDBC URLs with credentials of their own; {@code <pw>} is the canary. */
  @ParameterizedTest
  @ValueSource(strings = {"app:<pw>@db:5432/app", "postgresql//app:<pw>@db/app", "postgresql://app:<pw>",
      "jdbc:oracle:thin:app/<pw>@db:1521/xe", "jdbc:postgresql://app:<pw>@127.0.0.1:1/db",
      "jdbc:h2:mem:x;PASSWORD=<pw>;IFEXISTS=TRUE"})
  void aPasswordInAnyFormOfUrlIsShownNowhere(String form) throws Exception {
    String url = form.replace("<pw>", CANARY);
    new Launcher(project).run("init");

    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url).run("update");
    Launcher.Result stray = new Launcher(project).env("LIQUIBASE_COMMAND_URL", url)
        .env("REFLEX_DB_URL", "sqlite:///app.db").run("update");

    assertOneLineFailure(update);
    assertThat(update.err()).contains("***");
    assertThat(stray.exitCode()).as("%s", stray).isZero();
    assertThat(stray.errLines()).filteredOn(line -> line.contains("warning")).singleElement().asString()
        .contains("LIQUIBASE_COMMAND_URL (", "***");
    assertThat(stray.all()).doesNotContain(CANARY);
  }

  private static void assertOneLineFailure(Launcher.Result result) {
    OneLineFailure.check(result, CANARY);
  }
}
