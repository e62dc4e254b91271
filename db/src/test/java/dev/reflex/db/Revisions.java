package dev.reflex.db;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import dev.reflex.orm.testing.Launcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.yaml.snakeyaml.Yaml;

/** What the revision tests check with the real tools: Hibernate's validation, stock Liquibase, the written files. */
final class Revisions {
  /** The compiled test classes: the application's classes as {@code --classpath} sees them. */
  static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

  private Revisions() {}

  /**
   * Runs Hibernate's own schema validation ({@code hibernate.hbm2ddl.auto=validate}) of one version of the
   * clinic model against a database; fails with Hibernate's message when the schema does not match.
   */
  static void hibernateValidates(String url, String packageName) {
    DatabaseUrl parsed = UrlParser.parse(url);
    Configuration configuration = new Configuration();
    classesOf(packageName).forEach(configuration::addAnnotatedClass);
    configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, parsed.jdbcUrl());
    if (parsed.user() != null) {
      configuration.setProperty(AvailableSettings.JAKARTA_JDBC_USER, parsed.user());
    }
    if (parsed.password() != null) {
      configuration.setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, parsed.password());
    }
    if (parsed.jdbcUrl().startsWith("jdbc:sqlite:")) {
      configuration.setProperty(AvailableSettings.DIALECT, SqliteLongIdDialect.class);
    }
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
    // the registry (and with it Hibernate's connection pool) is destroyed explicitly: a connection left open
    // would keep an H2 file database open in this JVM while the next reflex-db process works on the same file
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder().applySettings(configuration.getProperties()).build();
    try {
      configuration.buildSessionFactory(registry).close();
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private static List<Class<?>> classesOf(String packageName) {
    Path folder = TEST_CLASSES.resolve(packageName.replace('.', '/'));
    try (Stream<Path> files = Files.list(folder)) {
      List<Class<?>> classes = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString();
        classes.add(Class.forName(packageName + "." + name.substring(0, name.length() - 6)));
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** @return the changelog files under {@code db/changelog/changes}, in name order */
  static List<Path> changeFiles(Path project) {
    Path changes = project.resolve("db/changelog/changes");
    if (!Files.isDirectory(changes)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(changes)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the change types of the one changeset of a file written by revision, in order */
  @SuppressWarnings("unchecked")
  static List<String> changeTypes(Path file) {
    try {
      Map<String, Object> changelog = new Yaml().load(Files.readString(file));
      List<Map<String, Object>> changeSets = (List<Map<String, Object>>) changelog.get("databaseChangeLog");
      if (changeSets.size() != 1) {
        throw new AssertionError(file + " holds " + changeSets.size() + " changesets, not one");
      }
      Map<String, Object> changeSet = (Map<String, Object>) changeSets.get(0).get("changeSet");
      List<Map<String, Object>> changes = (List<Map<String, Object>>) changeSet.get("changes");
      return changes == null ? List.of() : changes.stream().map(change -> change.keySet().iterator().next()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs liquibase-core's own entry point in a JVM of its own, on a class path of Liquibase, its dependencies
   * and the drivers only: no reflex-db, no Hibernate.
   */
  static Launcher.Result stockLiquibase(Path project, String url, String... args) {
    Path lib = Launcher.packaged().getParent().resolveSibling("lib");
    String classPath;
    try (Stream<Path> jars = Files.list(lib)) {
      classPath = String.join(":", jars.map(Path::toString).filter(Revisions::isLiquibaseOrDriver).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DatabaseUrl parsed = UrlParser.parse(url);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", classPath, "liquibase.integration.commandline.LiquibaseCommandLine",
        "--show-banner=false", "--url=" + parsed.jdbcUrl(), "--changelog-file=db/changelog/db.changelog-master.yaml"));
    if (parsed.user() != null) {
      command.add("--username=" + parsed.user());
    }
    command.addAll(Arrays.asList(args));
    try {
      Path out = Files.createTempFile("liquibase-out", ".txt");
      Path err = Files.createTempFile("liquibase-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("REFLEX_DB_") || name.startsWith("LIQUIBASE_"));
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("stock Liquibase " + args[0] + " did not finish within 120 s");
      }
      Launcher.Result result = new Launcher.Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static boolean isLiquibaseOrDriver(String jar) {
    String name = Path.of(jar).getFileName().toString();
    return Stream.of("liquibase-core-", "snakeyaml-", "opencsv-", "commons-", "picocli-", "sqlite-jdbc-", "h2-",
        "postgresql-", "mariadb-java-client-").anyMatch(name::startsWith);
  }
}
