package dev.reflex.orm.testing;

import static dev.reflex.orm.testing.Rows.activeConnections;
import static dev.reflex.orm.testing.Rows.countDirectly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.CommitOutcomeUnknownException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract's network faults, on the servers: a {@link TcpProxy} in front of a database of the test's own cuts
 * the link after the commit or freezes it. Those on a URL naming several hosts are in {@link HostFailoverContract}.
 */
public abstract class PoolFaultContract extends HostFailoverContract {
  private ReflexDatabase behind(TcpProxy proxy, String url, String settings) {
    return behind(url, proxy.url(url) + settings);
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aCommitLostInFlightIsReportedAsOutcomeUnknownAndTheServerKeptTheRow(TestDatabase database)
      throws Exception {
    Books books = books();
    String url = database.freshUrl();
    try (TcpProxy proxy = TcpProxy.inFrontOf(url); ReflexDatabase db = behind(proxy, url, "")) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "committed, but the answer was lost");
        proxy.cutAfter("COMMIT"); // the server gets the COMMIT and answers; the client never hears it
        assertThatThrownBy(session::commit).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("The connection was lost while the commit was in flight, so the outcome is"
                + " unknown: the server may have committed (")
            .hasMessageEndingWith("; check whether the work is in the database before running it again, or make"
                + " the work idempotent");
        assertThat(proxy.cuts()).isEqualTo(1);
        // the session goes on, on a fresh connection
        books.insert(session, 2, "after the loss");
        session.commit();
      }
      assertThat(countDirectly(url)).as("rows on the server: the lost commit's and the next one's").isEqualTo(2);
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aServerThatStopsAnsweringFailsTheCommitWithinTheSocketTimeout(TestDatabase database) throws Exception {
    String url = database.freshUrl();
    // the test's own bound, in the URL (seconds for pgJDBC, milliseconds for MariaDB): short, to stay fast
    String bound = database == TestDatabase.POSTGRESQL ? "?socketTimeout=2" : "?socketTimeout=2000";
    try (TcpProxy proxy = TcpProxy.inFrontOf(url); ReflexDatabase db = behind(proxy, url, bound)) {
      try (ReflexSession session = db.session()) {
        // on the connection, so that the row is on the server now: an ORM may hold it until the commit's flush,
        // and a server frozen during that flush's statement never got the commit (a plain rollback)
        try (Statement statement = session.unwrap(Connection.class).createStatement()) {
          statement.executeUpdate("insert into book (id, title) values (1, 'the server froze before it answered')");
        }
        proxy.freeze(); // nothing passes any more, and nothing closes, as with a frozen server or a dead link
        long start = System.nanoTime();
        Throwable failure = TcpProxy.within(Duration.ofSeconds(60), session::commit);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.println(provider() + " on a frozen " + database + " link: the commit failed after " + millis
            + " ms: " + failure);
        assertThat(failure).as("after %s ms", millis).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("The connection was lost while the commit was in flight, so the outcome is"
                + " unknown");
        assertThat(millis).as("milliseconds the commit waited").isBetween(1_900L, 30_000L);
      }
      proxy.close(); // the server is gone for good: the pool stops waiting for it
      assertThat(activeConnections(db)).isZero();
    }
  }
}
