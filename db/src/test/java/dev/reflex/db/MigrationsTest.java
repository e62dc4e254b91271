package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.migrations.MigrationReport;
import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.migrations.UnableToMigrateException;
import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migrations applied from code write the rows {@code reflex-db update} writes: each follows the other, proven
 * with the real launcher in a project that holds the same changelog at the same path.
 */
class MigrationsTest {
  private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
  private static final List<String> ALL = List.of(CHANGELOG + "::1-create-book::reflex",
      CHANGELOG + "::2-add-year::reflex");

  @TempDir Path project;

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "H2", "POSTGRESQL", "MARIADB"})
  void updateInCodeThenReflexDbStatusSaysUpToDate(TestDatabase kind) throws Exception {
    String url = kind.freshUrl();
    try (ReflexDatabase database = ReflexDatabase.builder().url(url).build()) {
      // tag::update[]
      MigrationReport first = Migrations.ofDefaultChangelog().update(database);   // what reflex-db update applies
      // end::update[]
      MigrationReport second = Migrations.ofDefaultChangelog().update(database);

      assertThat(first.changelog()).isEqualTo(CHANGELOG);
      assertThat(first.applied()).containsExactlyElementsOf(ALL);
      assertThat(second.wasUpToDate()).isTrue();
    }
    copyChangelogInto(project);

    Launcher.Result status = new Launcher(project).env("REFLEX_DB_URL", url).run("status");
    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url).run("update");

    assertThat(status.exitCode()).as("%s", status).isZero();
    assertThat(status.out()).as("%s", status).contains("is up to date");
    assertThat(update.exitCode()).as("%s", update).isZero();
    assertThat(Databases.appliedChangesets(url)).containsExactly(CHANGELOG + "::1-create-book",
        CHANGELOG + "::2-add-year");
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "POSTGRESQL"})
  void reflexDbUpdateThenUpdateInCodeAppliesNothing(TestDatabase kind) throws Exception {
    String url = kind.freshUrl();
    copyChangelogInto(project);
    Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url).run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();

    try (ReflexDatabase database = ReflexDatabase.builder().url(url).build()) {
      MigrationReport report = Migrations.of(CHANGELOG).update(database);

      assertThat(report.applied()).isEmpty();
    }
    assertThat(Databases.appliedChangesets(url)).hasSize(2);
  }

  @Test
  void updatesStartedTogetherApplyEachChangesetOnce() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl();
    try (ReflexDatabase database = ReflexDatabase.builder().url(url).build()) {
      ExecutorService threads = Executors.newFixedThreadPool(3);
      try {
        List<Future<MigrationReport>> runs = new ArrayList<>();
        Callable<MigrationReport> run = () -> Migrations.of(CHANGELOG).update(database);
        for (int i = 0; i < 3; i++) {
          runs.add(threads.submit(run));
        }
        List<String> applied = new ArrayList<>();
        for (Future<MigrationReport> report : runs) {
          applied.addAll(report.get().applied());
        }
        assertThat(applied).containsExactlyInAnyOrderElementsOf(ALL);
      } finally {
        threads.shutdownNow();
      }
    }
    assertThat(Databases.appliedChangesets(url)).hasSize(2);
  }

  @Test
  void missingChangelogSaysWhereItWasLookedFor() {
    try (ReflexDatabase database = ReflexDatabase.builder().url(TestDatabase.SQLITE_FILE.freshUrl()).build()) {
      assertThatThrownBy(() -> Migrations.of("db/none.yaml").update(database))
          .isInstanceOf(UnableToMigrateException.class)
          .hasMessageContaining("db/none.yaml")
          .hasMessageContaining("neither a file in the working directory")
          .hasMessageContaining("nor a class path resource");
    }
  }

  @Test
  void failingChangesetKeepsTheOnesBeforeItAndSaysWhatFailed() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl();
    try (ReflexDatabase database = ReflexDatabase.builder().url(url).build()) {
      assertThatThrownBy(() -> Migrations.of("db/broken.yaml").update(database))
          .isInstanceOf(UnableToMigrateException.class)
          .hasMessageContaining("Applying db/broken.yaml failed at changeset db/broken.yaml::2-broken::reflex")
          .hasMessageContaining("no_such_table")
          .hasMessageContaining("fix the changeset and update again");
    }
    assertThat(Databases.appliedChangesets(url)).containsExactly("db/broken.yaml::1-create-shelf");
  }

  @Test
  void aFailureThatEchoesThePasswordShowsItMasked() {
    String url = TestDatabase.POSTGRESQL.freshUrl().replaceFirst("://([^@/:]+)@", "://$1:canary-Pa55word@");
    try (ReflexDatabase database = ReflexDatabase.builder().url(url).build()) {
      assertThatThrownBy(() -> Migrations.of("db/echoes-password.yaml").update(database))
          .isInstanceOf(UnableToMigrateException.class)
          .hasMessageContaining("Applying db/echoes-password.yaml failed")
          .hasMessageNotContaining("canary-Pa55word");
    }
  }

  private static void copyChangelogInto(Path project) throws Exception {
    Path target = project.resolve(CHANGELOG);
    Files.createDirectories(target.getParent());
    try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(CHANGELOG)) {
      Files.copy(in, target);
    }
  }
}
