package dev.reflex.db;

import static dev.reflex.db.RevisionCommandTest.autogenerate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What a revision killed with {@code kill -9} leaves behind, made as it would be: a scratch database (or SQLite
 * file) marked with a run whose process is over. The next revision removes it, says so on one line, and leaves
 * alone a marked one whose process is alive and one of the same kind of name that carries no mark. Isolated: any
 * other revision on the server would remove the simulated leftover too, as it should.
 */
@Isolated
class ScratchLeftoverTest {
  @TempDir
  Path project;

  @Test
  void postgresLeftoverOfAKilledRunIsRemovedAndNothingElse() throws Exception {
    serverLeftovers(TestDatabase.POSTGRESQL, TestDatabases.postgresUrl());
  }

  @Test
  void mariadbLeftoverOfAKilledRunIsRemovedAndNothingElse() throws Exception {
    serverLeftovers(TestDatabase.MARIADB, TestDatabases.mariadbUrl());
  }

  private void serverLeftovers(TestDatabase kind, String admin) throws Exception {
    String dead = "reflex_scratch_" + TestDatabases.suffix();
    String alive = "reflex_scratch_" + TestDatabases.suffix();
    String unmarked = "reflex_scratch_" + TestDatabases.suffix();
    try (Connection connection = TestDatabases.connect(admin); Statement statement = connection.createStatement()) {
      for (String name : List.of(dead, alive, unmarked)) {
        String mark = name.equals(dead) ? mark(deadPid()) : name.equals(alive) ? mark(ProcessHandle.current().pid())
            : null;
        if (kind == TestDatabase.POSTGRESQL) {
          statement.execute("create database " + name + " template template0");
          if (mark != null) {
            statement.execute("comment on database " + name + " is '" + mark + "'");
          }
        } else {
          statement.execute("create database " + name + (mark == null ? "" : " comment '" + mark + "'"));
        }
      }
    }
    try {
      Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", kind.freshUrl());
      reflexDb.run("init");
      reflexDb.run("update");

      Launcher.Result result = autogenerate(reflexDb, "dev.reflex.db.clinic.v1");

      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.errLines()).as("%s", result).anySatisfy(line -> assertThat(line)
          .startsWith("reflex-db: warning: removed").contains(dead, "no longer running"));
      assertThat(result.err()).doesNotContain(unmarked);
      assertThat(databases(kind, admin)).doesNotContain(dead).contains(alive, unmarked);
    } finally {
      try (Connection connection = TestDatabases.connect(admin); Statement statement = connection.createStatement()) {
        for (String name : List.of(dead, alive, unmarked)) {
          statement.execute("drop database if exists " + name);
        }
      }
    }
  }

  @Test
  void sqliteLeftoverOfAKilledRunIsRemovedAndNothingElse() throws Exception {
    Path tmp = Files.createDirectories(project.resolve("tmp"));
    Path dead = sqliteFile(tmp.resolve("reflex-scratch-1.db"), deadPid());
    Path alive = sqliteFile(tmp.resolve("reflex-scratch-2.db"), ProcessHandle.current().pid());
    Path unmarked = tmp.resolve("reflex-scratch-3.db");
    try (Connection connection = TestDatabases.connect("sqlite:///" + unmarked);
        Statement statement = connection.createStatement()) {
      statement.execute("create table kept (id integer)");
    }
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///" + project.resolve("app.db"))
        .env("REFLEX_DB_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
    reflexDb.run("init");
    reflexDb.run("update");

    Launcher.Result result = autogenerate(reflexDb, "dev.reflex.db.clinic.v1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.errLines()).as("%s", result).anySatisfy(line -> assertThat(line)
        .startsWith("reflex-db: warning: removed").contains(dead.toString(), "no longer running"));
    assertThat(dead).doesNotExist();
    assertThat(alive).exists();
    assertThat(unmarked).exists();
  }

  /** A scratch SQLite file as a run marks it: reflex-db's application id, and the run's pid as user version. */
  private static Path sqliteFile(Path file, long pid) throws SQLException {
    try (Connection connection = TestDatabases.connect("sqlite:///" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("pragma application_id = " + ScratchMarkFormat.SQLITE_APPLICATION_ID);
      statement.execute("pragma user_version = " + pid);
      statement.execute("create table pets (id integer)");
    }
    return file;
  }

  /** @return the pid of a process that has ended: one this test started and waited for */
  private static long deadPid() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  private static String mark(long pid) throws IOException {
    return "reflex-db scratch run=" + TestDatabases.suffix() + " host=" + InetAddress.getLocalHost().getHostName()
        + " pid=" + pid + " started=" + Instant.now();
  }

  private static List<String> databases(TestDatabase kind, String admin) throws SQLException {
    List<String> names = new ArrayList<>();
    String sql = kind == TestDatabase.POSTGRESQL ? "select datname from pg_database"
        : "select schema_name from information_schema.schemata";
    try (Connection connection = TestDatabases.connect(admin); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  /** The mark's constants, as written in docs/migrations.md, so that this test states the format it relies on. */
  static final class ScratchMarkFormat {
    /** {@code RFLX} in ASCII. */
    static final int SQLITE_APPLICATION_ID = 0x52464c58;

    private ScratchMarkFormat() {}
  }
}
