package dev.reflex.db.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep of leftover scratch SQLite files removes a file only when the run its header names is provably over: a
 * file that carries reflex-db's mark but no pid yet (a concurrent revision between creating and marking its file)
 * is left alone; one whose run has ended goes.
 */
class ScratchLeftoverFilesTest {
  @TempDir
  Path folder;

  @Test
  void aMarkWithoutItsPidIsARunInProgressAndStays() throws Exception {
    Path file = scratchFile("reflex-scratch-unfinished.db", 0);

    ScratchLeftovers.removeSqliteFiles(folder);

    assertThat(file).exists();
  }

  @Test
  void aMarkNamingAProcessThatEndedGoes() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path file = scratchFile("reflex-scratch-killed.db", ended.pid());
    Path ours = scratchFile("reflex-scratch-ours.db", ProcessHandle.current().pid());

    ScratchLeftovers.removeSqliteFiles(folder);

    assertThat(file).doesNotExist();
    assertThat(ours).exists();
  }

  private Path scratchFile(String name, long pid) throws Exception {
    Path file = folder.resolve(name);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("create table t (id integer)");
      statement.execute("pragma application_id = " + ScratchMark.SQLITE_APPLICATION_ID);
      statement.execute("pragma user_version = " + pid);
    }
    return file;
  }
}
