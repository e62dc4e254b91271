package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.spi.ToolProvider;

/**
 * Compiles small modules from source at test time (test providers, probes), against the API's classes and
 * its dependency jars, so that discovery is tested on real jars-as-folders, on the module path and the class
 * path, without committing binaries.
 */
final class SourceModules {
  private SourceModules() {}

  /** @return the API's compiled module, an exploded module folder with its module-info.class */
  static Path apiClasses() {
    return Path.of("target", "classes").toAbsolutePath();
  }

  /** @return the jars of this test class path whose file names contain one of the fragments */
  static List<Path> jars(String... fragments) {
    List<Path> found = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      for (String fragment : fragments) {
        if (name.endsWith(".jar") && name.startsWith(fragment)) {
          found.add(path);
        }
      }
    }
    assertThat(found).as("jars %s on the test class path", List.of(fragments)).hasSize(fragments.length);
    return found;
  }

  /** @return the runtime of the API: HikariCP, SLF4J with its simple binding, and H2 as the database */
  static List<Path> runtime() {
    List<Path> paths = new ArrayList<>();
    paths.add(apiClasses());
    paths.addAll(jars("HikariCP-", "slf4j-api-", "slf4j-simple-", "h2-"));
    return paths;
  }

  /**
   * Compiles one module.
   *
   * @param output the folder to compile into
   * @param sources path (relative, like {@code test/alpha/AlphaProvider.java}) to source text
   * @return the output folder
   */
  static Path compile(Path output, Map<String, String> sources) {
    try {
      Path src = Files.createDirectories(output.resolveSibling(output.getFileName() + "-src"));
      List<String> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        if (source.getKey().endsWith(".java")) {
          files.add(file.toString());
        }
      }
      Files.createDirectories(output);
      String modulePath = runtime().stream().map(Path::toString)
          .collect(Collectors.joining(java.io.File.pathSeparator));
      List<String> args = new ArrayList<>(List.of("--release", "17", "-d", output.toString(), "--module-path",
          modulePath));
      args.addAll(files);
      // java.util.spi.ToolProvider, not javax.tools: the tests are patched into dev.reflex.orm, which does not
      // read java.compiler
      ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
      StringWriter errors = new StringWriter();
      int status = javac.run(new PrintWriter(errors), new PrintWriter(errors), args.toArray(String[]::new));
      assertThat(status).as("compiling %s: %s", output, errors).isZero();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        if (source.getKey().startsWith("META-INF/")) {
          Path resource = output.resolve(source.getKey());
          Files.createDirectories(resource.getParent());
          Files.writeString(resource, source.getValue());
        }
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The source of a test provider module: a provider named {@code name}, or one whose constructor throws.
   *
   * @param name the provider name and the last part of its module and package name
   * @param broken whether its constructor throws
   * @return the sources, module-info and META-INF/services included
   */
  static Map<String, String> provider(String name, boolean broken) {
    String pkg = "test." + name;
    String type = pkg + ".Provider";
    String constructor = broken ? "public Provider() { throw new IllegalStateException(\"broken on purpose\"); }"
        : "public Provider() {}";
    String body = "package " + pkg + ";\n"
        + "import dev.reflex.orm.spi.*;\n"
        + "public final class Provider implements ReflexProvider {\n"
        + "  " + constructor + "\n"
        + "  public String name() { return \"" + name + "\"; }\n"
        + "  public ProviderEngine start(ProviderContext context) {\n"
        + "    return new ProviderEngine() {\n"
        + "      public ProviderSession openSession() { throw new UnsupportedOperationException(); }\n"
        + "      public <T> T unwrap(Class<T> t) { return null; }\n"
        + "      public void close() {}\n"
        + "    };\n"
        + "  }\n"
        + "}\n";
    return Map.of(
        "module-info.java", "module " + pkg + " { requires dev.reflex.orm; provides "
            + "dev.reflex.orm.spi.ReflexProvider with " + type + "; }",
        pkg.replace('.', '/') + "/Provider.java", body,
        "META-INF/services/dev.reflex.orm.spi.ReflexProvider", type + "\n");
  }

  /** @return a probe module whose {@code test.probe.Probe.run()} builds a database and says what happened */
  static Map<String, String> probe() {
    return Map.of(
        "module-info.java", "module test.probe { requires dev.reflex.orm; exports test.probe; }",
        "test/probe/Probe.java", "package test.probe;\n"
            + "import dev.reflex.orm.*;\n"
            + "public final class Probe {\n"
            + "  public static String run() {\n"
            + "    try (ReflexDatabase db = ReflexDatabase.builder().url(\"h2://\").build()) {\n"
            + "      return \"provider=\" + db.provider();\n"
            + "    } catch (ReflexException e) {\n"
            + "      return e.getClass().getSimpleName() + \": \" + e.getMessage();\n"
            + "    }\n"
            + "  }\n"
            + "}\n");
  }
}
