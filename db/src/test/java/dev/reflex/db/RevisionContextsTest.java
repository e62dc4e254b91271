package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database updated with Liquibase contexts: revision counts as pending only the changesets those contexts run,
 * as update and check do, with the contexts given before the command or after it.
 */
class RevisionContextsTest {
  private static final String CHANGELOG = """
      databaseChangeLog:
        - changeSet:
            id: 1
            author: app
            changes:
              - createTable:
                  tableName: owner
                  columns:
                    - column: {name: id, type: bigint, constraints: {primaryKey: true, nullable: false}}
                    - column: {name: name, type: varchar(255)}
        - changeSet:
            id: 2-test-rows
            author: app
            context: test
            changes:
              - insert:
                  tableName: owner
                  columns:
                    - column: {name: id, valueNumeric: 1}
                    - column: {name: name, value: fixture}
      """;

  @TempDir
  Path project;

  @Test
  void aChangesetOfAnotherContextIsNotPending() throws Exception {
    Files.createDirectories(project.resolve("db/changelog"));
    Files.writeString(project.resolve("db/changelog/db.changelog-master.yaml"), CHANGELOG);
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("app.db"));
    assertThat(reflexDb.run("--contexts=prod", "update").exitCode()).isZero();
    Path classes = ApplicationClasses.compile(project.resolve("app"), Map.of("zoo/Owner.java", """
        package zoo;
        @jakarta.persistence.Entity @jakarta.persistence.Table(name = "owner")
        public class Owner {
          @jakarta.persistence.Id private Long id;
          private String name;
        }
        """));

    for (String[] line : new String[][] {
        {"--contexts=prod", "revision", "--autogenerate", "-m", "owners", "--classpath", classes.toString(),
            "--entities", "zoo"},
        {"revision", "--autogenerate", "-m", "owners", "--contexts=prod", "--classpath", classes.toString(),
            "--entities", "zoo"}}) {
      Launcher.Result revision = reflexDb.run(line);

      assertThat(revision.exitCode()).as("%s", revision).isZero();
      assertThat(revision.all()).doesNotContain("not yet run", "unknown option");
    }
    // without the contexts, the test rows are pending, as update would run them
    Launcher.Result all = reflexDb.run("revision", "--autogenerate", "-m", "owners", "--classpath",
        classes.toString(), "--entities", "zoo");
    assertThat(all.exitCode()).as("%s", all).isEqualTo(1);
    assertThat(all.err()).contains("1 changeset of", "(first 2-test-rows) not yet run");
  }
}
