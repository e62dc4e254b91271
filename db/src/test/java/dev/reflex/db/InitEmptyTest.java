package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init --empty}: a project whose first changeset autogenerate writes gets a changelog without the example,
 * so that no revision ever lists the example's table as one to drop.
 */
class InitEmptyTest {
  @TempDir
  Path project;

  @Test
  void anEmptyChangelogTakesTheFirstRevisionAndUpdatesToTheEntities() throws Exception {
    String url = "sqlite:///" + project.resolve("app.db");
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
    Path classes = ApplicationClasses.compile(project.resolve("app"), Map.of("zoo/Keeper.java", """
        package zoo;
        @jakarta.persistence.Entity
        public class Keeper {
          @jakarta.persistence.Id private Long id;
          private String name;
        }
        """));

    Launcher.Result init = reflexDb.run("init", "--empty");
    Launcher.Result revision = reflexDb.run("revision", "--autogenerate", "-m", "first", "--classpath",
        classes.toString(), "--entities", "zoo", "--allow-drops");
    Launcher.Result update = reflexDb.run("update");

    assertThat(init.exitCode()).as("%s", init).isZero();
    assertThat(init.out()).contains("Next: reflex-db revision --autogenerate");
    assertThat(revision.exitCode()).as("%s", revision).isZero();
    assertThat(revision.out()).containsIgnoringCase("Table keeper created").doesNotContain("drop");
    assertThat(Files.readString(project.resolve("db/changelog/db.changelog-master.yaml")))
        .doesNotContain("example").contains("include");
    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(Databases.hasTable(url, "keeper")).isTrue();
    assertThat(Databases.appliedChangesets(url)).hasSize(1);
    assertThat(Revisions.changeFiles(project)).hasSize(1);
  }
}
