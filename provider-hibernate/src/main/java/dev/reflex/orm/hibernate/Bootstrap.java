package dev.reflex.orm.hibernate;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.spi.ProviderContext;
import java.util.List;
import java.util.ServiceLoader;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;

/**
 * Builds Hibernate's {@link Configuration} from what reflex-orm knows: its pool, the kind of database, the
 * registered classes and {@code REFLEX_DB_ECHO}; then hands it to every {@link HibernateConfigurer}.
 *
 * <p>Thread-safe (stateless).
 */
final class Bootstrap {
  private Bootstrap() {}

  /** Returns the configuration, with the application's configurers applied. */
  static Configuration configuration(ProviderContext context, List<Class<?>> mapped) {
    JbossLogging.routeToSlf4j();
    Configuration configuration = new Configuration();
    // Hibernate copies every system property into its settings and logs them all at DEBUG (HHH90020001),
    // masking only its own password settings: reflex-orm's, such as reflex.db.url with its password, are not
    // Hibernate's to see
    configuration.getProperties().keySet().removeIf(Bootstrap::isReflexSetting);
    configuration.getStandardServiceRegistryBuilder().getSettings().keySet().removeIf(Bootstrap::isReflexSetting);
    // Hibernate takes connections from reflex-orm's pool and never builds one of its own
    if (context.poolRollsBackOnClose()) {
      // auto-commit off from the pool's hand-over to its return: no switch at each begin and commit
      configuration.getProperties().put(AvailableSettings.CONNECTION_PROVIDER,
          new PooledConnections(context.dataSource()));
      configuration.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true);
    } else {
      configuration.getProperties().put(AvailableSettings.DATASOURCE, context.dataSource());
    }
    // one session, one connection: held from the first transaction until the session closes
    configuration.setProperty(AvailableSettings.CONNECTION_HANDLING,
        PhysicalConnectionHandlingMode.DELAYED_ACQUISITION_AND_HOLD);
    // migrations own the schema; a configurer may still ask Hibernate for schema generation
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
    Class<? extends Dialect> dialect = dialect(context.databaseKind());
    if (dialect != null) {
      configuration.setProperty(AvailableSettings.DIALECT, dialect);
    }
    if (context.echo()) {
      configuration.setProperty(AvailableSettings.SHOW_SQL, true);
    }
    mapped.forEach(configuration::addAnnotatedClass);
    for (HibernateConfigurer configurer
        : context.configurers(HibernateConfigurer.class, ServiceLoader.load(HibernateConfigurer.class))) {
      configurer.configure(configuration);
    }
    return configuration;
  }

  private static boolean isReflexSetting(Object key) {
    return String.valueOf(key).startsWith("reflex.");
  }

  /**
   * Returns the dialect to set for a kind of database, or {@code null} to let Hibernate choose. Hibernate picks
   * {@code H2Dialect}, {@code PostgreSQLDialect}, {@code MariaDBDialect} and {@code MySQLDialect} from the
   * connection's metadata by itself, with the server's exact version, and logs a warning (HHH90000025) on every
   * start when one of them is set explicitly; SQLite's dialect lives in hibernate-community-dialects, so it is set.
   */
  static Class<? extends Dialect> dialect(DatabaseKind kind) {
    return kind == DatabaseKind.SQLITE ? SQLiteDialect.class : null;
  }
}
