package dev.reflex.orm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.reflex.orm.test.fixtures.AdminLossFixture;
import dev.reflex.orm.test.fixtures.BuilderFixture;
import dev.reflex.orm.test.fixtures.FreshFixture;
import dev.reflex.orm.test.fixtures.LeakingFixture;
import dev.reflex.orm.test.fixtures.ManyFreshFixture;
import dev.reflex.orm.test.fixtures.MissingChangelogFixture;
import dev.reflex.orm.test.fixtures.RollbackFixture;
import dev.reflex.orm.test.fixtures.UrlFixture;
import dev.reflex.orm.test.internal.Templates;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs test classes written as a user writes them through JUnit's own launcher, on each database: the
 * embedded default and {@code REFLEX_TEST_DB_URL} naming H2, PostgreSQL and MariaDB.
 */
class ExtensionTest {
  @AfterEach
  void forgetUrl() {
    System.clearProperty(Templates.URL_PROPERTY);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "H2", "POSTGRESQL", "MARIADB"})
  void rollbackGivesEachTestItsOwnView(TestDatabase database) {
    TestExecutionSummary summary = run(database, RollbackFixture.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "H2", "POSTGRESQL", "MARIADB"})
  void freshDatabaseGivesEachTestItsOwnDatabase(TestDatabase database) {
    TestExecutionSummary summary = run(database, FreshFixture.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @Test
  void thePostgresqlDatabasesARunMadeAreDroppedWhenItEnds() throws Exception {
    Set<String> before = extensionDatabases();

    TestExecutionSummary summary = run(TestDatabase.POSTGRESQL, FreshFixture.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(extensionDatabases()).as("the template, the tests' clones and the clones made ahead are gone")
        .isSubsetOf(before);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aRunDropsTheDatabasesOfRunsThatEndedWithoutDroppingThem(TestDatabase database) throws Exception {
    String live = "reflex_test_cafef00d_1";
    List<String> dead = new ArrayList<>();
    List<String> all = new ArrayList<>();
    try (Connection liveRun = TestDatabases.connect(baseUrl(database));
        Statement statement = liveRun.createStatement()) {
      // a run that is still going holds a connection that says so; the dead one's went with its JVM
      statement.execute(database == TestDatabase.POSTGRESQL ? "set application_name = 'reflex-orm-test cafef00d'"
          : "select get_lock('reflex-orm-test cafef00d', 0)");
      statement.execute("create database " + live);
      try {
        try (ChildRun killed = ChildRun.start(baseUrl(database), false)) {
          String held = killed.awaitHeld();
          killed.kill(); // as kill -9: the run drops nothing
          all.addAll(LeftoversTest.leftBy(statement, LeftoversTest.runOf(held)));
          dead.addAll(all); // a clone the server made after the kill too: its template's mark reserved it
        }
        assertThat(dead).as("the killed run's databases").isNotEmpty();

        TestExecutionSummary summary = run(database, FreshFixture.class);

        assertThat(failures(summary)).isEmpty();
        assertThat(databases(statement, database)).doesNotContainAnyElementsOf(dead).contains(live);
      } finally {
        for (String name : all) {
          statement.execute("drop database if exists " + name);
        }
        statement.execute("drop database if exists " + live);
      }
    }
  }

  private static List<String> databases(Statement statement, TestDatabase database) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(database == TestDatabase.POSTGRESQL
        ? "select datname from pg_database" : "select schema_name from information_schema.schemata")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aRunGoesOnAfterItsAdministrativeConnectionsAreLost(TestDatabase database) throws Exception {
    List<String> before = databases(database);

    TestExecutionSummary summary = run(database, AdminLossFixture.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1 + AdminLossFixture.AFTER);
    assertThat(databases(database)).as("every database of the run dropped, on new connections").isSubsetOf(before);
  }

  /**
   * @return the server's databases named as the extension names its own, on a connection of its own (the fixture
   *     ends those it finds); others' databases on a shared server come and go meanwhile
   */
  private static List<String> databases(TestDatabase database) throws SQLException {
    try (Connection admin = TestDatabases.connect(baseUrl(database)); Statement statement = admin.createStatement()) {
      return databases(statement, database).stream()
          .filter(name -> name.startsWith("reflex_test_") || name.startsWith("reflex_template_")).toList();
    }
  }

  @Test
  void aUserWhoCannotCreateDatabasesIsToldSoInOneLine() throws Exception {
    String role = "reflex_nocreate_" + TestDatabases.suffix();
    try (Connection admin = TestDatabases.connect(TestDatabases.postgresUrl());
        Statement statement = admin.createStatement()) {
      statement.execute("create role " + role + " login");
      try {
        System.setProperty(Templates.URL_PROPERTY, TestDatabases.postgresUrl().replace("postgres@", role + "@"));
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(FreshFixture.class)).build(), listener);

        assertThat(failures(listener.getSummary())).singleElement().asString()
            .contains("Unable to create the template database reflex_template_")
            .contains("permission denied to create database")
            .endsWith("; the test user needs the right to create and drop databases");
      } finally {
        statement.execute("drop role " + role);
      }
    }
  }

  @Test
  void aLongPostgresqlRunKeepsFewDatabasesWaitingToBeDropped() throws Exception {
    int before = extensionDatabases().size();
    AtomicInteger most = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> {
      while (running.get()) {
        try {
          most.accumulateAndGet(extensionDatabases().size() - before, Math::max);
          Thread.sleep(10);
        } catch (SQLException | InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();
    TestExecutionSummary summary;
    try {
      summary = run(TestDatabase.POSTGRESQL, ManyFreshFixture.class);
    } finally {
      running.set(false);
      watcher.join();
    }

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(ManyFreshFixture.TESTS);
    // the template, two made ahead, the one in use, and the used ones waiting: 16, and at most the three above
    // made before the 16th came (24 at most; without the bound 53 and more)
    assertThat(most.get()).as("databases of the run at once, of %s tests", ManyFreshFixture.TESTS)
        .isBetween(2, 24);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "POSTGRESQL"})
  void aLeakedSessionFailsTheTestWithWhereItWasOpened(TestDatabase database) {
    TestExecutionSummary summary = run(database, LeakingFixture.class);

    assertThat(summary.getTestsSucceededCount()).as("the next test sees nothing of the leaked work").isEqualTo(1);
    assertThat(failures(summary)).singleElement().asString()
        .contains("LeakingFixture.leaksASession() left 1 session open (HikariCP pool ")
        .contains("active=1")
        .contains("opened at dev.reflex.orm.test.fixtures.LeakingFixture.leaksASession(LeakingFixture.java:")
        .contains("close every session a test opens");
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "POSTGRESQL"})
  void settingsChosenInCodeApply(TestDatabase database) {
    TestExecutionSummary summary = run(database, BuilderFixture.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @Test
  void aUrlChosenInCodeWinsOverTheEnvironment() {
    TestExecutionSummary summary = run(TestDatabase.H2, UrlFixture.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @Test
  void aMissingChangelogFailsTheClassWithOneLine() {
    TestExecutionSummary summary = run(TestDatabase.SQLITE_FILE, MissingChangelogFixture.class);

    assertThat(failures(summary)).singleElement().asString()
        .contains("UnableToMigrateException: No changelog: db/none.yaml is neither a file in"
            + " the working directory")
        .contains("nor a class path resource");
  }

  static TestExecutionSummary run(TestDatabase database, Class<?> fixture) {
    if (database != TestDatabase.SQLITE_FILE) {
      System.setProperty(Templates.URL_PROPERTY, baseUrl(database));
    }
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
        .build(), listener);
    return listener.getSummary();
  }

  private static String baseUrl(TestDatabase database) {
    switch (database) {
      case POSTGRESQL:
        return TestDatabases.postgresUrl();
      case MARIADB:
        return TestDatabases.mariadbUrl();
      default:
        return database.freshUrl();
    }
  }

  /** @return the PostgreSQL databases named as the extension names its templates and clones */
  private static Set<String> extensionDatabases() throws SQLException {
    Set<String> names = new HashSet<>();
    try (Connection connection = TestDatabases.connect(TestDatabases.postgresUrl());
        ResultSet rows = connection.createStatement().executeQuery(
            "select datname from pg_database where datname like 'reflex\\_test\\_%'"
                + " or datname like 'reflex\\_template\\_%'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  static List<String> failures(TestExecutionSummary summary) {
    return summary.getFailures().stream()
        .map(failure -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
        .toList();
  }
}
