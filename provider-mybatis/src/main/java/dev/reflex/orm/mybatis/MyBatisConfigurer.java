package dev.reflex.orm.mybatis;

import dev.reflex.orm.ReflexConfigurer;
import org.apache.ibatis.session.Configuration;

/**
 * Receives MyBatis' {@link Configuration} before the {@code SqlSessionFactory} is built: settings, type
 * aliases, type handlers, plugins, extra mappers.
 *
 * <pre>{@code
 * ReflexDatabase db = ReflexDatabase.builder()
 *     .register(BookMapper.class)
 *     .configure((MyBatisConfigurer) configuration -> configuration.setMapUnderscoreToCamelCase(true))
 *     .build();
 * }</pre>
 *
 * <p>Pass one to {@code ReflexDatabase.builder().configure(...)}, or declare it in the application's module
 * ({@code provides dev.reflex.orm.mybatis.MyBatisConfigurer with app.Db;}) or in
 * {@code META-INF/services/dev.reflex.orm.mybatis.MyBatisConfigurer}. Declared configurers run first, then
 * those passed to the builder, each in its order (one both declared and passed runs once, as passed); all run before
 * the registered mappers are added, so that their aliases and type handlers are known when the mappers are parsed.
 *
 * <p>Called once per {@code ReflexDatabase}, from the thread that builds it; an implementation need not be
 * thread-safe.
 */
@FunctionalInterface
public interface MyBatisConfigurer extends ReflexConfigurer {
  /**
   * Changes the configuration. Its environment already holds reflex-orm's pooled data source and a JDBC
   * transaction factory: replacing them takes the sessions out of reflex-orm's pool.
   *
   * @param configuration MyBatis' configuration, not yet built into a factory
   */
  void configure(Configuration configuration);
}
