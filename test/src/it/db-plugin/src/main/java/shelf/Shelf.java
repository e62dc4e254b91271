package shelf;

import dev.reflex.orm.hibernate.HibernateConfigurer;
import org.hibernate.cfg.Configuration;

/** The application's declared configurer: the entities that revision -Dautogenerate compares with the database. */
public class Shelf implements HibernateConfigurer {
  @Override
  public void configure(Configuration configuration) {
    configuration.addAnnotatedClass(Book.class);
  }
}
