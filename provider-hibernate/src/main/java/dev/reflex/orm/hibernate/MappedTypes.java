package dev.reflex.orm.hibernate;

import dev.reflex.orm.ProviderFailedException;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
   * Fails, naming the one line to add, when a class Hibernate will reach into lives in a named module that does
   * not open its package to Hibernate's module: the registered classes, their superclasses (a
   * {@code @MappedSuperclass} often lives in a package of its own) and the embeddable types of their fields.
   *
   * @throws ProviderFailedException for the first such class
   */
  static void checkOpen(List<Class<?>> mapped) {
    Module hibernate = Session.class.getModule();
    for (Class<?> type : reachedBy(mapped)) {
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

  /** The registered classes, then what Hibernate reads through them, each once, in the order met. */
  private static Set<Class<?>> reachedBy(List<Class<?>> mapped) {
    Set<Class<?>> reached = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>(mapped);
    while (!pending.isEmpty()) {
      Class<?> type = pending.removeFirst();
      if (!reached.add(type)) {
        continue;
      }
      for (Class<?> above = type.getSuperclass(); above != null && above != Object.class;
          above = above.getSuperclass()) {
        if (isMapped(above)) {
          pending.add(above);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        pending.addAll(embeddables(field));
      }
    }
    return reached;
  }

  /** The field's type, or its collection's element types, where they are {@code @Embeddable}. */
  private static List<Class<?>> embeddables(Field field) {
    List<Class<?>> found = new ArrayList<>();
    boolean embedded = field.isAnnotationPresent(Embedded.class) || field.isAnnotationPresent(EmbeddedId.class);
    Class<?> type = field.getType();
    if (type.isAnnotationPresent(Embeddable.class)
        || (embedded && !type.isPrimitive() && !type.getName().startsWith("java."))) {
      found.add(type);
    }
    if (field.getGenericType() instanceof ParameterizedType) {
      for (Type argument : ((ParameterizedType) field.getGenericType()).getActualTypeArguments()) {
        if (argument instanceof Class && ((Class<?>) argument).isAnnotationPresent(Embeddable.class)) {
          found.add((Class<?>) argument);
        }
      }
    }
    return found;
  }
}
