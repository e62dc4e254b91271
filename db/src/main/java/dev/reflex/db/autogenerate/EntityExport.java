package dev.reflex.db.autogenerate;

import dev.reflex.orm.DatabaseKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.IdentityGenerator;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.spi.DelayedDropAction;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's own export of the application's entities into the scratch database: the same configuration
 * the application gets from provider-hibernate (its {@code HibernateConfigurer}s, read by
 * {@link DeclaredConfigurers}, so its naming strategies and settings), with three changes that keep the export
 * inside the scratch database: a catalog or schema naming the target's own becomes none ({@link ScratchNaming}),
 * {@code hibernate.default_catalog} and {@code hibernate.default_schema} are taken out, and no script of the
 * application runs (no {@code import.sql}, no load or create script). The session factory is built without any
 * schema action; its boot metadata is checked ({@link ExportVetting}) and only then exported, {@code create-drop},
 * by Hibernate's own schema management tool.
 *
 * <p>Not thread-safe; used once.
 */
final class EntityExport implements AutoCloseable {
  /** Settings of the application that would run its own SQL or write files: taken out. */
  private static final List<String> SCRIPTS = List.of(AvailableSettings.HBM2DDL_IMPORT_FILES,
      AvailableSettings.JAKARTA_HBM2DDL_LOAD_SCRIPT_SOURCE, AvailableSettings.JAKARTA_HBM2DDL_CREATE_SCRIPT_SOURCE,
      AvailableSettings.JAKARTA_HBM2DDL_DROP_SCRIPT_SOURCE, AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION,
      AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_DROP_TARGET,
      AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "javax.persistence.sql-load-script-source",
      "javax.persistence.schema-generation.create-script-source",
      "javax.persistence.schema-generation.drop-script-source", "javax.persistence.schema-generation.scripts.action",
      "javax.persistence.schema-generation.database.action", AvailableSettings.DEFAULT_CATALOG,
      AvailableSettings.DEFAULT_SCHEMA);

  private final SessionFactory sessionFactory;
  private final ServiceRegistry registry;
  private Metadata metadata;
  private DelayedDropAction drop;

  private EntityExport(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
    this.registry = sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry();
  }

  /**
   * Exports the entities into the scratch database.
   *
   * @param classes the application's classes
   * @param packageName the package to scan, or {@code null} for the entities the configurers register
   * @param scratch where to export
   * @param kind the kind of database
   * @param targetNames the target's database and default schema: a catalog or schema of these names means the
   *     scratch database
   * @return the export, holding Hibernate's session factory until it is closed
   */
  static EntityExport create(UserClasses classes, String packageName, ScratchDatabase scratch, DatabaseKind kind,
      Set<String> targetNames) {
    MetadataCapture capture = new MetadataCapture();
    BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classes.loader())
        .applyIntegrator(capture).build();
    Configuration configuration = new Configuration(bootstrap);
    if (kind == DatabaseKind.SQLITE) {
      // as provider-hibernate sets it: SQLite's dialect is a community one, which Hibernate does not pick itself
      configuration.setProperty(AvailableSettings.DIALECT, SQLiteDialect.class);
    }
    int scanned = 0;
    if (packageName != null) {
      List<Class<?>> mapped = classes.mappedClasses(packageName);
      if (mapped.isEmpty()) {
        throw new AutogenerateFailure("package " + packageName + " has no @Entity, @Embeddable, @MappedSuperclass or"
            + " @Converter class on --classpath; check --entities and --classpath");
      }
      mapped.forEach(configuration::addAnnotatedClass);
      scanned = mapped.size();
    }
    DeclaredConfigurers configurers = DeclaredConfigurers.load(classes.loader());
    if (packageName == null && configurers.isEmpty()) {
      throw new AutogenerateFailure("no --entities and no HibernateConfigurer declared on --classpath; pass"
          + " --entities=PACKAGE with the application's entity classes (declared configurers are read only"
          + " with reflex-orm-hibernate on --classpath)");
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classes.loader());
    try {
      configurers.applyTo(configuration);
      // set after the configurers: the scratch database, and no schema action while the factory is built
      ScratchNaming.apply(configuration, classes.loader(), targetNames);
      Properties properties = configuration.getProperties();
      properties.setProperty(AvailableSettings.JAKARTA_JDBC_URL, scratch.jdbcUrl());
      if (scratch.user() != null) {
        properties.setProperty(AvailableSettings.JAKARTA_JDBC_USER, scratch.user());
      }
      if (scratch.password() != null) {
        properties.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, scratch.password());
      }
      for (String setting : List.of(AvailableSettings.DATASOURCE, AvailableSettings.JAKARTA_JTA_DATASOURCE,
          AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, AvailableSettings.CONNECTION_PROVIDER)) {
        properties.remove(setting);
      }
      SCRIPTS.forEach(properties::remove);
      configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
      configuration.setProperty(AvailableSettings.HBM2DDL_SKIP_DEFAULT_IMPORT_FILE, true);
      // a statement Hibernate's export fails on is an error, not a line in a log nobody reads
      configuration.setProperty(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
      configuration.setProperty(AvailableSettings.SHOW_SQL, false);
      SessionFactory sessionFactory;
      try {
        sessionFactory = configuration.buildSessionFactory();
      } catch (RuntimeException e) {
        throw rejected(packageName, e);
      }
      EntityExport export = new EntityExport(sessionFactory);
      try {
        if (sessionFactory.getMetamodel().getEntities().isEmpty()) {
          throw new AutogenerateFailure((packageName != null ? "package " + packageName + " (" + scanned + " classes)"
              : "the declared HibernateConfigurers") + " map no entity; pass --entities=PACKAGE with the"
              + " application's @Entity classes");
        }
        ExportVetting.check(capture.metadata, kind);
        export.run(capture.metadata, packageName);
        return export;
      } catch (RuntimeException e) {
        export.close();
        throw e;
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private void run(Metadata metadata, String packageName) {
    this.metadata = metadata;
    Map<String, Object> settings = new HashMap<>(sessionFactory.getProperties());
    SCRIPTS.forEach(settings::remove);
    settings.put(AvailableSettings.HBM2DDL_AUTO, "create-drop");
    settings.put(AvailableSettings.HBM2DDL_SKIP_DEFAULT_IMPORT_FILE, true);
    settings.put(AvailableSettings.JAKARTA_HBM2DDL_CREATE_SOURCE, "metadata");
    settings.put(AvailableSettings.JAKARTA_HBM2DDL_DROP_SOURCE, "metadata");
    try {
      SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> drop = action);
    } catch (RuntimeException e) {
      throw rejected(packageName, e);
    }
  }

  private static AutogenerateFailure rejected(String packageName, RuntimeException e) {
    return new AutogenerateFailure("Hibernate rejects the entities" + (packageName != null ? " of " + packageName : "")
        + ": " + Causes.rootMessage(e) + "; fix the mapping and run the command again");
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

  /** @return the unique keys, foreign keys and column types Hibernate maps, read from its boot metadata */
  MappedSchema mappedSchema() {
    return MappedSchema.of(metadata,
        sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect());
  }

  /** Drops what the export created, then closes the session factory. */
  @Override
  public void close() {
    try {
      if (drop != null) {
        drop.perform(registry);
      }
    } finally {
      sessionFactory.close();
    }
  }

  /** Receives Hibernate's boot metadata while the session factory is built, for the check before the export. */
  private static final class MetadataCapture implements Integrator {
    private Metadata metadata;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
        SessionFactoryImplementor sessionFactory) {
      this.metadata = metadata;
    }
  }
}
