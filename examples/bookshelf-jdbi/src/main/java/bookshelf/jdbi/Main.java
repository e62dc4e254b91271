package bookshelf.jdbi;

import dev.reflex.orm.Reflex;
import dev.reflex.orm.ReflexSession;
import org.jdbi.v3.core.Handle;

/** Writes a book with JDBI, then reads the whole shelf back. The database is REFLEX_DB_URL. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // tag::main[]
    try (ReflexSession session = Reflex.session()) {
      session.unwrap(Handle.class).attach(Shelf.class).insert(args.length > 0 ? args[0] : "Ulysses", "jdbi");
      session.commit();
    }
    Reflex.transaction(session -> {
      session.unwrap(Handle.class)
          .createQuery("select id, title, flavour from book order by id")
          .map((row, context) -> row.getInt("id") + " " + row.getString("title") + " (written by "
              + row.getString("flavour") + ")")
          .forEach(book -> System.out.println("jdbi: " + book));
      return null;
    });
    // end::main[]
  }
}
