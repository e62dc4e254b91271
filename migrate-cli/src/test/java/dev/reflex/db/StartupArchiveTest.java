package dev.reflex.db;

import dev.reflex.orm.testing.Launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive, on a copy of the distribution: recorded by the first run, used
 * by the next, recorded again when it does not match, and never a reason for different output or exit codes.
 */
class StartupArchiveTest {
  @TempDir
  Path project;
  @TempDir
  Path copy;
  private Path archive;
  private Launcher reflexDb;

  @BeforeEach
  void copyTheDistribution() throws IOException {
    Path dist = Launcher.packaged().getParent().getParent();
    for (String folder : new String[] {"bin", "lib"}) {
      Files.createDirectories(copy.resolve(folder));
      try (Stream<Path> files = Files.list(dist.resolve(folder))) {
        files.filter(file -> !file.getFileName().toString().startsWith("reflex-db.jsa"))
            .forEach(file -> copy(file, copy.resolve(folder).resolve(file.getFileName().toString())));
      }
    }
    archive = copy.resolve("lib/reflex-db.jsa");
    reflexDb = new Launcher(project, copy.resolve("bin/reflex-db"))
        .env("REFLEX_DB_URL", "sqlite:///" + project.resolve("reflex.db"));
    assertThat(reflexDb.run("init").exitCode()).isZero();
    assertThat(reflexDb.run("update").exitCode()).isZero();
  }

  @Test
  void firstCommandRecordsTheArchiveAndTheNextPrintsTheSameWithIt() {
    assertThat(archive).isNotEmptyFile();
    assertThat(copy.resolve("lib/reflex-db.jsa.stamp")).isNotEmptyFile();
    Launcher.Result withoutArchive = reflexDb.env("REFLEX_DB_JAVA_OPTS", "-Xshare:auto").run("status");
    Launcher.Result withArchive = reflexDb.env("REFLEX_DB_JAVA_OPTS", "").run("status");

    assertThat(withArchive.exitCode()).as("%s", withArchive).isZero();
    assertThat(withArchive.out()).isEqualTo(withoutArchive.out()).contains("is up to date");
    assertThat(withArchive.err()).isEqualTo(withoutArchive.err());
  }

  @Test
  void archiveOfAnotherJvmOrOtherJarsIsRecordedAgainWithoutAWord() throws IOException {
    // what another JDK's archive looks like to this one: a file it cannot map, and a stamp that differs
    Files.delete(archive);
    Files.write(archive, new byte[4096]);
    Files.writeString(copy.resolve("lib/reflex-db.jsa.stamp"), "another JVM\n");

    Launcher.Result status = reflexDb.run("status");

    assertThat(status.exitCode()).as("%s", status).isZero();
    assertThat(status.all()).doesNotContain("cds", "shared archive");
    assertThat(Files.readString(copy.resolve("lib/reflex-db.jsa.stamp"))).isNotEqualTo("another JVM\n");
    assertThat(Files.size(archive)).isGreaterThan(4096);
    assertThat(reflexDb.run("status").exitCode()).isZero();
  }

  @Test
  void unwritableLibStartsWithoutAnArchive() throws IOException {
    Files.delete(archive);
    Path lib = copy.resolve("lib");
    lib.toFile().setWritable(false, false);
    try {
      assumeFalse(Files.isWritable(lib), "this user (root) may write to a read-only folder");

      Launcher.Result status = reflexDb.run("status");

      assertThat(status.exitCode()).as("%s", status).isZero();
      assertThat(archive).doesNotExist();
    } finally {
      lib.toFile().setWritable(true, false);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
