package bookshelf.jdbi;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.jdbi.JdbiConfigurer;
import org.jdbi.v3.core.Handle;

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
  public static int count(String url) {
    // tag::builder[]
    try (ReflexDatabase db = ReflexDatabase.builder()
        .url(url)                                                   // else REFLEX_DB_URL, else sqlite:///reflex.db
        .configure((JdbiConfigurer) jdbi ->                         // the Jdbi itself, before its first use
            jdbi.define("shelf", "book"))
        .build()) {
      try (ReflexSession session = db.session()) {                  // its first unwrap takes a pooled connection
        Shelf shelf = session.unwrap(Handle.class).attach(Shelf.class);   // SqlObjects need no registration
        shelf.insert("Ulysses", "jdbi");
        session.commit();                                           // the handle goes on in a new transaction
        shelf.insert("never kept", "jdbi");
      }                                                             // not committed: rolled back here
      return db.transaction(s -> s.unwrap(Handle.class).attach(Shelf.class).count());
    }
    // end::builder[]
  }
}
