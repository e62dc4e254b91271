package dev.reflex.orm.test;

import dev.reflex.orm.ReflexConfigurer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a database migrated with the application's changelog: the one
 * {@code REFLEX_TEST_DB_URL} (or the system property {@code reflex.test.db.url}) names, else an embedded
 * SQLite database in a temporary folder. The database the URL names is never written: the extension creates
 * its databases beside it and drops them after the run.
 *
 * <pre>{@code
 * @ReflexTest(register = Book.class)
 * class BookTest {
 *   @Test
 *   void savesABook(Session session) {
 *     session.persist(new Book("Dune"));
 *     assertThat(session.createSelectionQuery("from Book", Book.class).getResultList()).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>Test and lifecycle methods may declare parameters of type {@code ReflexDatabase}, {@code ReflexSession},
 * and the ORM's own objects: {@code org.hibernate.Session}, {@code EntityManager}, {@code SessionFactory},
 * MyBatis's {@code SqlSession} and {@code SqlSessionFactory}, JDBI's {@code Handle} and {@code Jdbi}, or
 * {@code java.sql.Connection}. After each test, a session or pooled connection still open fails the test
 * with where it was opened. For settings chosen in code, register {@link ReflexExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ReflexExtension.class)
public @interface ReflexTest {
  /** @return how the class's tests are kept apart; {@link Isolation#ROLLBACK} unless said otherwise */
  Isolation isolation() default Isolation.ROLLBACK;

  /**
   * @return the changelog, a file under the working directory or a class path resource; empty for the one
   *     {@code reflex-db update} uses ({@code liquibase.properties}, else
   *     {@code db/changelog/db.changelog-master.yaml})
   */
  String changelog() default "";

  /** @return the application's classes to register: entities, mapper interfaces, SqlObject types */
  Class<?>[] register() default {};

  /** @return configurers to pass to the ORM, each built with its public no-argument constructor */
  Class<? extends ReflexConfigurer>[] configure() default {};

  /** @return the provider to use when several are present ({@code hibernate}, {@code mybatis}, {@code jdbi}) */
  String provider() default "";
}
