package dev.reflex.orm.jdbi;

import dev.reflex.orm.ReflexConfigurer;
import org.jdbi.v3.core.Jdbi;

/**
 * Receives the {@link Jdbi} before its first use: row mappers, argument factories, plugins, SQL loggers,
 * any configuration.
 *
 * <pre>{@code
 * ReflexDatabase db = ReflexDatabase.builder()
 *     .configure((JdbiConfigurer) jdbi -> jdbi.registerRowMapper(ConstructorMapper.factory(Book.class)))
 *     .build();
 * }</pre>
 *
 * <p>Pass one to {@code ReflexDatabase.builder().configure(...)}, or declare it in the application's module
 * ({@code provides dev.reflex.orm.jdbi.JdbiConfigurer with app.Db;}) or in
 * {@code META-INF/services/dev.reflex.orm.jdbi.JdbiConfigurer}. Declared configurers run first, then those
 * passed to the builder, each in its order; one both declared and passed (the same class) runs once, as passed.
 *
 * <p>Called once per {@code ReflexDatabase}, from the thread that builds it; an implementation need not be
 * thread-safe.
 */
@FunctionalInterface
public interface JdbiConfigurer extends ReflexConfigurer {
  /**
   * Configures JDBI. It already has the SqlObject plugin installed and, with {@code REFLEX_DB_ECHO=true},
   * reflex-orm's statement logger.
   *
   * @param jdbi the instance every session's {@code Handle} comes from
   */
  void configure(Jdbi jdbi);
}
