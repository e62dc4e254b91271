package bookshelf.mybatis;

import dev.reflex.orm.Reflex;
import dev.reflex.orm.ReflexSession;
import org.apache.ibatis.session.SqlSession;

/** Writes a book with MyBatis, then reads the whole shelf back. The database is REFLEX_DB_URL. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // tag::main[]
    Reflex.register(BookMapper.class);
    try (ReflexSession session = Reflex.session()) {
      session.unwrap(SqlSession.class).getMapper(BookMapper.class)
          .insert(args.length > 0 ? args[0] : "Emma", "mybatis");
      session.commit();
    }
    Reflex.transaction(session -> {
      session.unwrap(SqlSession.class).getMapper(BookMapper.class).all()
          .forEach(book -> System.out.println("mybatis: " + book));
      return null;
    });
    // end::main[]
  }
}
