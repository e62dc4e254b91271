package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The life of a project, through the real launcher: init, update, status, check, history, rollback-count,
 * update again, on the SQLite default and on each database with REFLEX_DB_URL in both of its forms.
 */
class LifecycleTest {
  private static final String APPLIED = "db/changelog/db.changelog-master.yaml::1-create-example";

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("SQLite default, no configuration", null, false),
        Arguments.of("H2, 12-factor URL", TestDatabase.H2, false),
        Arguments.of("H2, JDBC URL", TestDatabase.H2, true),
        Arguments.of("PostgreSQL, 12-factor URL", TestDatabase.POSTGRESQL, false),
        Arguments.of("PostgreSQL, JDBC URL", TestDatabase.POSTGRESQL, true),
        Arguments.of("MariaDB, 12-factor URL", TestDatabase.MARIADB, false),
        Arguments.of("MariaDB, JDBC URL", TestDatabase.MARIADB, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void initUpdateStatusCheckHistoryRollbackUpdate(String name, TestDatabase database, boolean jdbcForm,
      @TempDir Path project) throws Exception {
    Launcher reflexDb = new Launcher(project);
    String url;
    if (database == null) {
      url = "sqlite:///" + project.resolve("reflex.db");
    } else {
      String fresh = database.freshUrl();
      url = fresh;
      reflexDb.env("REFLEX_DB_URL", jdbcForm ? Databases.jdbcForm(fresh) : fresh);
    }

    Launcher.Result init = reflexDb.run("init");
    assertThat(init.exitCode()).as("%s", init).isZero();
    assertThat(init.out()).contains("liquibase.properties", "db/changelog/db.changelog-master.yaml",
        "reflex-db update");
    // the docs start autogenerating projects with init --empty; init itself says so next to its example
    assertThat(init.out()).contains("creates table `example`", "reflex-db init --empty --force");

    Launcher.Result update = reflexDb.run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(update.err()).doesNotContain("Starting Liquibase", "License");
    assertThat(Databases.hasTable(url, "example")).isTrue();
    assertThat(Databases.appliedChangesets(url)).containsExactly(APPLIED);

    Launcher.Result status = reflexDb.run("status");
    assertThat(status.exitCode()).as("%s", status).isZero();
    assertThat(status.out()).contains("is up to date");

    Launcher.Result check = reflexDb.run("check");
    assertThat(check.exitCode()).as("%s", check).isZero();
    assertThat(check.out()).contains("Up to date");

    Launcher.Result history = reflexDb.run("history");
    assertThat(history.exitCode()).as("%s", history).isZero();
    assertThat(history.out()).contains("1-create-example");

    Launcher.Result rollback = reflexDb.run("rollback-count", "--count", "1");
    assertThat(rollback.exitCode()).as("%s", rollback).isZero();
    assertThat(Databases.hasTable(url, "example")).isFalse();
    assertThat(Databases.appliedChangesets(url)).isEmpty();

    Launcher.Result again = reflexDb.run("update");
    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(Databases.hasTable(url, "example")).isTrue();
    assertThat(Databases.appliedChangesets(url)).isEqualTo(List.of(APPLIED));
  }
}
