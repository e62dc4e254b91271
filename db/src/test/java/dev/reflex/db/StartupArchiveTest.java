package dev.reflex.db;

import dev.reflex.orm.testing.Launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        files.filter(file -> !file.getFileName().toString().startsWith("reflex-db.jsa")
            && !file.getFileName().toString().startsWith("reflex-db.aot"))
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
  void unwritableLibStartsWithoutAnArchive() throws IOException, InterruptedException {
    Files.delete(archive);
    Path lib = copy.resolve("lib");
    lib.toFile().setWritable(false, false);
    try {
      // root may write anywhere: run the launcher as the unprivileged user "nobody" instead, as a user would
      Launcher asUser = Files.isWritable(lib) ? asNobody() : reflexDb;

      Launcher.Result status = asUser.run("status");

      assertThat(status.exitCode()).as("%s", status).isZero();
      assertThat(status.out()).contains("is up to date");
      assertThat(archive).doesNotExist();
    } finally {
      lib.toFile().setWritable(true, false);
    }
  }

  @Test
  void onJdk17ToJdk24TheLauncherUsesTheArchive() {
    Launcher.Result status = reflexDb.env("REFLEX_DB_LAUNCHER_DEBUG", "1").run("status");

    assertThat(status.exitCode()).as("%s", status).isZero();
    assertThat(status.err()).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("AOTCache");
  }

  /**
   * On JDK 25 and later, an ahead-of-time cache: recorded after the first command, in the background, from a
   * training run of the launcher's own, then used by every command, with the same output.
   */
  @Test
  void onJdk25TheFirstCommandRecordsAnAotCacheThatTheNextUses() throws Exception {
    Launcher jdk25 = reflexDb.env("JAVA_HOME", jdk25().toString());
    Path cache = copy.resolve("lib/reflex-db.aot");

    Launcher.Result first = jdk25.run("status");
    awaitFile(cache);
    Launcher.Result next = jdk25.env("REFLEX_DB_LAUNCHER_DEBUG", "1").run("status");

    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(first.out()).contains("is up to date");
    assertThat(first.err()).doesNotContain("WARNING"); // JDK 24+ native-access warnings of the SQLite driver
    assertThat(next.exitCode()).as("%s", next).isZero();
    assertThat(next.out()).isEqualTo(first.out());
    assertThat(next.err()).contains("-XX:AOTCache=" + cache).doesNotContain("SharedArchiveFile");
    // the JVM itself accepts the cache for these jars: with AOTMode=on it refuses to start on one it cannot map
    Launcher.Result strict = jdk25.env("REFLEX_DB_JAVA_OPTS", "-XX:AOTMode=on -XX:AOTCache=" + cache)
        .run("--version");
    assertThat(strict.exitCode()).as("%s", strict).isZero();
  }

  @Test
  void onJdk25AnUnwritableLibRunsWithoutACache() throws Exception {
    Path lib = copy.resolve("lib");
    lib.toFile().setWritable(false, false);
    try {
      Launcher asUser = (Files.isWritable(lib) ? asNobody() : reflexDb).env("JAVA_HOME", jdk25().toString());

      Launcher.Result status = asUser.run("status");

      assertThat(status.exitCode()).as("%s", status).isZero();
      assertThat(status.out()).contains("is up to date");
      Thread.sleep(2000); // a cache would be recorded in the background: give it the time to begin
      try (Stream<Path> files = Files.list(lib)) {
        assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains(".aot"));
      }
    } finally {
      lib.toFile().setWritable(true, false);
    }
  }

  /** @return JDK 25's home; missing, the test is skipped saying how to enable it, or fails with CI=true */
  private static Path jdk25() {
    Path home = Path.of(System.getProperty("reflex.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      String why = home + "/bin/java is missing: install a JDK 25 there, or name one with -Dreflex.test.jdk25=PATH,"
          + " to test the launcher's ahead-of-time cache";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + why);
      }
      assumeTrue(false, why);
    }
    return home;
  }

  /** Waits for a file the launcher writes in the background, at most two minutes (a busy machine). */
  private static void awaitFile(Path file) throws InterruptedException {
    for (int i = 0; i < 240 && !Files.exists(file); i++) {
      Thread.sleep(500);
    }
    assertThat(file).as("recorded in the background").isNotEmptyFile();
  }

  /** The launcher of the copy, run by {@code runuser -u nobody}, with the project and the copy readable to it. */
  private Launcher asNobody() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
        "runuser is missing: as root this test needs it to run reflex-db as an unprivileged user");
    for (Path path : new Path[] {project, copy, copy.resolve("bin"), project.resolve("reflex.db")}) {
      path.toFile().setReadable(true, false);
      path.toFile().setExecutable(path.toFile().isDirectory(), false);
    }
    project.toFile().setWritable(true, false);
    project.resolve("reflex.db").toFile().setWritable(true, false);
    Path script = Files.createTempFile(copy.getParent(), "as-nobody", ".sh");
    Files.writeString(script, "#!/bin/sh\nexec runuser -u nobody -- " + copy.resolve("bin/reflex-db") + " \"$@\"\n");
    script.toFile().setExecutable(true, false);
    script.toFile().setReadable(true, false);
    return new Launcher(project, script).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("reflex.db"));
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
