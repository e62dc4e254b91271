package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.testing.OwnPostgresCluster;
import dev.reflex.orm.testing.TcpProxy;
import dev.reflex.orm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that stops answering mid-transaction: every connection waits for it a bounded time (five minutes
 * unless the URL says otherwise), then the session fails with one clear line instead of hanging its thread. A
 * frozen link (the test's TCP proxy) is proven for every provider in {@code PoolFaultContract}; here a real backend
 * is frozen with {@code kill -STOP}, on a PostgreSQL cluster of the test's own.
 */
class FrozenServerTest {
  /** The test's own bound, in the URL: short, so that the test stays fast. */
  private static final Duration BOUND = Duration.ofSeconds(2);
  /** Far above the bound; past it the thread is taken as hung. */
  private static final Duration HUNG = Duration.ofSeconds(60);

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long backendPid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void assertOutcomeUnknown(Throwable failure, long millis) {
    assertThat(failure).isInstanceOf(CommitOutcomeUnknownException.class)
        .hasMessageStartingWith("The connection was lost while the commit was in flight, so the outcome is unknown")
        .hasMessageContaining("check whether the work is in the database before running it again");
    assertThat(millis).as("milliseconds the commit waited").isGreaterThanOrEqualTo(BOUND.toMillis() - 100)
        .isLessThan(HUNG.toMillis());
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
  void aFrozenPostgresqlBackendFailsTheCommitWithinTheSocketTimeout(TestDatabase kind) throws Exception {
    try (OwnPostgresCluster cluster = OwnPostgresCluster.start()) {
      String url = cluster.url() + "?socketTimeout=" + BOUND.toSeconds();
      try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test").poolSize(2).build()) {
        db.transaction(s -> {
          execute(s.unwrap(Connection.class), "create table t (id int)");
          return null;
        });
        try (ReflexSession session = db.session()) {
          Connection connection = session.unwrap(Connection.class);
          execute(connection, "insert into t values (1)");
          cluster.freeze(backendPid(connection)); // kill -STOP: the backend neither answers nor closes
          long start = System.nanoTime();
          Throwable failure = TcpProxy.within(HUNG, session::commit);
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          System.out.println("frozen PostgreSQL backend: the commit failed after " + millis + " ms: " + failure);
          assertOutcomeUnknown(failure, millis);
          cluster.thaw();
        }
        assertThat(((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections()).isZero();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aServerConnectionWaitsFiveMinutesAtMostByDefaultAndTheUrlWins(TestDatabase kind) throws Exception {
    String url = kind.freshUrl();
    try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test").poolSize(1).build();
        ReflexSession session = db.session()) {
      assertThat(session.unwrap(Connection.class).getNetworkTimeout()).isEqualTo(300_000);
    }
    String own = url + (kind == TestDatabase.POSTGRESQL ? "?socketTimeout=7" : "?socketTimeout=7000");
    try (ReflexDatabase db = ReflexDatabase.builder().url(own).provider("jdbc-test").poolSize(1).build();
        ReflexSession session = db.session()) {
      assertThat(session.unwrap(Connection.class).getNetworkTimeout()).isEqualTo(7_000);
    }
  }
}
