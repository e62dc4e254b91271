package dev.reflex.orm.hibernate;

import dev.reflex.orm.ProviderFailedException;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Picks Hibernate's classes out of those the application registered, and checks that Hibernate may reach into
 * them before it tries: an entity package not opened to Hibernate would otherwise fail deep in its bytecode
 * support with a message that does not say what to change.
 *
 * <p>Thread-safe (stateless).
 */
final class MappedTypes {
  private MappedTypes() {}

  /**
   * Returns the registered classes that carry {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} or
   * {@code @Converter}; the rest belong to other providers.
   */
  static List<Class<?>> of(List<Class<?>> registered) {
    return registered.stream().filter(MappedTypes::isMapped).collect(Collectors.toList());
  }

  private static boolean isMapped(Class<?> type) {
    return type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
        || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class);
  }

  /**
   * Fails, naming the one line to add, when a class lives in a named module that does not open its package to
   * Hibernate's module.
   *
   * @throws ProviderFailedException for the first such class
   */
  static void checkOpen(List<Class<?>> mapped) {
    Module hibernate = Session.class.getModule();
    for (Class<?> type : mapped) {
      Module module = type.getModule();
      String pkg = type.getPackageName();
      if (module.isNamed() && !module.isOpen(pkg, hibernate)) {
        String line = hibernate.isNamed() ? "opens " + pkg + " to " + hibernate.getName() + ";" : "opens " + pkg + ";";
        throw new ProviderFailedException("Hibernate cannot reach " + type.getName() + ": module " + module.getName()
            + " does not open package " + pkg + " to it; add `" + line + "` to the module-info.java of "
            + module.getName());
      }
    }
  }
}
