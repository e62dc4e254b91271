package dev.reflex.orm.testing;

import static dev.reflex.orm.testing.Rows.activeConnections;
import static dev.reflex.orm.testing.Rows.count;
import static dev.reflex.orm.testing.Rows.titleOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.CommitOutcomeUnknownException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import dev.reflex.orm.testing.ProviderContract.Books;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The contract's failures on a database handed to each test: work that throws, a connection that dies under the
 * ORM ({@link RefusedCommitChecks}: a commit the server refuses, on PostgreSQL). The test must not close the
 * database.
 */
public abstract class FailureChecks extends SessionChecks {
  @Test
  void exceptionInsideTransactionRollsBackAndIsRethrown(ReflexDatabase db) throws SQLException {
    Books books = contract().books();
    IllegalStateException failure = new IllegalStateException("work failed");
    assertThatThrownBy(() -> db.transaction(s -> {
      books.insert(s, 1, "half done");
      throw failure;
    })).isSameAs(failure);
    assertThat(count(db)).isZero();
    assertThat(activeConnections(db)).isZero();
  }

  @Test
  void failedCommitRollsBackIsRethrownAndReturnsTheConnection(ReflexDatabase db) throws SQLException {
    Books books = contract().books();
    assertThatThrownBy(() -> db.transaction(s -> {
      books.insert(s, 1, "lost with its connection");
      s.unwrap(Connection.class).close(); // the connection dies under the ORM: the commit must fail
      return null;
    })).isInstanceOf(UnableToCommitException.class).hasMessageContaining("rolled back");
    assertThat(count(db)).isZero();
    assertThat(activeConnections(db)).isZero();
    assertThat(titleOf(db, books, 1)).isNull();
  }

  @Test
  void afterALostConnectionTheSessionGoesOnWithAFreshOne(ReflexDatabase db) throws SQLException {
    Books books = contract().books();
    try (ReflexSession session = db.session()) {
      books.insert(session, 1, "committed");
      session.commit();
      books.insert(session, 2, "lost with its connection");
      session.unwrap(Connection.class).close(); // the connection dies under the ORM, before the commit
      assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class)
          .isNotInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageStartingWith("Commit failed and the transaction was rolled back: ");
      books.insert(session, 3, "on a fresh connection");
      assertThat(books.title(session, 3)).isEqualTo("on a fresh connection");
      session.commit();
      books.insert(session, 4, "lost again, then rolled back by hand");
      session.unwrap(Connection.class).close();
      session.rollback();
      assertThat(books.title(session, 4)).isNull();
      books.insert(session, 5, "on another fresh connection");
      session.commit();
    }
    assertThat(count(db)).isEqualTo(3);
    assertThat(titleOf(db, books, 2)).isNull();
    assertThat(activeConnections(db)).isZero();
  }
}
