package bookshelf.hibernate;

import dev.reflex.orm.Reflex;
import dev.reflex.orm.ReflexSession;
import org.hibernate.Session;

/** Writes a book with Hibernate, then reads the whole shelf back. The database is REFLEX_DB_URL. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // tag::main[]
    Reflex.register(Book.class);
    try (ReflexSession session = Reflex.session()) {
      session.unwrap(Session.class).persist(new Book(args.length > 0 ? args[0] : "Dune", "hibernate"));
      session.commit();
    }
    Reflex.transaction(session -> {
      session.unwrap(Session.class).createSelectionQuery("from Book order by id", Book.class).getResultList()
          .forEach(book -> System.out.println("hibernate: " + book));
      return null;
    });
    // end::main[]
  }
}
