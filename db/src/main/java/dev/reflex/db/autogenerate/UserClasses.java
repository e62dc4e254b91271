package dev.reflex.db.autogenerate;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The application's classes and jars ({@code --classpath}) in a class loader of their own, whose parent is
 * reflex-db's: Hibernate and Jakarta Persistence are reflex-db's copies, so that the annotations the application's
 * classes carry are the ones Hibernate looks for. provider-hibernate, for the declared configurers, comes from
 * {@code --classpath}.
 *
 * <p>Not thread-safe; used once.
 */
public final class UserClasses implements AutoCloseable {
  /** What {@code --classpath} is when it is not given: a Maven project's build output. */
  public static final String DEFAULT = "target/classes, with the jars of target/dependency and target/lib";

  private final List<Path> entries;
  private final URLClassLoader loader;

  private UserClasses(List<Path> entries) {
    this.entries = entries;
    URL[] urls = entries.stream().map(UserClasses::url).toArray(URL[]::new);
    this.loader = new URLClassLoader("reflex-db-application", urls, UserClasses.class.getClassLoader());
  }

  /**
   * Opens the application's class path.
   *
   * @param classpath the {@code --classpath} value (entries split by the platform's path separator; a folder
   *     ending in {@code /*} means its jars), or {@code null} for {@value #DEFAULT}
   * @return the classes
   */
  static UserClasses open(String classpath) {
    List<Path> entries = new ArrayList<>();
    if (classpath == null) {
      Path classes = Path.of("target", "classes");
      if (!Files.isDirectory(classes)) {
        throw new AutogenerateFailure("no --classpath and no target/classes in " + Path.of("").toAbsolutePath()
            + "; build the application first, or pass --classpath=DIR_OR_JARS with its classes");
      }
      entries.add(classes);
      entries.addAll(jars(Path.of("target", "dependency")));
      entries.addAll(jars(Path.of("target", "lib")));
      return new UserClasses(entries);
    }
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      if (entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
        entries.addAll(jars(Path.of(entry.substring(0, entry.length() - 2))));
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new AutogenerateFailure("--classpath names " + entry + ", which does not exist; pass the folder of the"
            + " application's compiled classes (e.g. target/classes) and its jars");
      }
      entries.add(path);
    }
    if (entries.isEmpty()) {
      throw new AutogenerateFailure("--classpath is empty; pass the folder of the application's compiled classes"
          + " (e.g. target/classes) and its jars");
    }
    return new UserClasses(entries);
  }

  /** @return the class loader of the application's classes */
  ClassLoader loader() {
    return loader;
  }

  /**
   * Finds every {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} and {@code @Converter} in a
   * package and its subpackages.
   *
   * @param packageName e.g. {@code app.model}
   * @return the classes, in name order
   */
  List<Class<?>> mappedClasses(String packageName) {
    String folder = packageName.replace('.', '/');
    List<String> names = new ArrayList<>();
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        Path root = entry.resolve(folder);
        if (Files.isDirectory(root)) {
          try (Stream<Path> files = Files.walk(root)) {
            files.map(file -> entry.relativize(file).toString().replace(File.separatorChar, '/'))
                .filter(UserClasses::isClassFile).forEach(names::add);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      } else if (entry.toString().endsWith(".jar")) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          Enumeration<JarEntry> jarEntries = jar.entries();
          while (jarEntries.hasMoreElements()) {
            String name = jarEntries.nextElement().getName();
            if (name.startsWith(folder + "/") && isClassFile(name)) {
              names.add(name);
            }
          }
        } catch (IOException e) {
          throw new AutogenerateFailure("cannot read " + entry + " of --classpath: " + e.getMessage());
        }
      }
    }
    List<Class<?>> mapped = new ArrayList<>();
    names.stream().sorted().distinct().forEach(name -> {
      Class<?> type = load(name.substring(0, name.length() - ".class".length()).replace('/', '.'), packageName);
      if (isMapped(type)) {
        mapped.add(type);
      }
    });
    return mapped;
  }

  /**
   * A class of the package that cannot be loaded may be an entity, and one left out would read as a table to drop:
   * it is an error, naming the class and what it lacks.
   */
  private Class<?> load(String name, String packageName) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      String missing = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('/', '.');
      throw new AutogenerateFailure("class " + name + " of --entities " + packageName + " cannot be loaded: it needs "
          + missing + " (" + e.getClass().getSimpleName() + "), which is not on --classpath; add the jar or folder"
          + " that holds it to --classpath");
    }
  }

  private static boolean isClassFile(String name) {
    return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class");
  }

  private static boolean isMapped(Class<?> type) {
    return type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
        || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class);
  }

  private static List<Path> jars(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
