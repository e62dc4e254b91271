package shelf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.test.Isolation;
import dev.reflex.orm.test.ReflexTest;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

@ReflexTest(register = BookMapper.class, isolation = Isolation.FRESH_DATABASE)
class FreshBookTest {
  @Test
  void commitsDune(ReflexDatabase db) {
    db.transaction(s -> { s.unwrap(SqlSession.class).getMapper(BookMapper.class).insert(1, "Dune"); return null; });
    assertThat(books(db)).isEqualTo(1);
  }

  @Test
  void commitsEmma(ReflexDatabase db) {
    db.transaction(s -> { s.unwrap(SqlSession.class).getMapper(BookMapper.class).insert(2, "Emma"); return null; });
    assertThat(books(db)).isEqualTo(1);
  }

  private static int books(ReflexDatabase db) {
    return db.transaction(s -> s.unwrap(SqlSession.class).getMapper(BookMapper.class).count());
  }
}
