package dev.reflex.db.autogenerate;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * The application's physical naming strategy (its configurers', or Hibernate's default), with one change: a catalog
 * or schema that names the target's own database or schema becomes no qualifier at all, which in the export is the
 * scratch database's own default. So {@code @Table(schema = "public")} or {@code @Table(catalog = "<live db>")}
 * lands in the scratch database, and is compared with the target's default schema as the application means it.
 *
 * <p>Immutable and thread-safe when the strategy it wraps is.
 */
final class ScratchNaming implements PhysicalNamingStrategy {
  private final PhysicalNamingStrategy delegate;
  private final Set<String> targetNames;

  private ScratchNaming(PhysicalNamingStrategy delegate, Set<String> targetNames) {
    this.delegate = delegate;
    this.targetNames = targetNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * Wraps the strategy the configuration would use, after the configurers ran.
   *
   * @param configuration the export's configuration
   * @param loader the application's class loader, for a strategy named by class
   * @param targetNames the target's database and default schema, as the database reports them
   */
  static void apply(Configuration configuration, ClassLoader loader, Set<String> targetNames) {
    PhysicalNamingStrategy strategy = configuration.getPhysicalNamingStrategy();
    if (strategy == null) {
      strategy = fromSetting(configuration.getProperties().get(AvailableSettings.PHYSICAL_NAMING_STRATEGY), loader);
    }
    configuration.setPhysicalNamingStrategy(new ScratchNaming(strategy, targetNames));
  }

  private static PhysicalNamingStrategy fromSetting(Object setting, ClassLoader loader) {
    if (setting == null) {
      return PhysicalNamingStrategyStandardImpl.INSTANCE;
    }
    if (setting instanceof PhysicalNamingStrategy strategy) {
      return strategy;
    }
    try {
      Class<?> type = setting instanceof Class<?> given ? given : Class.forName(setting.toString().strip(), true,
          loader);
      return (PhysicalNamingStrategy) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new AutogenerateFailure(AvailableSettings.PHYSICAL_NAMING_STRATEGY + " is " + setting + ", which is not a"
          + " PhysicalNamingStrategy with a public no-argument constructor on --classpath (" + Causes.rootMessage(e)
          + "); fix the setting or --classpath");
    }
  }

  @Override
  public Identifier toPhysicalCatalogName(Identifier logicalName, JdbcEnvironment environment) {
    return unlessTarget(delegate.toPhysicalCatalogName(logicalName, environment));
  }

  @Override
  public Identifier toPhysicalSchemaName(Identifier logicalName, JdbcEnvironment environment) {
    return unlessTarget(delegate.toPhysicalSchemaName(logicalName, environment));
  }

  @Override
  public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment environment) {
    return delegate.toPhysicalTableName(logicalName, environment);
  }

  @Override
  public Identifier toPhysicalSequenceName(Identifier logicalName, JdbcEnvironment environment) {
    return delegate.toPhysicalSequenceName(logicalName, environment);
  }

  @Override
  public Identifier toPhysicalColumnName(Identifier logicalName, JdbcEnvironment environment) {
    return delegate.toPhysicalColumnName(logicalName, environment);
  }

  @Override
  public Identifier toPhysicalTypeName(Identifier logicalName, JdbcEnvironment environment) {
    return delegate.toPhysicalTypeName(logicalName, environment);
  }

  private Identifier unlessTarget(Identifier physical) {
    return physical != null && targetNames.contains(physical.getText().toLowerCase(Locale.ROOT)) ? null : physical;
  }
}
