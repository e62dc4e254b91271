package dev.reflex.orm.testing;

import static dev.reflex.orm.testing.Rows.activeConnections;
import static dev.reflex.orm.testing.Rows.countDirectly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reflex.orm.CommitOutcomeUnknownException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract's faults on a URL that names several hosts: two {@link TcpProxy} instances in front of one server
 * stand for two hosts, and the first loses the link at the worst moment. pgJDBC gives up the connection; MariaDB's
 * driver connects again to the next host, on the same {@code Connection}, and says with SQLState 25S03 what became
 * of the work (RELIABILITY.md, "The commit's outcome, per driver").
 */
public abstract class HostFailoverContract extends OwnPoolContract {
  /**
   * Migrates the database straight on the server, then opens it through the proxies: a proxy spots a commit by its
   * text, which pgJDBC stops sending once the migration's commits made it a server-prepared statement.
   *
   * @param url the server's URL
   * @param proxied the same database through the proxies, with the test's settings
   * @return the database, with a pool of 4
   */
  protected ReflexDatabase behind(String url, String proxied) {
    migrate(new PlainDataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return TestDatabases.connect(url);
      }
    });
    return ReflexDatabase.builder().url(proxied).poolSize(4).provider(provider()).register(registered()).build();
  }

  /** The URL's query for two hosts: libpq's choice of a primary; MariaDB's default for several hosts, in order. */
  private static String severalHosts(TestDatabase database) {
    return database == TestDatabase.POSTGRESQL ? "?target_session_attrs=read-write" : "";
  }

  /**
   * Issue 26: MariaDB's driver with several hosts ({@code jdbc:mariadb:sequential:}) answered a link lost during
   * COMMIT by connecting to the next host and throwing SQLState 25S03 on a connection that stays open, which was
   * reported as rolled back although the server had committed.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aCommitLostInFlightWithSeveralHostsIsReportedAsOutcomeUnknownAndTheServerKeptTheRow(TestDatabase database)
      throws Exception {
    Books books = books();
    String url = database.freshUrl();
    try (TcpProxy first = TcpProxy.inFrontOf(url); TcpProxy second = TcpProxy.inFrontOf(url);
        ReflexDatabase db = behind(url, TcpProxy.over(url, first, second) + severalHosts(database))) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "committed, but the answer was lost");
        int secondBefore = second.accepted();
        first.cutAfter("COMMIT");
        // pgJDBC: the I/O error, on a closed connection; MariaDB's driver: "Driver has reconnect connection after a
        // communications failure with ... during a COMMIT statement", on a connection now open to the second host
        String driverSays = database == TestDatabase.POSTGRESQL ? "[SQLState 08006]"
            : "during a COMMIT statement [SQLState 25S03]";
        assertThatThrownBy(session::commit).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("The connection was lost while the commit was in flight, so the outcome is"
                + " unknown: the server may have committed (")
            .hasMessageContaining(driverSays);
        assertThat(first.cuts()).isEqualTo(1);
        if (database == TestDatabase.MARIADB) {
          assertThat(second.accepted()).as("connections the driver opened to the second host")
              .isGreaterThan(secondBefore);
        }
        books.insert(session, 2, "after the loss");
        session.commit();
      }
      assertThat(countDirectly(url)).as("rows on the server: the lost commit's and the next one's").isEqualTo(2);
      assertThat(activeConnections(db)).isZero();
    }
  }

  /**
   * The other half of MariaDB's 25S03: a statement whose link is lost inside a transaction was never committed: the
   * server rolled the transaction back when the link went, and the driver's line names no COMMIT ("In progress
   * transaction was lost", or only "after a communications link failure with ..." for a transaction's first
   * statement). An ORM that sends the statement at once fails in the work; one that holds it until the commit's
   * flush (Hibernate) fails the commit, as rolled back, never as of unknown outcome.
   */
  @Test
  void workLostWithItsTransactionWhileMariadbsDriverFailsOverIsReportedAsRolledBack() throws Exception {
    Books books = books();
    String url = TestDatabase.MARIADB.freshUrl();
    try (TcpProxy first = TcpProxy.inFrontOf(url); TcpProxy second = TcpProxy.inFrontOf(url);
        ReflexDatabase db = behind(url, TcpProxy.over(url, first, second))) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "committed before");
        session.commit();
        books.insert(session, 2, "lost with its transaction");
        first.cutAfter("insert into book");
        Throwable failure = catchThrowable(() -> books.insert(session, 3, "lost with its transaction too"));
        if (failure == null) {
          failure = catchThrowable(session::commit);
          assertThat(failure).isInstanceOf(UnableToCommitException.class)
              .isNotInstanceOf(CommitOutcomeUnknownException.class)
              .hasMessageStartingWith("Commit failed and the transaction was rolled back: ");
        }
        assertThat(failure).rootCause().isInstanceOf(SQLTransientConnectionException.class)
            .hasMessageStartingWith("Driver has reconnect connection after a communications link failure with ")
            .satisfies(root -> assertThat(((SQLException) root).getSQLState()).isEqualTo("25S03"));
        assertThat(first.cuts()).isEqualTo(1);
      }
      assertThat(countDirectly(url)).as("rows on the server: only the one committed before").isEqualTo(1);
      assertThat(activeConnections(db)).isZero();
    }
  }
}
