package dev.reflex.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Credentials written into a {@code jdbc:} URL reach the pool as its user and password, never as part of the URL
 * HikariCP prints at DEBUG (it masks only {@code password=} parameters), and the database opens with them.
 */
class JdbcCredentialsTest {
  private static final String CANARY = "Canary-Jdbc-4471";

  private static HikariConfig config(String url) {
    DatabaseUrl parsed = UrlParser.parse(url);
    return Pools.config(parsed, Pools.poolUrl(parsed), 2, Duration.ofSeconds(5));
  }

  @Test
  void userInfoInAJdbcUrlIsThePoolsUserAndPasswordAndPostgresqlConnects() throws Exception {
    // the shared server trusts local connections, so any password opens it: what matters is where it went
    String url = TestDatabases.postgresUrl().replace("postgresql://postgres@", "jdbc:postgresql://postgres:" + CANARY
        + "@");
    HikariConfig config = config(url);
    assertThat(config.getJdbcUrl()).doesNotContain(CANARY).startsWith("jdbc:postgresql://127.0.0.1:5432/");
    assertThat(config.getUsername()).isEqualTo("postgres");
    assertThat(config.getPassword()).isEqualTo(CANARY);
    try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test").build()) {
      assertThat(db.toString()).doesNotContain(CANARY);
      try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
          ResultSet user = statement.executeQuery("select current_user")) {
        assertThat(user.next()).isTrue();
        assertThat(user.getString(1)).isEqualTo("postgres");
      }
    }
  }

  @Test
  void h2sPasswordSettingIsThePoolsPasswordAndTheDatabaseOpensWithIt() throws Exception {
    String url = "jdbc:h2:mem:credentials-" + TestDatabases.suffix() + ";USER=sa;PASSWORD=" + CANARY;
    HikariConfig config = config(url);
    assertThat(config.getJdbcUrl()).doesNotContain(CANARY).contains(";USER=sa");
    assertThat(config.getPassword()).isEqualTo(CANARY);
    try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test").build()) {
      db.ping();
      assertThat(db.toString()).doesNotContain(CANARY);
    }
  }
}
