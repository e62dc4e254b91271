package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import dev.reflex.orm.hibernate.model.Book;
import dev.reflex.orm.testing.TestDatabase;
import java.sql.Connection;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

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
