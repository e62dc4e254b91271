package shelf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.ReflexTest;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

@ReflexTest(register = Books.class)
class BookTest {
  @Test
  void savesDune(Handle handle) {
    Books books = handle.attach(Books.class);
    books.insert(1, "Dune");
    assertThat(books.count()).isEqualTo(1);
  }

  @Test
  void savesEmma(Handle handle) {
    Books books = handle.attach(Books.class);
    books.insert(2, "Emma");
    assertThat(books.count()).isEqualTo(1);
  }
}
