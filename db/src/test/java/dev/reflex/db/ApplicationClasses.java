package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An application's {@code --classpath}, compiled while the test runs: its entities may name a database whose name
 * is only known then, and its declared {@code HibernateConfigurer} is compiled against provider-hibernate's own
 * source of that interface (reflex-db reads it by name, and this module cannot depend on provider-hibernate).
 * Files that are not {@code .java} ({@code import.sql}, service files) are copied beside the classes.
 */
final class ApplicationClasses {
  private static final Path CONFIGURER_SOURCE =
      Path.of("..", "provider-hibernate", "src", "main", "java", "dev", "reflex", "orm", "hibernate",
          "HibernateConfigurer.java");

  private ApplicationClasses() {}

  /**
   * Compiles the sources, with provider-hibernate's {@code HibernateConfigurer}, into a folder.
   *
   * @param dir the folder, created
   * @param files relative path to text
   * @return the folder, for {@code --classpath}
   */
  static Path compile(Path dir, Map<String, String> files) {
    try {
      Path src = Files.createDirectories(dir.resolve("src"));
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
          .toString(), "-d", classes.toString(), "-proc:none", "-classpath",
          String.join(File.pathSeparator, location(jakarta.persistence.Entity.class),
              location(org.hibernate.cfg.Configuration.class), location(dev.reflex.orm.ReflexConfigurer.class))));
      arguments.add(CONFIGURER_SOURCE.toAbsolutePath().toString());
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = (file.getKey().endsWith(".java") ? src : classes).resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
        if (file.getKey().endsWith(".java")) {
          arguments.add(target.toString());
        }
      }
      // javac as a process: the test classes are patched into module dev.reflex.db, which does not read java.compiler
      Process javac = new ProcessBuilder(arguments).redirectErrorStream(true).start();
      String output = new String(javac.getInputStream().readAllBytes());
      assertThat(javac.waitFor()).as("javac %s: %s", arguments, output).isZero();
      try (Stream<Path> compiled = Files.walk(classes)) {
        assertThat(compiled).anyMatch(file -> file.toString().endsWith("HibernateConfigurer.class"));
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
