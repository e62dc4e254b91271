package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.testing.Rows;
import dev.reflex.orm.testing.TcpProxy;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mariadb.jdbc.export.HaMode;

/**
 * Issue 26: MariaDB Connector/J with several hosts, in each of its failover modes (read from the driver's own
 * {@link HaMode}, so that a mode a later driver adds is tested too), through two {@link TcpProxy} instances in front
 * of one server. The commit's outcome is what the driver says: a COMMIT whose answer is lost is of unknown outcome
 * whether the driver connects again (25S03) or finds no host left (class 08, the connection closed). The
 * provider contract ({@code HostFailoverContract}) proves the default mode on every provider.
 */
class MariaDbFailoverCommitTest {
  /** Every failover mode of the driver, and the default one with its transaction replay on. */
  static Stream<String> failoverModes() {
    Stream<String> modes = Arrays.stream(HaMode.values()).filter(mode -> mode != HaMode.NONE)
        .map(mode -> "haMode=" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    return Stream.concat(modes, Stream.of("haMode=sequential&transactionReplay=true"));
  }

  private static void execute(ReflexSession session, String sql) throws SQLException {
    try (Statement statement = session.unwrap(Connection.class).createStatement()) {
      statement.execute(sql);
    }
  }

  private static ReflexDatabase open(String url) throws SQLException {
    ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test").poolSize(1).build();
    try (ReflexSession session = db.session()) {
      execute(session, "create table t (id int primary key)");
      session.commit();
    }
    return db;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failoverModes")
  void aCommitWhoseAnswerIsLostIsOfUnknownOutcomeAndTheConnectionGoesOnOnAnotherHost(String mode) throws Exception {
    String url = TestDatabase.MARIADB.freshUrl();
    try (TcpProxy first = TcpProxy.inFrontOf(url); TcpProxy second = TcpProxy.inFrontOf(url);
        ReflexDatabase db = open(TcpProxy.over(url, first, second) + "?" + mode)) {
      try (ReflexSession session = db.session()) {
        execute(session, "insert into t values (1)");
        // a load-balancing mode may have put the connection on either host
        first.cutAfter("COMMIT");
        second.cutAfter("COMMIT");
        assertThatThrownBy(session::commit).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageContaining("during a COMMIT statement [SQLState 25S03]");
        first.disarm();
        second.disarm();
        assertThat(first.cuts() + second.cuts()).isEqualTo(1);
        execute(session, "insert into t values (2)");
        session.commit();
      }
      try (Connection connection = db.dataSource().getConnection()) {
        assertThat(Rows.count(connection, "t")).as("the lost commit's row and the next one's").isEqualTo(2);
      }
    }
  }

  @Test
  void aCommitWhoseAnswerIsLostWithNoHostLeftIsOfUnknownOutcome() throws Exception {
    String url = TestDatabase.MARIADB.freshUrl();
    TcpProxy gone = TcpProxy.inFrontOf(url);
    gone.close(); // a second host that refuses connections
    try (TcpProxy first = TcpProxy.inFrontOf(url);
        // the driver tries hosts that are all down 120 times, 250 ms apart, unless told otherwise
        ReflexDatabase db = open(TcpProxy.over(url, first, gone) + "?retriesAllDown=2")) {
      try (ReflexSession session = db.session()) {
        execute(session, "insert into t values (1)");
        first.dieAfter("COMMIT"); // the server commits, answers, and is gone with its answer
        assertThatThrownBy(session::commit).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageContaining("[SQLState 08");
      }
    }
    try (Connection connection = TestDatabases.connect(url)) {
      assertThat(Rows.count(connection, "t")).as("the lost commit's row").isEqualTo(1);
    }
  }
}
