package dev.reflex.orm.spi;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.ReflexConfigurer;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * What a provider receives when it starts: the pooled {@link DataSource} it must use for every
 * connection, and what the application configured.
 *
 * <p>Immutable and thread-safe.
 */
public interface ProviderContext {
  /**
   * Returns the data source every session must take its connection from: reflex-orm's HikariCP pool, or
   * the application's own {@code DataSource}.
   *
   * @return the data source; never {@code null}
   */
  DataSource dataSource();

  /**
   * Returns whether the data source is a HikariCP pool: reflex-orm's own, or an application's. Closing a
   * connection of such a pool rolls back what ran since its last commit and then restores the pool's
   * auto-commit setting. A provider may then keep a session's connection out of auto-commit from open to close,
   * commit without beginning again, and end the session by closing the connection, so that a session costs no
   * more commits, rollbacks or auto-commit changes than the ORM's own session does. Otherwise the provider rolls
   * back and restores auto-commit itself.
   *
   * @return {@code true} when closing a connection rolls back its uncommitted work
   */
  boolean poolRollsBackOnClose();

  /**
   * Returns the kind of database, known from the URL or, for an application's own data source, from the
   * connection's metadata.
   *
   * @return the kind; {@link DatabaseKind#OTHER} when the ORM should detect it itself
   */
  DatabaseKind databaseKind();

  /**
   * Returns the classes the application registered with {@code ReflexDatabase.Builder.register}: entities,
   * mapper interfaces or SqlObject types. A provider takes what it understands and ignores the rest.
   *
   * @return the registered classes, in registration order; never {@code null}
   */
  List<Class<?>> registeredTypes();

  /**
   * Returns the configurers of the given type that the application passed to the builder. Configurers
   * declared through {@link java.util.ServiceLoader} are the provider's own business: it loads them itself,
   * since only its module {@code uses} its configurer type.
   *
   * @param type the provider's configurer type
   * @param <C> that type
   * @return those configurers, in the order given; never {@code null}
   */
  <C extends ReflexConfigurer> List<C> configurers(Class<C> type);

  /**
   * Returns every configurer a provider runs, in order: the declared ones, then those passed to the builder, so
   * that the explicit ones have the last word. A declared configurer of the same class as one passed to the builder
   * is left out, so that a configurer both declared and passed runs once, as passed.
   *
   * @param type the provider's configurer type
   * @param declared {@code ServiceLoader.load(type)}, called by the provider, since only its module {@code uses}
   *     the type
   * @param <C> that type
   * @return those configurers; never {@code null}
   * @throws dev.reflex.orm.InvalidConfigurationException when a declared configurer cannot be loaded, naming what
   *     to check
   */
  <C extends ReflexConfigurer> List<C> configurers(Class<C> type, ServiceLoader<C> declared);

  /**
   * Returns whether every SQL statement should be logged ({@code REFLEX_DB_ECHO=true}). A provider turns on
   * its ORM's own statement logging.
   *
   * @return {@code true} to log statements
   */
  boolean echo();
}
