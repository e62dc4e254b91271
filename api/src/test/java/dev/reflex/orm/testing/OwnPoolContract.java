package dev.reflex.orm.testing;

import static dev.reflex.orm.testing.Rows.activeConnections;
import static dev.reflex.orm.testing.Rows.count;
import static dev.reflex.orm.testing.Rows.titleOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract's tests that build a database of their own, on each of the five databases: on a data source that
 * records the transaction calls, on an application's own data source, with a short pool timeout.
 */
public abstract class OwnPoolContract extends ProviderContract {
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSessionCommitsAndSwitchesAutoCommitAsTheOrmsOwnSession(TestDatabase database) throws SQLException {
    Books books = books();
    try (TransactionCalls recorder = new TransactionCalls(database);
        ReflexDatabase db = open(ReflexDatabase.builder().dataSource(recorder.pool()))) {
      db.transaction(s -> {
        books.insert(s, 1, "Dune");
        return null;
      });
      // each way once before recording: an ORM's first use may do work of its own
      assertThat(titleThroughOwnSession(db, 1)).isEqualTo("Dune");
      assertThat(titleOf(db, books, 1)).isEqualTo("Dune");

      recorder.clear();
      assertThat(titleThroughOwnSession(db, 1)).isEqualTo("Dune");
      List<String> own = recorder.changes();
      recorder.clear();
      assertThat(titleOf(db, books, 1)).isEqualTo("Dune");
      List<String> session = recorder.changes();

      assertThat(own).contains("commit()");
      assertThat(session).as("what a session changed, against the ORM's own session's %s (all calls: %s)", own,
          recorder.calls()).isEqualTo(own);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anApplicationsOwnDataSourceGetsItsConnectionBackRolledBackInAutoCommit(TestDatabase database)
      throws SQLException {
    Books books = books();
    // the table lives in a reflex-orm database; the application's own data source lends one of its connections
    try (ReflexDatabase owner = open(database); Connection connection = owner.dataSource().getConnection()) {
      OneConnectionDataSource own = new OneConnectionDataSource(connection);
      try (ReflexDatabase db = ReflexDatabase.builder().dataSource(own).provider(provider()).register(registered())
          .build()) {
        try (ReflexSession session = db.session()) {
          books.insert(session, 1, "committed");
          session.commit();
          books.insert(session, 2, "never committed");
        }
        assertThat(connection.getAutoCommit()).as("auto-commit as the data source lent it").isTrue();
        assertThat(Rows.count(connection, "book")).isEqualTo(1);
      }
    }
  }

  /**
   * Another writer (here a plain connection of this JVM, standing for another process or a {@code reflex-db update})
   * holds the SQLite file's write lock for longer than the pool timeout, so that sessions fail to begin. Once it lets
   * go, no pooled connection may be left believing it is in a transaction while it commits every statement at once:
   * work that threw and sessions closed without commit leave no row, and commits succeed.
   */
  @Test
  void aBeginThatFindsTheSqliteFileLockedFailsTheSessionAndLeavesNoConnectionInAutoCommit() throws SQLException {
    Books books = books();
    String url = TestDatabase.SQLITE_FILE.freshUrl();
    try (ReflexDatabase db = open(ReflexDatabase.builder().url(url).poolSize(4).poolTimeout(Duration.ofMillis(500)))) {
      db.transaction(s -> {
        books.insert(s, 1, "before the lock");
        return null;
      });
      try (Connection writer = TestDatabases.connect(url); Statement statement = writer.createStatement()) {
        statement.execute("begin immediate");
        for (int i = 0; i < 6; i++) {
          assertThatThrownBy(() -> db.transaction(s -> s.unwrap(Connection.class)))
              .isInstanceOf(UnableToConnectException.class)
              .hasMessageContaining("No transaction could begin on")
              .hasMessageContaining("another writer")
              .hasMessageContaining("REFLEX_DB_POOL_TIMEOUT")
              .hasMessageNotContaining("database server");
        }
        statement.execute("rollback");
      }
      for (int i = 0; i < 8; i++) {
        long id = 100 + i;
        assertThatThrownBy(() -> db.transaction(s -> {
          books.insert(s, id, "thrown");
          throw new IllegalStateException("work failed");
        })).isInstanceOf(IllegalStateException.class);
        try (ReflexSession session = db.session()) {
          books.insert(session, 200 + i, "never committed");
        }
        db.transaction(s -> {
          books.insert(s, 300 + id, "committed");
          return null;
        });
      }
      assertThat(count(db)).as("the first row and the eight committed ones").isEqualTo(9);
      assertThat(activeConnections(db)).isZero();
    }
  }
}
