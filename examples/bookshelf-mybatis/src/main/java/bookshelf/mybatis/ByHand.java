package bookshelf.mybatis;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.mybatis.MyBatisConfigurer;
import org.apache.ibatis.session.SqlSession;

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
        .url(url)                                                     // else REFLEX_DB_URL, else sqlite:///reflex.db
        .register(BookMapper.class)                                   // mapper interfaces, added with addMapper
        .configure((MyBatisConfigurer) configuration ->               // MyBatis' own Configuration, before the
            configuration.setMapUnderscoreToCamelCase(true))          // mappers are added
        .build()) {
      try (ReflexSession session = db.session()) {                    // its first unwrap takes a pooled connection
        BookMapper books = session.unwrap(SqlSession.class).getMapper(BookMapper.class);
        books.insert("Emma", "mybatis");
        session.commit();                                             // the session goes on in a new transaction
        books.insert("never kept", "mybatis");
      }                                                               // not committed: rolled back here
      return db.transaction(s -> s.unwrap(SqlSession.class).getMapper(BookMapper.class).all().size());
    }
    // end::builder[]
  }
}
