package dev.reflex.orm.testing;

import static dev.reflex.orm.testing.Rows.activeConnections;
import static dev.reflex.orm.testing.Rows.count;
import static dev.reflex.orm.testing.Rows.titleOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.testing.ProviderContract.Books;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract's sessions and transactions, on a database handed to each test with the {@code book} table empty
 * (a parameter resolved by whoever runs the checks: reflex-orm-test's extension in {@code ExtensionContract}).
 * The test must not close the database.
 */
public abstract class SessionChecks {
  /** @return the provider's contract: its name, its books, its ORM's types */
  protected abstract ProviderContract contract();

  /** @return the kind of database the checks run on */
  protected abstract TestDatabase database();

  @Test
  void sessionHandsOutTheOrmsOwnObjects(ReflexDatabase db) {
    try (ReflexSession session = db.session()) {
      assertThat(session.provider()).isEqualTo(contract().provider());
      for (Class<?> type : contract().nativeTypes()) {
        assertThat(session.unwrap(type)).as("unwrap(%s)", type.getName()).isInstanceOf(type);
      }
    }
  }

  @Test
  void theProviderDeclaresExactlyTheTypesItHandsOut(ReflexDatabase db) {
    // what reflex-orm-test offers as a test's parameters, without naming any ORM itself
    assertThat(db.sessionTypes()).containsExactlyInAnyOrderElementsOf(contract().nativeTypes());
  }

  @Test
  void createReadUpdateDeleteThroughTheOrm(ReflexDatabase db) {
    Books books = contract().books();
    db.transaction(s -> {
      books.insert(s, 1, "Dune");
      return null;
    });
    assertThat(titleOf(db, books, 1)).isEqualTo("Dune");
    db.transaction(s -> {
      books.rename(s, 1, "Dune Messiah");
      return null;
    });
    assertThat(titleOf(db, books, 1)).isEqualTo("Dune Messiah");
    db.transaction(s -> {
      books.delete(s, 1);
      return null;
    });
    assertThat(titleOf(db, books, 1)).isNull();
    assertThat(activeConnections(db)).isZero();
  }

  @Test
  void commitMakesWorkVisibleAndRollbackDiscardsIt(ReflexDatabase db) throws SQLException {
    Books books = contract().books();
    try (ReflexSession session = db.session()) {
      books.insert(session, 1, "kept");
      session.commit();
      books.insert(session, 2, "discarded");
      session.rollback();
      assertThat(books.title(session, 2)).isNull();
      books.insert(session, 3, "kept too");
      session.commit();
    }
    assertThat(count(db)).isEqualTo(2);
  }

  @Test
  void closeRollsBackUncommittedWork(ReflexDatabase db) throws SQLException {
    try (ReflexSession session = db.session()) {
      contract().books().insert(session, 1, "never committed");
    }
    assertThat(count(db)).isZero();
    assertThat(activeConnections(db)).isZero();
  }

  @Test
  void workAfterACommitIsRolledBackOnClose(ReflexDatabase db) throws SQLException {
    Books books = contract().books();
    try (ReflexSession session = db.session()) {
      books.insert(session, 1, "committed");
      session.commit();
      books.insert(session, 2, "after the commit, never committed");
    }
    try (ReflexSession session = db.session()) {
      books.insert(session, 3, "committed");
      session.commit();
      // work on the session's own connection is the session's too, though the ORM saw none of it
      try (Statement statement = session.unwrap(Connection.class).createStatement()) {
        statement.executeUpdate("insert into book (id, title) values (4, 'on the connection, never committed')");
      }
    }
    assertThat(count(db)).isEqualTo(2);
    assertThat(activeConnections(db)).isZero();
  }

  @Test
  void aThousandSessionsInARowLeaveNoActiveConnection(ReflexDatabase db) {
    Books books = contract().books();
    db.transaction(s -> {
      books.insert(s, 1, "Dune");
      return null;
    });
    for (int i = 0; i < 1000; i++) {
      try (ReflexSession session = db.session()) {
        assertThat(books.title(session, 1)).isEqualTo("Dune");
      }
    }
    assertThat(activeConnections(db)).isZero();
  }

  @Test
  void eightThreadsOfTwoHundredTransactionsKeepEveryRow(ReflexDatabase db) throws Exception {
    Books books = contract().books();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long base = t * 1000L;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            long id = base + i;
            db.transaction(s -> {
              books.insert(s, id, "book " + id);
              return null;
            });
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(db)).isEqualTo(1600);
    assertThat(activeConnections(db)).isZero();
  }
}
