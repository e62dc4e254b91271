package dev.reflex.orm.hibernate;

import dev.reflex.orm.ReflexConfigurer;
import org.hibernate.cfg.Configuration;

/**
 * Receives Hibernate's own {@link Configuration} before the {@code SessionFactory} is built: the way to reach
 * everything Hibernate offers that reflex-orm does not wrap, such as the second-level cache
 * ({@code setProperty(CacheSettings.USE_SECOND_LEVEL_CACHE, true)}), an {@code Interceptor}, multi-tenancy
 * ({@code setCurrentTenantIdentifierResolver}), naming strategies, converters or any setting.
 *
 * <p>reflex-orm has already set the data source, the dialect, the registered classes and its defaults when a
 * configurer runs, so a configurer may change any of them. Configurers declared in a module with
 * {@code provides dev.reflex.orm.hibernate.HibernateConfigurer with app.Db;} (or in
 * {@code META-INF/services/dev.reflex.orm.hibernate.HibernateConfigurer} on the class path) run first, then
 * those passed to {@code ReflexDatabase.builder().configure(...)}, in order; one both declared and passed (the same
 * class) runs once, as passed.
 *
 * <pre>{@code
 * ReflexDatabase db = ReflexDatabase.builder()
 *     .register(Book.class)
 *     .configure((HibernateConfigurer) cfg -> cfg.setInterceptor(new AuditInterceptor()))
 *     .build();
 * }</pre>
 *
 * <p>Implementations are called once per {@code ReflexDatabase}, from the thread that builds it; a declared one
 * needs a public no-argument constructor.
 */
@FunctionalInterface
public interface HibernateConfigurer extends ReflexConfigurer {
  /**
   * Changes Hibernate's configuration before the {@code SessionFactory} is built.
   *
   * @param configuration Hibernate's own configuration; do not build a {@code SessionFactory} from it
   */
  void configure(Configuration configuration);
}
