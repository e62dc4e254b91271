package dev.reflex.orm.hibernate;

import dev.reflex.orm.spi.ProviderContext;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ProviderSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.Configuration;

/**
 * One Hibernate {@link SessionFactory} and the service registry it was built with, opening
 * {@link HibernateSession}s until it is closed. The data source is reflex-orm's and is not closed here.
 *
 * <p>Thread-safe, as {@code SessionFactory} is.
 */
final class HibernateEngine implements ProviderEngine {
  private final StandardServiceRegistry registry;
  private final SessionFactory sessionFactory;
  private final boolean poolRollsBackOnClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HibernateEngine(StandardServiceRegistry registry, SessionFactory sessionFactory,
      boolean poolRollsBackOnClose) {
    this.registry = registry;
    this.sessionFactory = sessionFactory;
    this.poolRollsBackOnClose = poolRollsBackOnClose;
  }

  /** Checks the registered classes, then builds the configuration, the registry and the factory. */
  static HibernateEngine start(ProviderContext context) {
    List<Class<?>> mapped = MappedTypes.of(context.registeredTypes());
    MappedTypes.checkOpen(mapped);
    Configuration configuration = Bootstrap.configuration(context, mapped);
    // the registry is built here rather than inside Configuration, so that close() can release it too
    StandardServiceRegistry registry =
        configuration.getStandardServiceRegistryBuilder().applySettings(configuration.getProperties()).build();
    try {
      return new HibernateEngine(registry, configuration.buildSessionFactory(registry),
          context.poolRollsBackOnClose());
    } catch (RuntimeException | Error e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  @Override
  public ProviderSession openSession() {
    return HibernateSession.open(sessionFactory, poolRollsBackOnClose);
  }

  /** Hands out the {@code SessionFactory}, which is also the {@code EntityManagerFactory}. */
  @Override
  public <T> T unwrap(Class<T> type) {
    return type.isInstance(sessionFactory) ? type.cast(sessionFactory) : null;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        sessionFactory.close();
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    }
  }
}
