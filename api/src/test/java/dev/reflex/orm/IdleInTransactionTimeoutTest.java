package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.testing.Rows;
import dev.reflex.orm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL ends a session idle in its transaction past {@code idle_in_transaction_session_timeout} with
 * {@code FATAL: terminating connection due to idle-in-transaction timeout} (SQLState 25P03): the server's own answer
 * that the transaction was rolled back, so the commit that meets it fails as rolled back, not as an unknown outcome.
 */
class IdleInTransactionTimeoutTest {
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

  @Test
  void aCommitAfterTheServersIdleInTransactionTimeoutIsReportedAsRolledBack() throws Exception {
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.POSTGRESQL.freshUrl()).provider("jdbc-test")
        .poolSize(2).build()) {
      db.transaction(s -> {
        execute(s.unwrap(Connection.class), "create table t (id int)");
        return null;
      });
      try (ReflexSession session = db.session()) {
        Connection connection = session.unwrap(Connection.class);
        long pid = backendPid(connection);
        execute(connection, "insert into t values (1)");
        // on the session's own connection only: the server ends this session, and no other
        execute(connection, "set idle_in_transaction_session_timeout = '200ms'");
        awaitBackendGone(db, pid);

        assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class)
            .isNotInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("Commit failed and the transaction was rolled back: ")
            .hasMessageContaining("idle-in-transaction");
      }
      try (Connection connection = db.dataSource().getConnection()) {
        assertThat(Rows.count(connection, "t")).isZero();
      }
    }
  }

  /** Waits until the server has ended the backend; a bound against a hang, not a measure of speed. */
  private static void awaitBackendGone(ReflexDatabase db, long pid) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Connection connection = db.dataSource().getConnection();
          PreparedStatement query =
              connection.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
        query.setLong(1, pid);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          if (rows.getInt(1) == 0) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not end backend " + pid + " within 60 s");
  }
}
