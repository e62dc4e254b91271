package dev.reflex.db;

import static dev.reflex.db.RevisionCommandTest.assertOneLineFailure;
import static dev.reflex.db.RevisionCommandTest.autogenerate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the SQLite default, the scratch database is a temporary file: where none can be created, the one line says
 * so and how to fix it, and never blames a database server there is none of.
 */
class SqliteScratchTest {
  @TempDir
  Path project;

  @Test
  void aTemporaryFolderThatCannotHoldTheScratchFileIsNamedInOneLine() throws Exception {
    Path missing = project.resolve("no-such-folder");
    Path sqliteNatives = Files.createDirectories(project.resolve("natives"));
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("app.db"))
        .env("REFLEX_DB_JAVA_OPTS", "-Djava.io.tmpdir=" + missing + " -Dorg.sqlite.tmpdir=" + sqliteNatives);
    assertThat(reflexDb.run("init").exitCode()).isZero();
    assertThat(reflexDb.run("update").exitCode()).isZero();

    Launcher.Result result = autogenerate(reflexDb, "dev.reflex.db.clinic.v1");

    assertOneLineFailure(result, "cannot create the scratch SQLite file in " + missing, "java.io.tmpdir",
        "--scratch-url");
    assertThat(result.err()).doesNotContain("server");
    assertThat(Revisions.changeFiles(project)).isEmpty();
    try (Stream<Path> left = Files.list(sqliteNatives)) {
      assertThat(left).noneMatch(file -> file.getFileName().toString().startsWith("reflex-scratch-"));
    }
  }
}
