package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reflex.orm.internal.Settings;
import dev.reflex.orm.testing.TestDatabases;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the builder, the system properties, the environment and the defaults meet in a real database. */
class ConfigurationTest {
  private static ReflexDatabaseBuilder builder(Map<String, String> environment) {
    return new ReflexDatabaseBuilder(new Settings(environment::get, name -> null));
  }

  @Test
  void theEnvironmentUrlIsUsedWhenTheBuilderSetsNone() throws Exception {
    Path file = TestDatabases.tempDir().resolve("from-env-" + TestDatabases.suffix() + ".db");
    try (ReflexDatabase db = builder(Map.of("REFLEX_DB_URL", "sqlite:///" + file)).provider("jdbc-test").build()) {
      db.ping();
    }
    assertThat(file).exists();
  }

  @Test
  void theBuilderUrlWinsOverTheEnvironment() throws Exception {
    Path file = TestDatabases.tempDir().resolve("from-builder-" + TestDatabases.suffix() + ".db");
    try (ReflexDatabase db = builder(Map.of("REFLEX_DB_URL", "oracle://not/used")).url("sqlite:///" + file)
        .provider("jdbc-test").build()) {
      db.ping();
    }
    assertThat(file).exists();
  }

  @Test
  void anInvalidSettingFailsTheBuildBeforeAnythingIsOpened() {
    Path file = TestDatabases.tempDir().resolve("never-" + TestDatabases.suffix() + ".db");
    assertThatThrownBy(() -> builder(Map.of("REFLEX_DB_URL", "sqlite:///" + file, "REFLEX_DB_POOL_SIZE", "abc"))
        .provider("jdbc-test").build()).isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("REFLEX_DB_POOL_SIZE must be a whole number from 1 to 1000, got \"abc\"");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void anAtSignInTheQueryIsNotTakenForTheEndOfTheCredentials() throws Exception {
    String url = TestDatabases.postgresUrl() + "?ApplicationName=ops@host1";
    try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test").build();
        Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet name = statement.executeQuery("select current_setting('application_name')")) {
      assertThat(name.next()).isTrue();
      assertThat(name.getString(1)).isEqualTo("ops@host1");
    }
    Throwable refused = catchThrowable(() -> ReflexDatabase.builder().provider("jdbc-test")
        .url("postgresql://app:pw-1@127.0.0.1:1/app?application_name=ops@host1").poolTimeout(Duration.ofSeconds(1))
        .build());
    assertThat(refused).isInstanceOf(UnableToConnectException.class)
        .hasMessageContaining("postgresql://app:***@127.0.0.1:1/app?application_name=ops@host1")
        .hasMessageNotContaining("pw-1");
  }

  @Test
  void aSqliteFileThatCannotBeOpenedIsNamedAsAFileNotAsAServer() {
    Path file = TestDatabases.tempDir().resolve("no-such-folder-" + TestDatabases.suffix()).resolve("app.db");
    assertThatThrownBy(() -> ReflexDatabase.builder().url("sqlite:///" + file).provider("jdbc-test").build())
        .isInstanceOf(UnableToConnectException.class)
        .hasMessageStartingWith("Unable to open the SQLite file sqlite:///" + file + ": ")
        .hasMessageContaining("check that its folder exists").hasMessageNotContaining("database server");
  }

  @Test
  void builderValuesAreCheckedWhenSet() {
    assertThatThrownBy(() -> ReflexDatabase.builder().poolSize(0)).isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("poolSize must be a whole number from 1 to 1000, got 0");
    assertThatThrownBy(() -> ReflexDatabase.builder().poolTimeout(Duration.ofMillis(10)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("poolTimeout must be a number of seconds from 0.25 to 3600, got \"PT0.01S\"");
  }

  @Test
  void aClosedDatabaseSaysSoAndCloseIsIdempotent() {
    ReflexDatabase db = ReflexDatabase.builder().url("sqlite://").provider("jdbc-test").build();
    ReflexSession session = db.session();
    session.close();
    session.close();
    assertThatThrownBy(() -> session.unwrap(java.sql.Connection.class)).isInstanceOf(ReflexException.class)
        .hasMessage("This jdbc-test session is closed: open a new one with ReflexDatabase.session() or"
            + " Reflex.session()");
    db.close();
    db.close();
    assertThat(db.isClosed()).isTrue();
    assertThatThrownBy(db::session).isInstanceOf(ReflexException.class)
        .hasMessageStartingWith("This ReflexDatabase (sqlite://) is closed");
  }

  @Test
  void anInMemoryDatabaseIsSharedByEverySessionOfItsDatabase() throws Exception {
    for (String url : new String[] {"sqlite://", "h2://"}) {
      try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test").build()) {
        db.transaction(s -> s.unwrap(java.sql.Connection.class).createStatement()
            .execute("create table t (id int)"));
        // a second session, and so possibly another pooled connection, sees the same database
        int rows = db.transaction(s -> {
          try (var r = s.unwrap(java.sql.Connection.class).createStatement().executeQuery("select count(*) from t")) {
            r.next();
            return r.getInt(1);
          }
        });
        assertThat(rows).isZero();
      }
    }
  }
  @Test
  void aMissingDriverNamesOnlyTheJarToAdd() throws Exception {
    // an application whose class path holds no JDBC driver at all: the test loader's drivers are out of sight
    Thread thread = Thread.currentThread();
    ClassLoader own = thread.getContextClassLoader();
    ReflexDatabaseBuilder builder = ReflexDatabase.builder()
        .url("postgresql://app:" + "s3cret-canary" + "@127.0.0.1:1/shop").provider("jdbc-test");
    try {
      thread.setContextClassLoader(new ClassLoader(own) {
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
          return name.equals("META-INF/services/java.sql.Driver") ? Collections.emptyEnumeration()
              : super.getResources(name);
        }
      });
      assertThatThrownBy(builder::build).isInstanceOf(UnableToConnectException.class)
          .hasMessage("No JDBC driver on the class path or module path accepts postgresql://app:***@127.0.0.1:1/shop"
              + " (drivers found: none): add the PostgreSQL driver jar, org.postgresql:postgresql, to the"
              + " application's dependencies (runtime scope)")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-canary", "server", "password"));
    } finally {
      thread.setContextClassLoader(own);
    }
  }
}
