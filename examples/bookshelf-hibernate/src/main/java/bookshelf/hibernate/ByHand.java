package bookshelf.hibernate;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.hibernate.HibernateConfigurer;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;

/**
 * The same shelf on a database built by hand, for an application with settings of its own or more than one
 * database. Not run by {@code examples/run}: the guide shows it.
 */
public final class ByHand {
  private ByHand() {}

  /**
   * Counts the books of a database given by URL.
   *
   * @param url a database URL such as {@code postgresql://app:secret@db/app}
   * @return the number of books
   */
  public static long count(String url) {
    // tag::builder[]
    try (ReflexDatabase db = ReflexDatabase.builder()
        .url(url)                                                   // else REFLEX_DB_URL, else sqlite:///reflex.db
        .register(Book.class)                                       // the entities Hibernate maps
        .configure((HibernateConfigurer) cfg -> cfg                 // Hibernate's own Configuration, before the
            .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, 50)) // SessionFactory is built
        .build()) {
      try (ReflexSession session = db.session()) {                  // its first unwrap takes a pooled connection
        Session hibernate = session.unwrap(Session.class);
        hibernate.persist(new Book("Dune", "hibernate"));
        session.commit();                                           // the session goes on in a new transaction
      }                                                             // not committed? rolled back here
      return db.transaction(s -> s.unwrap(Session.class)            // commits, or rolls back and rethrows
          .createSelectionQuery("select count(*) from Book", Long.class).getSingleResult());
    }
    // end::builder[]
  }
}
