package shelf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.ReflexTest;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

@ReflexTest(register = Book.class)
class BookTest {
  @Test
  void savesDune(Session session) {
    session.persist(new Book(1, "Dune"));
    assertThat(session.createSelectionQuery("select count(*) from Book", Long.class).getSingleResult()).isEqualTo(1);
  }

  @Test
  void savesEmma(Session session) {
    session.persist(new Book(2, "Emma"));
    assertThat(session.createSelectionQuery("select count(*) from Book", Long.class).getSingleResult()).isEqualTo(1);
  }
}
