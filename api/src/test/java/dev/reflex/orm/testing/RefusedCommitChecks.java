package dev.reflex.orm.testing;

import static dev.reflex.orm.testing.Rows.activeConnections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.CommitOutcomeUnknownException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A commit the server refuses, for the databases that can refuse one: a deferred unique constraint, checked only
 * at the commit (PostgreSQL). A test class on such a database implements it beside {@link FailureChecks}, so the
 * check exists only where it can run.
 */
public interface RefusedCommitChecks {
  @Test
  default void aCommitTheServerRefusesIsReportedAsRolledBack(ReflexDatabase db) throws SQLException {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table pair (id int, constraint pair_id unique (id) deferrable initially deferred)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
    try (ReflexSession session = db.session()) {
      try (Statement statement = session.unwrap(Connection.class).createStatement()) {
        statement.executeUpdate("insert into pair values (1), (1)"); // checked only at the commit
      }
      assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class)
          .isNotInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageStartingWith("Commit failed and the transaction was rolled back: ")
          .hasMessageContaining("pair_id");
      try (Statement statement = session.unwrap(Connection.class).createStatement()) {
        statement.executeUpdate("insert into pair values (2)");
      }
      session.commit();
    }
    try (Connection connection = db.dataSource().getConnection()) {
      assertThat(Rows.count(connection, "pair")).isEqualTo(1);
    }
    assertThat(activeConnections(db)).isZero();
  }
}
