package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToConnectException;
import dev.reflex.orm.testing.OwnPostgresCluster;
import dev.reflex.orm.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on real servers: an outage (of a PostgreSQL cluster of the test's own), a server that never answers, an
 * exhausted pool, failing work.
 */
class FaultTest {
  static final String PROVIDER = "jdbi";

  private static void execute(ReflexSession session, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = session.unwrap(Connection.class).prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.execute();
    }
  }

  private static long count(ReflexDatabase db, String sql) throws SQLException {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static int active(ReflexDatabase db) {
    return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
  }

  /** Stops and starts a PostgreSQL cluster of the test's own: the shared server on 5432 is never touched. */
  @Test
  void postgresqlOutageFailsClearlyAndTheSameDatabaseRecoversAfterTheRestart() throws Exception {
    try (OwnPostgresCluster cluster = OwnPostgresCluster.start()) {
      String url = cluster.url();
      try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider(PROVIDER).poolSize(4)
          .poolTimeout(Duration.ofSeconds(3)).build()) {
        db.transaction(s -> {
          execute(s, "create table t (id int primary key)");
          execute(s, "insert into t values (1)");
          return null;
        });
        try {
          cluster.stop();
          List<Throwable> failures = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            failures.add(catchThrowable(() -> assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> db.transaction(s -> {
                  execute(s, "insert into t values (2)");
                  return null;
                }))));
          }
          failures.forEach(failure -> System.out.println("PostgreSQL outage: the session failed with " + failure));
          // a pooled connection that was idle when the server went down is handed out once and fails inside the
          // work, with the driver's own word for it; HikariCP then drops it, and every later session fails to
          // connect, within the pool timeout, with our line
          assertThat(failures).allSatisfy(failure -> assertThat(failure).isNotNull().satisfiesAnyOf(
              f -> assertThat(f).isInstanceOf(UnableToConnectException.class)
                  .hasMessageContaining("Unable to connect to " + url)
                  .hasMessageContaining("check that the database server is running"),
              f -> assertThat(f).isInstanceOf(SQLException.class).hasMessageContaining("terminating connection")));
          assertThat(failures.get(failures.size() - 1)).isInstanceOf(UnableToConnectException.class);
        } finally {
          cluster.startAgain();
        }
        // the same ReflexDatabase, no restart of the application: HikariCP replaces the dead connections
        long rows = -1;
        for (int attempt = 0; attempt < 20 && rows < 0; attempt++) {
          try {
            db.transaction(s -> {
              execute(s, "insert into t values (3)");
              return null;
            });
            rows = count(db, "select count(*) from t");
          } catch (UnableToConnectException e) {
            Thread.sleep(500); // the server may still be starting its listener
          }
        }
        assertThat(rows).isEqualTo(2);
        assertThat(active(db)).isZero();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql://app:pw@127.0.0.1:%d/app", "mariadb://app:pw@127.0.0.1:%d/app"})
  void aServerThatNeverAnswersTimesOutWithAClearError(String form) throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // accept, then say nothing, ever
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = String.format(form, silent.getLocalPort());
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() ->
          ReflexDatabase.builder().url(url).provider(PROVIDER).poolTimeout(Duration.ofSeconds(1)).build())
          .isInstanceOf(UnableToConnectException.class)
          .hasMessageStartingWith("Unable to connect to " + url.replace(":pw@", ":***@")));
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void anExhaustedPoolFailsWithinItsTimeoutShowingItsState() throws Exception {
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.POSTGRESQL.freshUrl()).provider(PROVIDER)
        .poolSize(2).poolTimeout(Duration.ofMillis(500)).build()) {
      try (ReflexSession first = db.session(); ReflexSession second = db.session()) {
        first.unwrap(Connection.class); // a session takes its connection at its first unwrap
        second.unwrap(Connection.class);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
            () -> db.transaction(s -> s.unwrap(Connection.class)))
            .isInstanceOf(UnableToConnectException.class)
            .hasMessageStartingWith("No database connection free within 500 ms (pool reflex-")
            .hasMessageContaining("total=2, active=2, idle=0, waiting=0, maximum 2")
            .hasMessageContaining("close each session when done (try-with-resources), or raise REFLEX_DB_POOL_SIZE"));
      }
      try (ReflexSession again = db.session()) {
        assertThat(again.unwrap(Connection.class).isValid(1)).isTrue();
      }
    }
  }

  @Test
  void tenThousandTransactionsWithOneInTenThrowingLeaveNoPartialRowAndNoActiveConnection() throws Exception {
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.POSTGRESQL.freshUrl()).provider(PROVIDER)
        .poolSize(4).build()) {
      db.transaction(s -> {
        execute(s, "create table pair (id int, part int)");
        return null;
      });
      int failed = 0;
      for (int i = 0; i < 10_000; i++) {
        int id = i;
        try {
          db.transaction(s -> {
            execute(s, "insert into pair values (?, 1)", id);
            if (id % 10 == 7) {
              throw new IllegalStateException("work " + id + " failed half way");
            }
            execute(s, "insert into pair values (?, 2)", id);
            return null;
          });
        } catch (IllegalStateException expected) {
          failed++;
        }
      }
      assertThat(failed).isEqualTo(1000);
      assertThat(count(db, "select count(*) from pair")).isEqualTo(18_000);
      assertThat(count(db, "select count(*) from pair where mod(id, 10) = 7")).isZero();
      assertThat(count(db, "select count(*) from (select id from pair group by id having count(*) <> 2) x")).isZero();
      assertThat(active(db)).isZero();
    }
  }
}
