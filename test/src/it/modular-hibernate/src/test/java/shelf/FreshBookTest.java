package shelf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.test.Isolation;
import dev.reflex.orm.test.ReflexTest;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

@ReflexTest(register = Book.class, isolation = Isolation.FRESH_DATABASE)
class FreshBookTest {
  @Test
  void commitsDune(ReflexDatabase db) {
    db.transaction(s -> { s.unwrap(Session.class).persist(new Book(1, "Dune")); return null; });
    assertThat(books(db)).isEqualTo(1);
  }

  @Test
  void commitsEmma(ReflexDatabase db) {
    db.transaction(s -> { s.unwrap(Session.class).persist(new Book(2, "Emma")); return null; });
    assertThat(books(db)).isEqualTo(1);
  }

  private static long books(ReflexDatabase db) {
    return db.transaction(s -> s.unwrap(Session.class)
        .createSelectionQuery("select count(*) from Book", Long.class).getSingleResult());
  }
}
