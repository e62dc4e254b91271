package dev.reflex.orm.spi;

import java.util.Set;

/**
 * An adapter from reflex-orm to one ORM, found with {@link java.util.ServiceLoader}.
 *
 * <p>A provider module declares {@code provides dev.reflex.orm.spi.ReflexProvider with ...;} and also ships
 * {@code META-INF/services/dev.reflex.orm.spi.ReflexProvider}, so that it is found on the module path and
 * on the class path. Its public no-argument constructor must be cheap and must not touch the database or
 * bootstrap the ORM: discovery instantiates every provider it finds, even those it does not use.
 *
 * <p>Implementations are thread-safe.
 */
public interface ReflexProvider {
  /**
   * Returns the name users choose this provider by, with {@code REFLEX_ORM_PROVIDER}, the system property
   * {@code reflex.orm.provider} or {@code ReflexDatabase.builder().provider(name)}.
   *
   * @return a short lower-case name such as {@code hibernate}
   */
  String name();

  /**
   * Bootstraps the ORM over the database described by the context.
   *
   * @apiNote Expensive (an ORM bootstrap may take seconds): it is called once per {@code ReflexDatabase}.
   * @param context the pooled data source, the database kind and what the application registered
   * @return the running engine, which opens sessions until it is closed
   * @throws RuntimeException any failure; reflex-orm reports it as a {@code ProviderFailedException}
   */
  ProviderEngine start(ProviderContext context);

  /**
   * Returns the ORM types this provider's sessions and engine hand out through {@code unwrap}, such as Hibernate's
   * {@code Session} and {@code SessionFactory}, so that tools built on reflex-orm (reflex-orm-test's parameters)
   * know what to offer without naming any ORM themselves. {@code java.sql.Connection}, which every session hands
   * out, need not be listed.
   *
   * @implSpec The default returns an empty set: such a provider's objects are still reached through
   *     {@code unwrap}, only not offered by those tools.
   * @return the types, each an exact type a caller may ask for
   */
  default Set<Class<?>> sessionTypes() {
    return Set.of();
  }
}
