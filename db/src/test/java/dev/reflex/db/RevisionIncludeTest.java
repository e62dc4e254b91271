package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A master changelog emptied by hand, as a new project does with the example changeset of {@code init}: the
 * include that {@code revision} adds must leave it a changelog Liquibase reads.
 */
class RevisionIncludeTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"databaseChangeLog:", "databaseChangeLog: []", "databaseChangeLog: [ ]   # none yet"})
  void theIncludeOfARevisionKeepsAnEmptiedMasterValid(String emptied, @TempDir Path project) throws Exception {
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db");
    assertThat(reflexDb.run("init").exitCode()).isZero();
    Path master = project.resolve(Changelog.DEFAULT_PATH);
    String text = Files.readString(master);
    Files.writeString(master, text.substring(0, text.indexOf("databaseChangeLog:")) + emptied + "\n");

    Launcher.Result revision = reflexDb.run("revision", "-m", "first");
    assertThat(revision.exitCode()).as("%s", revision).isZero();
    Launcher.Result update = reflexDb.run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
    List<String> applied = Databases.appliedChangesets("sqlite:///" + project.resolve("app.db"));
    assertThat(applied).singleElement().asString().endsWith("-first");
  }
}
