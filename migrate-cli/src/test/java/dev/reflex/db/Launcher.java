package dev.reflex.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code target/reflex-db/bin/reflex-db} as a separate process, as a user would, in a
 * working directory and with an environment of the test's choosing; nothing of the developer's own
 * {@code REFLEX_DB_URL} or {@code LIQUIBASE_*} settings leaks in.
 */
final class Launcher {
  private final Path workingDirectory;
  private final Path launcher;
  private final Map<String, String> environment = new HashMap<>();

  Launcher(Path workingDirectory) {
    this(workingDirectory, null);
  }

  /** A launcher of a copy of the distribution, {@code null} for the packaged one. */
  Launcher(Path workingDirectory, Path launcher) {
    this.workingDirectory = workingDirectory;
    this.launcher = launcher;
  }

  /** @return this launcher with one more environment variable */
  Launcher env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Runs reflex-db with these arguments. */
  Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher().toString());
    command.addAll(Arrays.asList(args));
    return exec(command);
  }

  /** Runs the stock Liquibase command line from reflex-db's own lib folder, for compatibility checks. */
  Result runStockLiquibase(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", launcher().getParent().resolveSibling("lib") + "/*",
        "liquibase.integration.commandline.LiquibaseCommandLine"));
    command.addAll(Arrays.asList(args));
    return exec(command);
  }

  private Result exec(List<String> command) {
    try {
      Path out = Files.createTempFile("reflex-db-out", ".txt");
      Path err = Files.createTempFile("reflex-db-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("REFLEX_DB_") || name.startsWith("LIQUIBASE_"));
      env.putAll(environment);
      env.put("JAVA_HOME", System.getProperty("java.home"));
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("reflex-db " + command + " did not finish within 120 s");
      }
      Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
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

  private Path launcher() {
    return launcher != null ? launcher : packaged();
  }

  /** @return the packaged {@code target/reflex-db/bin/reflex-db} */
  static Path packaged() {
    Path launcher = Path.of(System.getProperty("reflex.db.launcher", "target/reflex-db/bin/reflex-db"));
    if (!Files.isExecutable(launcher)) {
      throw new AssertionError(launcher + " is missing: these tests run after `package`, e.g. ./mvnw verify");
    }
    return launcher.toAbsolutePath();
  }

  /** What a run printed and how it ended. */
  record Result(int exitCode, String out, String err) {
    /** @return both streams, for asserting that a secret appears in neither */
    String all() {
      return out + err;
    }

    /** @return the non-blank lines of standard error */
    List<String> errLines() {
      return err.lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
