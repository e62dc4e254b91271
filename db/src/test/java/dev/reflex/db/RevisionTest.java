package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code reflex-db revision --autogenerate} through the real launcher: from an empty database to the clinic
 * model, then one field, one entity and one index added; each changeset holds exactly the expected change types,
 * {@code update} applies it, Hibernate's own validation passes, and the round trip ends in "no changes". Stock
 * Liquibase 4.33 accepts the files, and the changesets roll back.
 */
@Execution(ExecutionMode.CONCURRENT)
class RevisionTest {
  private static final String CLINIC = "dev.reflex.db.clinic.";

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "H2", "POSTGRESQL", "MARIADB"})
  void autogenerateFollowsTheEntitiesToNoChanges(TestDatabase database, @TempDir Path project) {
    String url = database == TestDatabase.SQLITE_FILE ? "sqlite:///" + project.resolve("app.db") : database.freshUrl();
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
    assertThat(reflexDb.run("init").exitCode()).isZero();
    update(reflexDb);

    Launcher.Result first = autogenerate(reflexDb, "v1", "clinic model");
    assertThat(first.out()).contains("createTable: Table ", "createIndex: Index ", "Wrote db/changelog/changes/");
    List<Path> files = Revisions.changeFiles(project);
    assertThat(files).singleElement().asString().endsWith("-clinic-model.yaml");
    assertThat(Revisions.changeTypes(files.get(0))).contains("createTable", "createIndex")
        .allMatch(type -> List.of("createTable", "createIndex", "addUniqueConstraint", "addForeignKeyConstraint")
            .contains(type));
    update(reflexDb);
    Revisions.hibernateValidates(url, CLINIC + "v1");

    step(reflexDb, project, url, "v2", "add pet birth date", List.of("addColumn"));
    step(reflexDb, project, url, "v3", "add rooms", List.of("createTable"));
    step(reflexDb, project, url, "v4", "index visit dates", List.of("createIndex"));
    // the example table of init maps to no entity: it is left alone, and the output says so
    Launcher.Result again = autogenerate(reflexDb, "v4", "nothing new");
    assertThat(again.out()).contains("no changes", "left out")
        .containsIgnoringCase("dropTable: Table example dropped")
        .doesNotContain("Wrote");
    assertThat(Revisions.changeFiles(project)).hasSize(4);

    Launcher.Result validate = Revisions.stockLiquibase(project, url, "validate");
    assertThat(validate.exitCode()).as("%s", validate).isZero();
    Launcher.Result rollback = reflexDb.run("rollback-count", "--count", "3");
    assertThat(rollback.exitCode()).as("%s", rollback).isZero();
    Revisions.hibernateValidates(url, CLINIC + "v1");
    if (database == TestDatabase.SQLITE_FILE) {
      // Liquibase renders an addColumn on SQLite only against the live table, never as SQL output ("AddColumnStatement
      // requires access to up to date database metadata"): there, the rolled back changesets are applied again
      update(reflexDb);
      Revisions.hibernateValidates(url, CLINIC + "v4");
      return;
    }
    Launcher.Result updateSql = Revisions.stockLiquibase(project, url, "update-sql");
    assertThat(updateSql.exitCode()).as("%s", updateSql).isZero();
    assertThat(updateSql.out()).containsIgnoringCase("birth_date").containsIgnoringCase("rooms")
        .containsIgnoringCase("ix_visits_date");
  }

  private static void step(Launcher reflexDb, Path project, String url, String version, String message,
      List<String> expected) {
    Launcher.Result result = autogenerate(reflexDb, version, message);
    List<Path> files = Revisions.changeFiles(project);
    assertThat(files.get(files.size() - 1).getFileName().toString()).endsWith(message.replace(' ', '-') + ".yaml");
    assertThat(Revisions.changeTypes(files.get(files.size() - 1))).as("%s", result).isEqualTo(expected);
    update(reflexDb);
    Revisions.hibernateValidates(url, CLINIC + version);
  }

  private static Launcher.Result autogenerate(Launcher reflexDb, String version, String message) {
    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", message, "--classpath",
        Revisions.TEST_CLASSES.toString(), "--entities", CLINIC + version);
    assertThat(result.exitCode()).as("%s", result).isZero();
    // a killed run's leftover that this run removed is named on a line of its own; nothing else is printed there
    assertThat(result.errLines()).as("%s", result)
        .allMatch(line -> line.startsWith("reflex-db: warning: removed the scratch database "));
    return result;
  }

  private static void update(Launcher reflexDb) {
    Launcher.Result update = reflexDb.run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
  }
}
