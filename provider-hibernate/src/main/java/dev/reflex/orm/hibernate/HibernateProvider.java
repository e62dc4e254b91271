package dev.reflex.orm.hibernate;

import dev.reflex.orm.spi.ProviderContext;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ReflexProvider;
import java.util.Set;

/**
 * The reflex-orm provider named {@code hibernate}: bootstraps one Hibernate {@code SessionFactory} per
 * {@code ReflexDatabase}, over reflex-orm's pool. Found with {@link java.util.ServiceLoader}; applications do not
 * use this class.
 *
 * <p>Thread-safe (stateless); the constructor does nothing.
 */
public final class HibernateProvider implements ReflexProvider {
  /** The name users choose this provider by. */
  public static final String NAME = "hibernate";

  /** Creates the provider; cheap, as discovery requires. */
  public HibernateProvider() {}

  /** @return {@value #NAME} */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * @return Hibernate's {@code Session} and {@code EntityManager}, its {@code SessionFactory} and {@code
   * EntityManagerFactory}
   */
  @Override
  public Set<Class<?>> sessionTypes() {
    return Set.of(org.hibernate.Session.class, org.hibernate.SessionFactory.class,
        jakarta.persistence.EntityManager.class, jakarta.persistence.EntityManagerFactory.class);
  }

  /**
   * Bootstraps Hibernate over the context's data source, with the registered entity classes and every
   * {@link HibernateConfigurer}.
   *
   * @apiNote Expensive (Hibernate reads every mapping and the database's metadata): called once per
   *     {@code ReflexDatabase}.
   * @param context the data source, the database kind, the registered classes and the configurers
   * @return the engine over the new {@code SessionFactory}
   * @throws dev.reflex.orm.ProviderFailedException when an entity's package is not open to Hibernate
   */
  @Override
  public ProviderEngine start(ProviderContext context) {
    return HibernateEngine.start(context);
  }
}
