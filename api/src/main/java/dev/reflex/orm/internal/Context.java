package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.InvalidConfigurationException;
import dev.reflex.orm.ReflexConfigurer;
import dev.reflex.orm.spi.ProviderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The {@link ProviderContext} handed to a provider.
 *
 * @param dataSource the pool or the application's data source
 * @param poolRollsBackOnClose whether the data source is a HikariCP pool
 * @param databaseKind the kind of database
 * @param registeredTypes the classes the application registered
 * @param allConfigurers every configurer the application passed, of any provider
 * @param echo whether to log every statement
 */
public record Context(DataSource dataSource, boolean poolRollsBackOnClose, DatabaseKind databaseKind,
    List<Class<?>> registeredTypes, List<ReflexConfigurer> allConfigurers, boolean echo) implements ProviderContext {

  /**
   * Copies the lists, so the context stays immutable.
   *
   * @param dataSource the pool or the application's data source
   * @param poolRollsBackOnClose whether the data source is a HikariCP pool
   * @param databaseKind the kind of database
   * @param registeredTypes the classes the application registered
   * @param allConfigurers every configurer the application passed, of any provider
   * @param echo whether to log every statement
   */
  public Context {
    registeredTypes = List.copyOf(registeredTypes);
    allConfigurers = List.copyOf(allConfigurers);
  }

  @Override
  public <C extends ReflexConfigurer> List<C> configurers(Class<C> type) {
    return passed(type, allConfigurers);
  }

  @Override
  public <C extends ReflexConfigurer> List<C> configurers(Class<C> type, ServiceLoader<C> declared) {
    return ordered(type, allConfigurers, declared);
  }

  /**
   * Orders the configurers of one type as every configurer runs: the declared ones, then those passed to the
   * builder, a declared one of the same class as a passed one left out. The providers reach it through
   * {@link #configurers(Class, ServiceLoader)}; the pool's configurers through {@link Pools}.
   *
   * @param type the configurer type
   * @param all every configurer passed to the builder, of any type
   * @param declared {@code ServiceLoader.load(type)}, called from the module that {@code uses} the type
   * @param <C> that type
   * @return the configurers to run, in order
   * @throws InvalidConfigurationException when a declared configurer cannot be loaded, naming what to check
   */
  public static <C extends ReflexConfigurer> List<C> ordered(Class<C> type, List<ReflexConfigurer> all,
      ServiceLoader<C> declared) {
    List<C> passed = passed(type, all);
    Set<Class<?>> passedClasses = passed.stream().map(Object::getClass).collect(Collectors.toSet());
    List<C> ordered = new ArrayList<>();
    try {
      declared.forEach(configurer -> {
        if (!passedClasses.contains(configurer.getClass())) {
          ordered.add(configurer);
        }
      });
    } catch (ServiceConfigurationError e) {
      throw new InvalidConfigurationException("A declared " + type.getSimpleName() + " cannot be loaded: "
          + e.getMessage() + "; check its provides clause or META-INF/services entry and its public no-argument"
          + " constructor", e);
    }
    ordered.addAll(passed);
    return ordered;
  }

  private static <C extends ReflexConfigurer> List<C> passed(Class<C> type, List<ReflexConfigurer> all) {
    return all.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }
}
