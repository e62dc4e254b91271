package dev.reflex.orm.mybatis;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.test.contract.ExtensionContract;
import java.sql.Connection;
import java.util.List;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The provider contract, kept by MyBatis through an annotation mapper, on the five databases. */
class MyBatisProviderContractTest extends ExtensionContract {
  @Override
  protected String provider() {
    return MyBatisProvider.NAME;
  }

  @Override
  protected Class<?>[] registered() {
    return new Class<?>[] {BookMapper.class};
  }

  @Override
  protected List<Class<?>> nativeTypes() {
    return List.of(SqlSession.class, SqlSessionFactory.class, Configuration.class, Connection.class);
  }

  @Override
  protected Books books() {
    return new Books() {
      @Override
      public void insert(ReflexSession session, long id, String title) {
        mapper(session).insert(id, title);
      }

      @Override
      public String title(ReflexSession session, long id) {
        return mapper(session).title(id);
      }

      @Override
      public void rename(ReflexSession session, long id, String title) {
        mapper(session).rename(id, title);
      }

      @Override
      public void delete(ReflexSession session, long id) {
        mapper(session).delete(id);
      }

      private BookMapper mapper(ReflexSession session) {
        return session.unwrap(SqlSession.class).getMapper(BookMapper.class);
      }
    };
  }

  @Override
  protected String titleThroughOwnSession(ReflexDatabase db, long id) {
    try (SqlSession session = db.unwrap(SqlSessionFactory.class).openSession(false)) {
      String title = session.getMapper(BookMapper.class).title(id);
      session.commit(true);
      return title;
    }
  }
}
