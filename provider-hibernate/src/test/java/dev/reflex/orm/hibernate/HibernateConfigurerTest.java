package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.hibernate.model.Book;
import dev.reflex.orm.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** A configurer reaches Hibernate's own Configuration before the SessionFactory is built. */
class HibernateConfigurerTest {
  @Test
  void builderConfigurerInstallsAnInterceptorThatSeesEveryFlush() throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    Interceptor counter = new Interceptor() {
      @Override
      public void preFlush(java.util.Iterator<Object> entities) {
        flushes.incrementAndGet();
      }
    };
    HibernateConfigurer configurer = configuration -> configuration.setInterceptor(counter);
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).configure(configurer))) {
      db.transaction(s -> {
        s.unwrap(Session.class).persist(new Book(1, "Dune"));
        return null;
      });
      assertThat(flushes.get()).isPositive();
      assertThat(BookTable.count(db)).isEqualTo(1);
    }
  }

  @Test
  void declaredConfigurersRunFirstAndTheBuildersHaveTheLastWord() throws Exception {
    HibernateConfigurer last = configuration -> configuration.setProperty("reflex.test.last", "builder");
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).configure(last))) {
      SessionFactory factory = db.unwrap(SessionFactory.class);
      assertThat(factory.getProperties()).containsEntry("reflex.test.declared", "ran")
          .containsEntry("reflex.test.last", "builder");
    }
  }

  @Test
  void aConfigurerBothDeclaredAndPassedRunsOnceAsPassed() throws Exception {
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl())
        .configure(new DeclaredConfigurer()))) {
      assertThat(db.unwrap(SessionFactory.class).getProperties()).containsEntry("reflex.test.declared", "ran");
    }
  }
}
