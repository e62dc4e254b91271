package dev.reflex.orm.hibernate;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.hibernate.model.Book;
import dev.reflex.orm.test.contract.ExtensionContract;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** The provider contract, kept by Hibernate on the five test databases, through reflex-orm-test's extension. */
class HibernateProviderContractTest extends ExtensionContract {
  @Override
  protected String provider() {
    return "hibernate";
  }

  @Override
  protected Class<?>[] registered() {
    return new Class<?>[] {Book.class};
  }

  @Override
  protected List<Class<?>> nativeTypes() {
    return List.of(Session.class, EntityManager.class, SessionFactory.class, EntityManagerFactory.class,
        Connection.class);
  }

  @Override
  protected Books books() {
    return new Books() {
      @Override
      public void insert(ReflexSession session, long id, String title) {
        session.unwrap(Session.class).persist(new Book(id, title));
      }

      @Override
      public String title(ReflexSession session, long id) {
        Book book = session.unwrap(Session.class).find(Book.class, id);
        return book == null ? null : book.title();
      }

      @Override
      public void rename(ReflexSession session, long id, String title) {
        session.unwrap(Session.class).find(Book.class, id).rename(title); // written by dirty checking
      }

      @Override
      public void delete(ReflexSession session, long id) {
        Session hibernate = session.unwrap(Session.class);
        hibernate.remove(hibernate.find(Book.class, id));
      }
    };
  }

  @Override
  protected String titleThroughOwnSession(ReflexDatabase db, long id) {
    try (Session session = db.unwrap(SessionFactory.class).openSession()) {
      session.beginTransaction();
      Book book = session.find(Book.class, id);
      session.getTransaction().commit();
      return book == null ? null : book.title();
    }
  }
}
