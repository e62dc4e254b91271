package dev.reflex.db;

import dev.reflex.orm.DatabaseKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.IdentityGenerator;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;

/**
 * Hibernate's own export of the application's entities into the scratch database: the same configuration
 * the application gets from provider-hibernate (its {@code HibernateConfigurer}s, read by
 * {@link DeclaredConfigurers}, so its naming strategies and settings), with
 * {@code hibernate.hbm2ddl.auto=create-drop}, so that Hibernate creates its schema when the session factory is
 * built and drops it again when this export is closed.
 *
 * <p>Not thread-safe; used once.
 */
final class EntityExport implements AutoCloseable {
  private final SessionFactory sessionFactory;

  private EntityExport(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  /**
   * Exports the entities into the scratch database.
   *
   * @param classes the application's classes
   * @param packageName the package to scan, or {@code null} for the entities the configurers register
   * @param scratch where to export
   * @param kind the kind of database
   * @return the export, holding Hibernate's session factory until it is closed
   */
  static EntityExport create(UserClasses classes, String packageName, ScratchDatabase scratch, DatabaseKind kind) {
    BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classes.loader())
        .build();
    Configuration configuration = new Configuration(bootstrap);
    if (kind == DatabaseKind.SQLITE) {
      // as provider-hibernate sets it: SQLite's dialect is a community one, which Hibernate does not pick itself
      configuration.setProperty(AvailableSettings.DIALECT, SQLiteDialect.class);
    }
    int scanned = 0;
    if (packageName != null) {
      List<Class<?>> mapped = classes.mappedClasses(packageName);
      if (mapped.isEmpty()) {
        throw new CommandFailure("package " + packageName + " has no @Entity, @Embeddable, @MappedSuperclass or"
            + " @Converter class on --classpath; check --entities and --classpath");
      }
      mapped.forEach(configuration::addAnnotatedClass);
      scanned = mapped.size();
    }
    DeclaredConfigurers configurers = DeclaredConfigurers.load(classes.loader());
    if (packageName == null && configurers.isEmpty()) {
      throw new CommandFailure("no --entities and no HibernateConfigurer declared on --classpath; pass"
          + " --entities=PACKAGE with the application's entity classes (declared configurers are read only"
          + " with reflex-orm-hibernate on --classpath)");
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classes.loader());
    try {
      configurers.applyTo(configuration);
      // set after the configurers: the scratch database, and Hibernate's own schema export into it
      configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, scratch.jdbcUrl());
      if (scratch.user() != null) {
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_USER, scratch.user());
      }
      if (scratch.password() != null) {
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, scratch.password());
      }
      configuration.getProperties().remove(AvailableSettings.DATASOURCE);
      configuration.getProperties().remove(AvailableSettings.JAKARTA_JTA_DATASOURCE);
      configuration.getProperties().remove(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE);
      configuration.getProperties().remove(AvailableSettings.CONNECTION_PROVIDER);
      configuration.getProperties().remove(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION);
      configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "create-drop");
      // a statement Hibernate's export fails on is an error, not a line in a log nobody reads
      configuration.setProperty(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
      configuration.setProperty(AvailableSettings.SHOW_SQL, false);
      SessionFactory sessionFactory;
      try {
        sessionFactory = configuration.buildSessionFactory();
      } catch (RuntimeException e) {
        throw new CommandFailure("Hibernate rejects the entities" + (packageName != null ? " of " + packageName
            : "") + ": " + Causes.rootMessage(e) + "; fix the mapping and run the command again");
      }
      if (sessionFactory.getMetamodel().getEntities().isEmpty()) {
        sessionFactory.close();
        throw new CommandFailure((packageName != null ? "package " + packageName + " (" + scanned + " classes)"
            : "the declared HibernateConfigurers") + " map no entity; pass --entities=PACKAGE with the"
            + " application's @Entity classes");
      }
      return new EntityExport(sessionFactory);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * The id columns the database numbers itself ({@code GenerationType.IDENTITY}), as Hibernate maps them: SQLite
   * reports such a column, {@code id integer ... primary key (id)}, as a plain one, so Liquibase's comparison
   * alone would write a changeset whose ids no other database generates.
   *
   * @return {@code table.column} in lower case
   */
  Set<String> identityColumns() {
    Set<String> columns = new HashSet<>();
    sessionFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(entity -> {
      if (entity.getGenerator() instanceof IdentityGenerator
          && entity.getIdentifierMapping() instanceof BasicEntityIdentifierMapping id) {
        columns.add(SchemaDiff.key(id.getContainingTableExpression(), id.getSelectionExpression()));
      }
    });
    return columns;
  }

  /** Closes the session factory: Hibernate drops the schema it created. */
  @Override
  public void close() {
    sessionFactory.close();
  }
}
