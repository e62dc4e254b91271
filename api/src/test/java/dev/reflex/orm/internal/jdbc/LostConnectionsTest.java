package dev.reflex.orm.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * The rule that tells a commit lost in flight from one the server refused, on the shapes the drivers and ORMs
 * throw (an ORM's exception around the driver's). The real drivers are exercised by the contract suite.
 */
class LostConnectionsTest {
  private static RuntimeException orm(Throwable driver) {
    return new IllegalStateException("Unable to commit against JDBC Connection", driver);
  }

  @Test
  void theServersRefusalIsARollbackEvenWhenTheConnectionClosedAfterwards() {
    assertThat(LostConnections.lostInFlight(orm(new SQLException("could not serialize access", "40001")), true))
        .isFalse();
    assertThat(LostConnections.lostInFlight(orm(new SQLException("duplicate key value", "23505")), false)).isFalse();
  }

  @Test
  void aConnectionFailureIsALossWhateverTheConnectionSays() {
    SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
        new EOFException());
    assertThat(LostConnections.lostInFlight(orm(io), false)).isTrue();
    assertThat(LostConnections.lostInFlight(orm(new SQLNonTransientConnectionException("Socket error")), false))
        .isTrue();
    assertThat(LostConnections.lostInFlight(orm(new SQLException("Read timed out", new SocketTimeoutException())),
        false)).isTrue();
  }

  @Test
  void anyOtherFailureIsALossOnlyWhenTheConnectionIsClosedAfterIt() {
    SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
    assertThat(LostConnections.lostInFlight(orm(terminated), true)).isTrue();
    assertThat(LostConnections.lostInFlight(orm(terminated), false)).isFalse();
    assertThat(LostConnections.lostInFlight(new IllegalStateException("no SQLException at all"), false)).isFalse();
  }

  /** MariaDB Connector/J 3.5's lines (MultiPrimaryClient), after it connected again to a host, the Connection open. */
  @Test
  void mariadbsReconnectionIsUnknownWhenTheCommitWasInFlightAndARollbackWhenAStatementBeforeItWas() {
    SQLTransientConnectionException duringCommit = new SQLTransientConnectionException("Driver has reconnect"
        + " connection after a communications failure with 127.0.0.1:3306 during a COMMIT statement", "25S03");
    assertThat(LostConnections.lostInFlight(orm(duringCommit), false)).isTrue();
    SQLTransientConnectionException transactionLost = new SQLTransientConnectionException("Driver has reconnect"
        + " connection after a communications link failure with 127.0.0.1:3306. In progress transaction was lost",
        "25S03");
    assertThat(LostConnections.lostInFlight(orm(transactionLost), false)).isFalse();
    SQLTransientConnectionException firstStatement = new SQLTransientConnectionException("Driver has reconnect"
        + " connection after a communications link failure with 127.0.0.1:3306", "25S03");
    assertThat(LostConnections.lostInFlight(orm(firstStatement), false)).isFalse();
  }

  @Test
  void theMessageSaysTheOutcomeIsUnknownAndWhatToCheckWithTheDriversLine() {
    SQLException io = new SQLException("An I/O error occurred\n while sending to the backend.", "08006",
        new EOFException());
    RuntimeException failure = orm(io);
    assertThat(LostConnections.outcomeUnknown(failure)).hasMessage("The connection was lost while the commit was"
        + " in flight, so the outcome is unknown: the server may have committed (An I/O error occurred while"
        + " sending to the backend. [SQLState 08006]); check whether the work is in the database before running it"
        + " again, or make the work idempotent").hasCauseReference(failure);
  }
}
