package shelf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.ReflexTest;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

@ReflexTest(register = BookMapper.class)
class BookTest {
  @Test
  void savesDune(SqlSession session) {
    BookMapper books = session.getMapper(BookMapper.class);
    books.insert(1, "Dune");
    assertThat(books.count()).isEqualTo(1);
  }

  @Test
  void savesEmma(SqlSession session) {
    BookMapper books = session.getMapper(BookMapper.class);
    books.insert(2, "Emma");
    assertThat(books.count()).isEqualTo(1);
  }
}
