package dev.reflex.db.autogenerate;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.hibernate.cfg.Configuration;

/**
 * The application's declared {@code HibernateConfigurer}s, read from {@code --classpath}. reflex-db does not ship
 * provider-hibernate (it would make a cycle in the build, and an application's copy is the one its configurers
 * were compiled against): the interface is loaded by name from the application's class loader, whose parent holds
 * reflex-db's Hibernate, so the {@link Configuration} they receive is the one the export builds.
 *
 * <p>Not thread-safe; used once.
 */
final class DeclaredConfigurers {
  static final String INTERFACE = "dev.reflex.orm.hibernate.HibernateConfigurer";
  private static final String SERVICE_FILE = "META-INF/services/" + INTERFACE;

  private final List<Object> configurers;
  private final Method configure;

  private DeclaredConfigurers(List<Object> configurers, Method configure) {
    this.configurers = configurers;
    this.configure = configure;
  }

  /**
   * Finds the configurers declared on the application's class path.
   *
   * @param loader the application's class loader
   * @return them; none when the application declares none
   * @throws AutogenerateFailure when some are declared but reflex-orm-hibernate is not on {@code --classpath}, or one
   *     cannot be created
   */
  static DeclaredConfigurers load(ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(INTERFACE, false, loader);
    } catch (ClassNotFoundException e) {
      if (declared(loader)) {
        throw new AutogenerateFailure("--classpath declares a HibernateConfigurer (" + SERVICE_FILE + ") but has no"
            + " reflex-orm-hibernate jar, so it cannot be read; put reflex-orm-hibernate on --classpath (e.g."
            + " target/dependency, from mvn dependency:copy-dependencies)");
      }
      return new DeclaredConfigurers(List.of(), null);
    }
    // reflex-db may run as a named module: it declares the use of a service it only knows by name here
    DeclaredConfigurers.class.getModule().addUses(type);
    try {
      List<Object> found = ServiceLoader.load(type, loader).stream().map(p -> (Object) p.get()).toList();
      return new DeclaredConfigurers(found, type.getMethod("configure", Configuration.class));
    } catch (ServiceConfigurationError e) {
      throw new AutogenerateFailure("a HibernateConfigurer declared on --classpath cannot be created: "
          + Causes.rootMessage(e) + "; it needs a public no-argument constructor and its dependencies on"
          + " --classpath");
    } catch (NoSuchMethodException e) {
      throw new AutogenerateFailure("the reflex-orm-hibernate on --classpath has no configure(" + Configuration.class
          .getName() + ") of reflex-db's Hibernate; put the reflex-orm-hibernate of this reflex-db's version on"
          + " --classpath");
    }
  }

  private static boolean declared(ClassLoader loader) {
    try {
      return loader.getResources(SERVICE_FILE).hasMoreElements();
    } catch (IOException e) {
      return false;
    }
  }

  /** @return whether the application declares none */
  boolean isEmpty() {
    return configurers.isEmpty();
  }

  /**
   * Lets each configurer change the configuration, in the order they are declared.
   *
   * @param configuration Hibernate's configuration of the export
   */
  void applyTo(Configuration configuration) {
    for (Object configurer : configurers) {
      try {
        configure.invoke(configurer, configuration);
      } catch (InvocationTargetException e) {
        throw new AutogenerateFailure("the HibernateConfigurer " + configurer.getClass().getName() + " failed: "
            + Causes.rootMessage(e.getCause()) + "; fix it and run the command again");
      } catch (IllegalAccessException e) {
        throw new AutogenerateFailure("the HibernateConfigurer " + configurer.getClass().getName() + " cannot be"
            + " called: " + e.getMessage() + "; make it a public class");
      }
    }
  }
}
