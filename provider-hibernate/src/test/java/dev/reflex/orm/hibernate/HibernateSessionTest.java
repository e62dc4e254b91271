package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import dev.reflex.orm.hibernate.model.Book;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TransactionCalls;
import java.sql.Connection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a Hibernate session does beyond the shared contract. */
class HibernateSessionTest {
  @Test
  void sessionKeepsOneConnectionAcrossCommitsAndRollbacks() throws Exception {
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()));
        ReflexSession session = db.session()) {
      Connection first = session.unwrap(Connection.class);
      session.unwrap(Session.class).persist(new Book(1, "Dune"));
      session.commit();
      session.rollback();
      assertThat(session.unwrap(Connection.class)).isSameAs(first);
      assertThat(first.getAutoCommit()).as("inside a transaction").isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void sessionMakesExactlyTheJdbcCallsOfHibernatesOwnSession(TestDatabase database) throws Exception {
    try (TransactionCalls recorder = new TransactionCalls(database);
        ReflexDatabase db = BookTable.open(ReflexDatabase.builder().dataSource(recorder.pool()))) {
      SessionFactory factory = db.unwrap(SessionFactory.class);
      try (Session own = factory.openSession()) { // Hibernate's first session may do work of its own
        own.beginTransaction();
        own.persist(new Book(1, "Dune"));
        own.getTransaction().commit();
      }

      recorder.clear();
      try (Session own = factory.openSession()) {
        own.beginTransaction();
        own.persist(new Book(2, "Emma"));
        own.getTransaction().commit();
        own.beginTransaction();
        own.find(Book.class, 1L);
        own.getTransaction().commit();
      }
      List<String> hibernate = recorder.calls();
      recorder.clear();
      try (ReflexSession session = db.session()) {
        session.unwrap(Session.class).persist(new Book(3, "Ulysses"));
        session.commit();
        session.unwrap(Session.class).find(Book.class, 1L);
        session.commit();
      }

      assertThat(hibernate).containsExactly("setAutoCommit(false)", "commit()", "commit()", "setAutoCommit(true)");
      assertThat(recorder.calls()).isEqualTo(hibernate);
      assertThat(BookTable.count(db)).isEqualTo(3);
    }
  }

  @Test
  void theApplicationsOwnHibernateSessionsCommitTheirTransactionsAndLoseWhatTheyDoNotCommit() throws Exception {
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.POSTGRESQL.freshUrl()))) {
      SessionFactory factory = db.unwrap(SessionFactory.class);
      factory.inTransaction(own -> own.persist(new Book(1, "committed")));
      try (Session own = factory.openSession()) {
        own.beginTransaction();
        own.persist(new Book(2, "never committed"));
        own.flush();
      }
      try (Session own = factory.openSession()) {
        own.doWork(connection -> {
          try (var statement = connection.createStatement()) {
            statement.executeUpdate("insert into book (id, title) values (3, 'outside a transaction')");
          }
        });
      }
      assertThat(BookTable.count(db)).isEqualTo(1);
      assertThat(db.dataSource().getConnection()).satisfies(connection -> {
        try (connection) {
          assertThat(connection.getAutoCommit()).as("the pool's connections, taken directly").isTrue();
        }
      });
    }
  }

  @Test
  void sessionGoesOnWithAFreshConnectionAfterItsConnectionIsLost() throws Exception {
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()));
        ReflexSession session = db.session()) {
      Session hibernate = session.unwrap(Session.class);
      hibernate.persist(new Book(1, "lost"));
      session.unwrap(Connection.class).close();
      assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class);

      hibernate.persist(new Book(2, "kept"));
      session.commit();
      assertThat(BookTable.count(db)).isEqualTo(1);
      assertThat(hibernate.find(Book.class, 2L).title()).isEqualTo("kept");
    }
  }

  @Test
  void commitAfterTheApplicationEndedTheTransactionItselfStillCommits() throws Exception {
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()));
        ReflexSession session = db.session()) {
      Session hibernate = session.unwrap(Session.class);
      hibernate.getTransaction().commit();
      hibernate.persist(new Book(1, "Dune"));
      session.commit();
      assertThat(BookTable.count(db)).isEqualTo(1);
    }
  }

  @Test
  void rollbackOnlyTransactionFailsToCommitInsteadOfRollingBackSilently() throws Exception {
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()));
        ReflexSession session = db.session()) {
      Session hibernate = session.unwrap(Session.class);
      hibernate.persist(new Book(1, "marked"));
      hibernate.getTransaction().setRollbackOnly();
      assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class)
          .hasMessageContaining("rollback-only");

      hibernate.persist(new Book(2, "kept"));
      session.commit();
      assertThat(BookTable.count(db)).isEqualTo(1);
    }
  }
}
