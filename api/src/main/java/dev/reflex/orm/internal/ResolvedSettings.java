package dev.reflex.orm.internal;

import dev.reflex.orm.ReflexConfigurer;
import dev.reflex.orm.spi.ReflexProvider;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * A builder's settings, each checked once and resolved against the system properties, the environment and the
 * defaults: what a {@code ReflexDatabase} is built from.
 *
 * <p>Immutable and thread-safe (the lists are copied).
 *
 * @param url the parsed URL, or {@code null} with an application's own data source
 * @param origin where the URL or data source came from, for messages ({@code REFLEX_DB_URL}, {@code builder url})
 * @param dataSource the application's own data source, or {@code null} when reflex-orm builds the pool
 * @param poolSize the most connections in the pool
 * @param poolTimeout how long a session waits for a free connection
 * @param echo whether every SQL statement is logged
 * @param provider the provider that bootstraps the ORM
 * @param types the application's registered classes, in order
 * @param configurers the configurers passed to the builder, in order
 */
public record ResolvedSettings(DatabaseUrl url, String origin, DataSource dataSource, int poolSize,
    Duration poolTimeout, boolean echo, ReflexProvider provider, List<Class<?>> types,
    List<ReflexConfigurer> configurers, boolean checkChangelog) {

  /** Copies the lists, so that the settings cannot change after the build. */
  public ResolvedSettings {
    types = List.copyOf(types);
    configurers = List.copyOf(configurers);
  }

  /** @return the database as messages show it: the masked URL, or the application's data source */
  public String describe() {
    return url == null ? "the application's DataSource" : url.masked();
  }
}
