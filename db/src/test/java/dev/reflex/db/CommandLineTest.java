package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, and which database and changelog win when several are named. */
class CommandLineTest {
  @TempDir
  Path project;

  @Test
  void helpShowsOurCommandsFirstOnOneScreen() {
    Launcher.Result help = new Launcher(project).run("--help");

    assertThat(help.exitCode()).as("%s", help).isZero();
    assertThat(help.out()).startsWith("Usage: reflex-db ")
        .contains("init", "check", "REFLEX_DB_URL", "update", "rollback-count", "diff-changelog", "--help-all")
        .doesNotContain("Usage: liquibase");
    assertThat(help.out().lines()).hasSizeLessThanOrEqualTo(40).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
  }

  @Test
  void helpNamesTheDatabaseSourcesInTheOrderTheyWin() throws Exception {
    Launcher.Result help = new Launcher(project).run("--help");
    String text = help.out().replaceAll("\\s+", " ");
    assertThat(text).containsSubsequence("--url", "system property reflex.db.url", "REFLEX_DB_URL",
        "sqlite:///reflex.db");

    // as it says: the system property wins over REFLEX_DB_URL
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("from-env.db"))
        .env("REFLEX_DB_JAVA_OPTS", "-Dreflex.db.url=sqlite:///" + project.resolve("from-property.db"));
    assertThat(reflexDb.run("init").exitCode()).isZero();
    Launcher.Result update = reflexDb.run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(project.resolve("from-property.db")).isNotEmptyFile();
    assertThat(project.resolve("from-env.db")).doesNotExist();
  }

  @Test
  void statusNamesADatabaseWithoutAUserByItsUrl() {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("reflex.db"));
    assertThat(reflexDb.run("init").exitCode()).isZero();

    Launcher.Result status = reflexDb.run("status");

    assertThat(status.exitCode()).as("%s", status).isZero();
    assertThat(status.out()).contains("has not been applied to jdbc:sqlite:").doesNotContain("null@");
  }

  @Test
  void liquibasesFullHelpIsOneOptionAway() {
    for (String[] line : new String[][] {{"--help-all"}, {"help", "liquibase"}}) {
      Launcher.Result all = new Launcher(project).run(line);

      assertThat(all.exitCode()).as("%s", all).isZero();
      assertThat(all.out()).contains("Usage: liquibase", "rollback-to-date", "--changelog-lock-wait-time-in-minutes");
    }
  }

  @Test
  void commandHelpNeedsNeitherChangelogNorDatabase() {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "nosuch://nowhere");
    for (String[] line : new String[][] {{"update", "--help"}, {"help", "update"}, {"status", "-h"}}) {
      Launcher.Result help = reflexDb.run(line);

      assertThat(help.exitCode()).as("%s", help).isZero();
      assertThat(help.out()).contains("Usage: reflex-db " + line[line[0].equals("help") ? 1 : 0], "--changelog-file");
      // reflex-db supplies both: its help names where they come from and marks neither required
      assertThat(help.out()).contains("REFLEX_DB_URL", "--url and --changelog-file are optional")
          .doesNotContain("Usage: liquibase");
      assertThat(help.out().lines().filter(text -> text.contains("--url=") || text.contains("--changelog-file=")))
          .isNotEmpty().noneMatch(text -> text.contains("[REQUIRED]"));
    }
    Launcher.Result init = reflexDb.run("help", "init");
    assertThat(init.exitCode()).as("%s", init).isZero();
    assertThat(init.out()).contains("Usage: reflex-db init", "--force");
    Launcher.Result unknown = reflexDb.run("help", "frobnicate");
    assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown command frobnicate", "reflex-db --help");
    assertThat(unknown.out()).isEmpty();
    assertThat(project.resolve("db")).doesNotExist();
  }

  /**
   * reflex-db shows Liquibase's command line only the command it runs (CommandFocus): its help is still Liquibase's,
   * word for word, but for what reflex-db says of it (Help.forReflexDb: where the URL and changelog come from, its own
   * name in the usage line, --url and --changelog-file optional).
   */
  @Test
  void aCommandsHelpIsLiquibasesOwnWordForWord() {
    for (String command : new String[] {"status", "update-sql", "rollback-count", "diff-changelog", "releaseLocks"}) {
      Launcher.Result ours = new Launcher(project).run(command, "--help");
      Launcher.Result stock = new Launcher(project).runStockLiquibase("--show-banner=false", command, "--help");

      assertThat(ours.exitCode()).as("%s", ours).isZero();
      assertThat(stock.out()).contains("Usage: liquibase " + command);
      assertThat(ours.out().stripTrailing()).as(command)
          .isEqualTo(Help.forReflexDb(stock.out()).stripTrailing()).contains("Usage: reflex-db " + command);
    }
  }

  @Test
  void generateChangelogAfterInitSaysToNameANewFile() {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");

    Launcher.Result generate = reflexDb.run("generate-changelog");

    assertThat(generate.exitCode()).as("%s", generate).isEqualTo(1);
    assertThat(generate.err()).contains("already exists", "--changelog-file=", "before `reflex-db init`")
        .doesNotContain("fix the changelog");
  }

  @Test
  void versionShowsOursAndLiquibases() {
    Launcher.Result version = new Launcher(project).run("--version");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).contains("reflex-db 0.", "Liquibase 4.33");
  }

  @Test
  void strayLiquibaseCommandUrlIsIgnoredWithOneWarning() throws Exception {
    Launcher reflexDb = new Launcher(project).env("LIQUIBASE_COMMAND_URL", "jdbc:sqlite:other.db?password=stray");
    reflexDb.run("init");

    Launcher.Result update = reflexDb.run("update");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(update.errLines()).filteredOn(line -> line.contains("warning")).singleElement().asString()
        .contains("LIQUIBASE_COMMAND_URL", "other.db", "sqlite:///reflex.db").doesNotContain("stray");
    assertThat(Databases.appliedChangesets("sqlite:///" + project.resolve("reflex.db"))).hasSize(1);
    assertThat(project.resolve("other.db")).doesNotExist();
  }

  @Test
  void urlInLiquibasePropertiesIsIgnoredWithOneWarning() throws Exception {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");
    Files.writeString(project.resolve("liquibase.properties"), "url=jdbc:sqlite:props.db?password=props-secret\n", StandardOpenOption.APPEND);

    Launcher.Result update = reflexDb.run("update");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(update.errLines()).filteredOn(line -> line.contains("warning")).singleElement().asString()
        .contains("liquibase.properties", "props.db", "sqlite:///reflex.db");
    assertThat(update.all()).doesNotContain("props-secret");
    assertThat(project.resolve("props.db")).doesNotExist();
  }

  @Test
  void defaultChangelogIsUsedWithoutLiquibaseProperties() throws Exception {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");
    Files.delete(project.resolve("liquibase.properties"));

    Launcher.Result update = reflexDb.run("update");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(Databases.appliedChangesets("sqlite:///" + project.resolve("reflex.db")))
        .containsExactly("db/changelog/db.changelog-master.yaml::1-create-example");
  }

  @Test
  void explicitUrlWinsOverReflexDbUrl() throws Exception {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///ignored.db");
    reflexDb.run("init");

    Launcher.Result update = reflexDb.run("update", "--url=jdbc:sqlite:chosen.db");

    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(Databases.appliedChangesets("sqlite:///" + project.resolve("chosen.db"))).hasSize(1);
    assertThat(project.resolve("ignored.db")).doesNotExist();
  }

  @Test
  void changelogSpelledDifferentlyDoesNotRunChangesetsTwice() throws Exception {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");
    assertThat(reflexDb.run("update").exitCode()).isZero();

    Path absolute = project.resolve("db/changelog/db.changelog-master.yaml").toAbsolutePath();
    Launcher.Result again = reflexDb.run("update", "--changelog-file=" + absolute);

    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(Databases.appliedChangesets("sqlite:///" + project.resolve("reflex.db")))
        .containsExactly("db/changelog/db.changelog-master.yaml::1-create-example");
  }

  @Test
  void initFilesWorkWithTheStockLiquibaseCommandLine() throws Exception {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");

    Launcher.Result stock = new Launcher(project).env("LIQUIBASE_COMMAND_URL", "jdbc:sqlite:stock.db")
        .runStockLiquibase("update");
    Launcher.Result check = reflexDb.run("check", "--url=sqlite:///stock.db");

    assertThat(project.resolve("liquibase.properties")).content()
        .contains("changelogFile=db/changelog/db.changelog-master.yaml", "liquibase.analytics.enabled=false")
        .doesNotContainPattern("(?m)^(url|username|password)=");
    assertThat(stock.exitCode()).as("%s", stock).isZero();
    assertThat(Databases.appliedChangesets("sqlite:///" + project.resolve("stock.db")))
        .containsExactly("db/changelog/db.changelog-master.yaml::1-create-example");
    assertThat(check.exitCode()).as("reflex-db sees the stock CLI's changesets as applied: %s", check).isZero();
  }
}
