package dev.reflex.orm.jdbi;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.test.contract.ExtensionContract;
import java.sql.Connection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The provider contract, kept by JDBI through a SqlObject, on the five databases. */
class JdbiProviderContractTest extends ExtensionContract {
  @Override
  protected String provider() {
    return JdbiProvider.NAME;
  }

  @Override
  protected Class<?>[] registered() {
    return new Class<?>[] {BookDao.class};
  }

  @Override
  protected List<Class<?>> nativeTypes() {
    return List.of(Handle.class, Jdbi.class, Connection.class);
  }

  @Override
  protected Books books() {
    return new Books() {
      @Override
      public void insert(ReflexSession session, long id, String title) {
        dao(session).insert(id, title);
      }

      @Override
      public String title(ReflexSession session, long id) {
        return dao(session).title(id);
      }

      @Override
      public void rename(ReflexSession session, long id, String title) {
        dao(session).rename(id, title);
      }

      @Override
      public void delete(ReflexSession session, long id) {
        dao(session).delete(id);
      }

      private BookDao dao(ReflexSession session) {
        return session.unwrap(Handle.class).attach(BookDao.class);
      }
    };
  }

  @Override
  protected String titleThroughOwnSession(ReflexDatabase db, long id) {
    try (Handle handle = db.unwrap(Jdbi.class).open()) {
      handle.begin();
      String title = handle.attach(BookDao.class).title(id);
      handle.commit();
      return title;
    }
  }
}
