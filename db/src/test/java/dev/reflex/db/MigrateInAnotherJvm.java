package dev.reflex.db;

import dev.reflex.orm.migrations.MigrationReport;
import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.migrations.UnableToMigrateException;
import dev.reflex.orm.ReflexDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application that migrates from code when it starts, run as a JVM of its own: {@code main(url, changelog)}
 * prints {@code applied N} and exits 0, or prints the {@link UnableToMigrateException}'s message and exits 1.
 */
public final class MigrateInAnotherJvm {
  private MigrateInAnotherJvm() {}

  /**
   * Migrates.
   *
   * @param args the database URL and the changelog
   */
  public static void main(String[] args) {
    try (ReflexDatabase database = ReflexDatabase.builder().url(args[0]).build()) {
      MigrationReport report = Migrations.of(args[1]).update(database);
      System.out.println("applied " + report.applied().size());
    } catch (UnableToMigrateException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Starts the application in a new JVM with this JVM's class path.
   *
   * @param directory the working directory
   * @param env environment variables to add
   * @param args the database URL and the changelog
   * @return the process, its standard output and error merged
   */
  static Process start(Path directory, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), MigrateInAnotherJvm.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("REFLEX_DB_") || name.startsWith("LIQUIBASE_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  /** @return what the process printed, once it ended (killed after two minutes) */
  static String await(Process process) throws IOException, InterruptedException {
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return output;
  }
}
