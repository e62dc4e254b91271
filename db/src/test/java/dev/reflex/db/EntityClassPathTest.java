package dev.reflex.db;

import static dev.reflex.db.RevisionCommandTest.assertOneLineFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity class of {@code --entities} that cannot be loaded (its interface's jar is missing from
 * {@code --classpath}) is an error naming it and what it lacks: left out, it would read as a table to drop.
 */
class EntityClassPathTest {
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
              - createTable:
                  tableName: pet
                  columns:
                    - column: {name: id, type: bigint, constraints: {primaryKey: true, nullable: false}}
                    - column: {name: name, type: varchar(255)}
      """;

  @TempDir
  Path project;

  @Test
  void anEntityWhoseInterfaceIsMissingIsAnErrorNotATableToDrop() throws Exception {
    Files.createDirectories(project.resolve("db/changelog"));
    Files.writeString(project.resolve("db/changelog/db.changelog-master.yaml"), CHANGELOG);
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("app.db"));
    assertThat(reflexDb.run("update").exitCode()).isZero();
    Path classes = ApplicationClasses.compile(project.resolve("app"), Map.of(
        "zoo/Named.java", "package zoo;\npublic interface Named { String name(); }\n",
        "zoo/Pet.java", entity("Pet", "pet", " implements Named"),
        "zoo/Owner.java", entity("Owner", "owner", "")));
    // what the application's class path lacks: the jar of Pet's interface
    Files.delete(classes.resolve("zoo/Named.class"));

    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", "pets", "--classpath",
        classes.toString(), "--entities", "zoo", "--allow-drops");

    assertOneLineFailure(result, "class zoo.Pet of --entities zoo cannot be loaded", "zoo.Named",
        "to --classpath");
    assertThat(Revisions.changeFiles(project)).isEmpty();
  }

  private static String entity(String name, String table, String implementsClause) {
    return "package zoo;\n"
        + "@jakarta.persistence.Entity @jakarta.persistence.Table(name = \"" + table + "\")\n"
        + "public class " + name + implementsClause + " {\n"
        + "  @jakarta.persistence.Id private Long id;\n"
        + "  private String name;\n"
        + "  public String name() { return name; }\n"
        + "}\n";
  }
}
