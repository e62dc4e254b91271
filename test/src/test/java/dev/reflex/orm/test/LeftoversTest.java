package dev.reflex.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.fixtures.FreshFixture;
import dev.reflex.orm.test.internal.Templates;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What a run may drop on a shared server: only databases that carry the extension's mark and whose run is provably
 * over. Other runs are JVMs of their own ({@link ChildRun}), held in the middle, killed, or hidden in a process
 * space of their own so that they can be judged only by their heartbeat; this JVM is the run that looks for
 * leftovers. Faults go only against the other run's own connections.
 */
class LeftoversTest {
  /** The grace after a run's last heartbeat, in seconds, shortened for the tests. */
  private static final int GRACE = 6;
  private static final String GRACE_PROPERTY = "reflex.test.leftovers.grace-seconds";
  private static final Pattern RUN = Pattern.compile("^reflex_(?:test|template)_([0-9a-f]{8})_[0-9]+$");

  private final Logger logger = Logger.getLogger("dev.reflex.orm.test");
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (logged) {
        logged.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void forget() {
    logger.removeHandler(handler);
    System.clearProperty(Templates.URL_PROPERTY);
    System.clearProperty(GRACE_PROPERTY);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aLiveRunWhoseAdministrativeConnectionsAreLostKeepsItsDatabasesAndGoesOn(TestDatabase database)
      throws Exception {
    // run A on a base database of its own, so that its administrative connections are the only ones there
    String baseA = TestDatabases.freshServerDatabase(serverUrl(database));
    String baseName = baseA.substring(baseA.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    try (ChildRun a = ChildRun.start(baseA, true, "-D" + GRACE_PROPERTY + "=" + GRACE);
        Connection admin = TestDatabases.connect(serverUrl(database));
        Statement statement = admin.createStatement()) {
      String run = runOf(a.awaitHeld());
      List<String> before = databasesOf(statement, run);

      assertThat(endAdministrativeConnections(statement, database, baseName, run)).isPositive();
      long lost = clock(statement, database);
      // the grace passes on the server's clock: a run that did not renew its heartbeat is now provably over
      while (clock(statement, database) <= lost + GRACE + 1) {
        Thread.sleep(200);
      }
      System.setProperty(GRACE_PROPERTY, String.valueOf(GRACE));
      TestExecutionSummary b = ExtensionTest.run(database, FreshFixture.class);

      assertThat(ExtensionTest.failures(b)).isEmpty();
      assertThat(databasesOf(statement, run)).as("run A's databases after run B started").containsAll(before);
      assertThat(heartbeat(statement, database, run)).as("run A's heartbeat, renewed after its connections were lost")
          .isGreaterThan(lost);
      a.letGo();
      assertThat(a.awaitExit()).as("run A's tests after its connections were lost:\n%s", a.output()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aRunDropsAKilledRunsDatabasesWithAWarningAndNeverOnesAPersonMade(TestDatabase database) throws Exception {
    List<String> made = database == TestDatabase.POSTGRESQL
        ? List.of("reflex_test_0badc0de_1", "reflex_template_12345678_0", "reflex_test_0badc0de_007")
        : List.of("REFLEX_TEST_DEADBEEF_2", "Reflex_Template_ABCDEF01_3", "reflex_test_0badc0de_1");
    List<String> killed = new ArrayList<>();
    try (Connection admin = TestDatabases.connect(serverUrl(database));
        Statement statement = admin.createStatement()) {
      try {
        for (String name : made) {
          statement.execute("create database " + name);
        }
        try (Connection person = TestDatabases.connect(TestDatabases.withDatabase(serverUrl(database), made.get(0)));
            ChildRun dead = ChildRun.start(serverUrl(database), false)) {
          String run = runOf(dead.awaitHeld());
          dead.kill();
          killed.addAll(leftBy(statement, run));
          // a clone the server made after the kill has no mark of its own: its template's mark reserved it
          List<String> marked = List.copyOf(killed);

          TestExecutionSummary b = ExtensionTest.run(database, FreshFixture.class);

          assertThat(ExtensionTest.failures(b)).isEmpty();
          assertThat(databases(statement, database)).as("databases a person made, one with a session in it")
              .containsAll(made);
          assertThat(person.isValid(2)).as("the person's session").isTrue();
          assertThat(marked).as("the killed run's marked databases").isNotEmpty();
          assertThat(databases(statement, database)).as("the killed run's databases")
              .doesNotContainAnyElementsOf(marked);
          for (String name : marked) {
            assertThat(warnings()).as("the WARN lines").anySatisfy(line -> assertThat(line)
                .startsWith("reflex-orm-test dropped the database " + name + " (owner ")
                .contains("made by test run " + run + " (process ").endsWith(", which is no longer running"));
          }
        }
      } finally {
        for (String name : made) {
          statement.execute("drop database if exists " + name);
        }
        for (String name : killed) {
          statement.execute("drop database if exists " + name);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aRunLeavesTheDatabasesOfAnotherUsersKilledRunAlone(TestDatabase database) throws Exception {
    String other = "reflex_other_" + TestDatabases.suffix();
    String otherUrl = serverUrl(database).replaceFirst("://[^@/]+@", "://" + other + "@");
    List<String> killed = new ArrayList<>();
    try (Connection admin = TestDatabases.connect(serverUrl(database));
        Statement statement = admin.createStatement()) {
      if (database == TestDatabase.POSTGRESQL) {
        statement.execute("create role " + other + " login createdb");
      } else {
        statement.execute("create user '" + other + "'@'127.0.0.1'");
        statement.execute("grant all on `reflex\\_%`.* to '" + other + "'@'127.0.0.1'");
        statement.execute("grant select on test.* to '" + other + "'@'127.0.0.1'");
      }
      try {
        String run;
        try (ChildRun dead = ChildRun.start(otherUrl, false)) {
          run = runOf(dead.awaitHeld());
          dead.kill();
          killed.addAll(leftBy(statement, run));
        }
        List<String> marked = List.copyOf(killed);

        TestExecutionSummary b = ExtensionTest.run(database, FreshFixture.class);

        assertThat(ExtensionTest.failures(b)).isEmpty();
        assertThat(databases(statement, database)).as("the other user's killed run's databases, after a run as %s",
            database == TestDatabase.POSTGRESQL ? "a superuser" : "root").containsAll(killed);

        TestExecutionSummary own = runOn(otherUrl);

        assertThat(ExtensionTest.failures(own)).isEmpty();
        assertThat(marked).as("the killed run's marked databases").isNotEmpty();
        assertThat(databases(statement, database)).as("its databases, after a run as that user")
            .doesNotContainAnyElementsOf(marked);
      } finally {
        for (String name : killed) {
          statement.execute("drop database if exists " + name);
        }
        statement.execute(database == TestDatabase.POSTGRESQL ? "drop role " + other
            : "drop user '" + other + "'@'127.0.0.1'");
      }
    }
  }

  /** @return the summary of a run of {@link FreshFixture} beside the database the URL names */
  private static TestExecutionSummary runOn(String url) {
    System.setProperty(Templates.URL_PROPERTY, url);
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(FreshFixture.class)).build(), listener);
    return listener.getSummary();
  }

  @Test
  void aDropOfALeftoverDoesNotWaitWithoutBoundForALockAnOpenTransactionHolds() throws Exception {
    List<String> killed = new ArrayList<>();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try (Connection admin = TestDatabases.connect(TestDatabases.mariadbUrl());
        Statement statement = admin.createStatement()) {
      try (ChildRun dead = ChildRun.start(TestDatabases.mariadbUrl(), false)) {
        String held = dead.awaitHeld();
        dead.kill();
        killed.addAll(leftBy(statement, runOf(held)));
      }
      String held = held(killed);
      try (Connection holder = TestDatabases.connect(TestDatabases.withDatabase(TestDatabases.mariadbUrl(), held));
          Statement open = holder.createStatement()) {
        holder.setAutoCommit(false);
        open.executeQuery("select count(*) from item").close(); // the table's metadata lock, until the rollback
        try {
          Future<TestExecutionSummary> b = runner.submit(() -> ExtensionTest.run(TestDatabase.MARIADB,
              FreshFixture.class));
          TestExecutionSummary summary = b.get(2, TimeUnit.MINUTES);

          assertThat(ExtensionTest.failures(summary)).isEmpty();
          assertThat(warnings()).anySatisfy(line -> assertThat(line)
              .startsWith("reflex-orm-test did not drop the database " + held + " (owner ")
              .contains("Lock wait timeout exceeded").endsWith("; a later run tries again"));
        } finally {
          holder.rollback();
        }
      } finally {
        for (String name : killed) {
          statement.execute("drop database if exists " + name);
        }
      }
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void aWrongGraceFailsTheRunInOneLineBeforeAnythingIsMade() {
    System.setProperty(GRACE_PROPERTY, "5m");

    TestExecutionSummary summary = ExtensionTest.run(TestDatabase.POSTGRESQL, FreshFixture.class);

    assertThat(ExtensionTest.failures(summary)).singleElement().asString().endsWith("IllegalArgumentException: "
        + GRACE_PROPERTY + " must be a whole number of seconds from 1 to 86400, got \"5m\"; leave it unset for 300 s");
  }

  /** @return the database the killed run's test held: the clone with a table in it, the highest numbered */
  private static String held(List<String> killed) {
    return killed.stream().filter(name -> name.startsWith("reflex_test_"))
        .max((x, y) -> Integer.compare(number(x), number(y))).orElseThrow();
  }

  private static int number(String name) {
    return Integer.parseInt(name.substring(name.lastIndexOf('_') + 1));
  }

  private List<String> warnings() {
    synchronized (logged) {
      return logged.stream().filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
          .map(LogRecord::getMessage).toList();
    }
  }

  private static String serverUrl(TestDatabase database) {
    return database == TestDatabase.POSTGRESQL ? TestDatabases.postgresUrl() : TestDatabases.mariadbUrl();
  }

  static String runOf(String database) {
    Matcher matcher = RUN.matcher(database);
    assertThat(matcher.matches()).as("a database of the extension: %s", database).isTrue();
    return matcher.group(1);
  }

  /** Ends the other run's administrative connections, and only those: the ones on its own base database. */
  private static int endAdministrativeConnections(Statement statement, TestDatabase database, String base,
      String run) throws SQLException {
    if (database == TestDatabase.POSTGRESQL) {
      try (ResultSet rows = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
          + " where datname = '" + base + "' and application_name = 'reflex-orm-test " + run + "'")) {
        rows.next();
        return rows.getInt(1);
      }
    }
    List<Long> ids = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("select id from information_schema.processlist where db = '"
        + base + "' and id <> connection_id()")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    for (long id : ids) {
      statement.execute("kill connection " + id);
    }
    return ids.size();
  }

  private static long clock(Statement statement, TestDatabase database) throws SQLException {
    try (ResultSet rows = statement.executeQuery(database == TestDatabase.POSTGRESQL
        ? "select floor(extract(epoch from now()))::bigint" : "select unix_timestamp()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** @return the newest heartbeat in the marks of a run's databases, or 0 */
  private static long heartbeat(Statement statement, TestDatabase database, String run) throws SQLException {
    long newest = 0;
    for (String comment : comments(statement, database, run)) {
      Matcher matcher = Pattern.compile(" heartbeat=([0-9]+)$").matcher(comment);
      if (matcher.find()) {
        newest = Math.max(newest, Long.parseLong(matcher.group(1)));
      }
    }
    return newest;
  }

  private static List<String> comments(Statement statement, TestDatabase database, String run) throws SQLException {
    List<String> comments = new ArrayList<>();
    for (String name : databasesOf(statement, run)) {
      String comment = comment(statement, database, name);
      if (comment != null) {
        comments.add(comment);
      }
    }
    return comments;
  }

  private static String comment(Statement statement, TestDatabase database, String name) throws SQLException {
    try (ResultSet rows = statement.executeQuery(database == TestDatabase.POSTGRESQL
        ? "select shobj_description(oid, 'pg_database') from pg_database where datname = '" + name + "'"
        : "select schema_comment from information_schema.schemata where schema_name = '" + name + "'")) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /**
   * @return the databases a killed run left, once its sessions on the server have ended: a PostgreSQL
   *     {@code CREATE DATABASE} the run had sent completes after its JVM is gone
   */
  static List<String> leftBy(Statement statement, String run) throws Exception {
    if (statement.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      for (int i = 0; ; i++) {
        try (ResultSet rows = statement.executeQuery("select count(*) from pg_stat_activity"
            + " where application_name = 'reflex-orm-test " + run + "'")) {
          rows.next();
          if (rows.getInt(1) == 0) {
            break;
          }
        }
        assertThat(i).as("the killed run's sessions end within a minute").isLessThan(600);
        Thread.sleep(100);
      }
    }
    return databasesOf(statement, run);
  }

  /** @return the databases whose names carry the run's id */
  static List<String> databasesOf(Statement statement, String run) throws SQLException {
    boolean postgres = statement.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
    return databases(statement, postgres ? TestDatabase.POSTGRESQL : TestDatabase.MARIADB).stream()
        .filter(name -> RUN.matcher(name).matches() && name.contains("_" + run + "_")).toList();
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
}
