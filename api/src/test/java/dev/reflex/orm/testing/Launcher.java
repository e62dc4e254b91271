package dev.reflex.orm.testing;

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
 * Runs the packaged {@code reflex-db} launcher ({@code bin/reflex-db}, named by the system property
 * {@value #LAUNCHER_PROPERTY}) as a separate process, as a user would, in a working directory and with an
 * environment of the test's choosing; nothing of the developer's own {@code REFLEX_DB_URL} or
 * {@code LIQUIBASE_*} settings leaks in.
 *
 * <p>Not thread-safe to configure; {@link #start} may be called from several threads once configured.
 */
public final class Launcher {
  /** The system property a module's POM sets to the path of {@code bin/reflex-db}. */
  public static final String LAUNCHER_PROPERTY = "reflex.db.launcher";

  private static final long TIMEOUT_SECONDS = 120;

  private final Path workingDirectory;
  private final Path launcher;
  private final Map<String, String> environment = new HashMap<>();

  /** @param workingDirectory the folder reflex-db runs in */
  public Launcher(Path workingDirectory) {
    this(workingDirectory, null);
  }

  /**
   * A launcher of a copy of the distribution.
   *
   * @param workingDirectory the folder reflex-db runs in
   * @param launcher the copy's {@code bin/reflex-db}, or {@code null} for the packaged one
   */
  public Launcher(Path workingDirectory, Path launcher) {
    this.workingDirectory = workingDirectory;
    this.launcher = launcher;
  }

  /**
   * Sets an environment variable for the runs.
   *
   * @param name the variable
   * @param value its value
   * @return this launcher
   */
  public Launcher env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * Runs reflex-db with these arguments and waits for it.
   *
   * @param args the command line
   * @return what it printed and its exit code
   */
  public Result run(String... args) {
    return start(args).await();
  }

  /**
   * Starts reflex-db with these arguments without waiting: for runs side by side, or to kill one.
   *
   * @param args the command line
   * @return the running process
   */
  public Running start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher().toString());
    command.addAll(Arrays.asList(args));
    return exec(command);
  }

  /**
   * Runs the stock Liquibase command line from reflex-db's own lib folder, for compatibility checks.
   *
   * @param args Liquibase's command line
   * @return what it printed and its exit code
   */
  public Result runStockLiquibase(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", launcher().getParent().resolveSibling("lib") + "/*",
        "liquibase.integration.commandline.LiquibaseCommandLine"));
    command.addAll(Arrays.asList(args));
    return exec(command).await();
  }

  private Running exec(List<String> command) {
    try {
      Path out = Files.createTempFile("reflex-db-out", ".txt");
      Path err = Files.createTempFile("reflex-db-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("REFLEX_DB_") || name.startsWith("LIQUIBASE_"));
      env.putAll(environment);
      env.put("JAVA_HOME", environment.getOrDefault("JAVA_HOME", System.getProperty("java.home"))); // unless named
      Process process = builder.start();
      process.getOutputStream().close();
      return new Running(command, process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path launcher() {
    return launcher != null ? launcher : packaged();
  }

  /** @return the packaged {@code bin/reflex-db}, named by {@value #LAUNCHER_PROPERTY} */
  public static Path packaged() {
    Path launcher = Path.of(System.getProperty(LAUNCHER_PROPERTY, "target/reflex-db/bin/reflex-db"));
    if (!Files.isExecutable(launcher)) {
      throw new AssertionError(launcher + " is missing: these tests run after `package`, e.g. ./mvnw verify");
    }
    return launcher.toAbsolutePath();
  }

  /** A reflex-db process that has been started. */
  public static final class Running {
    private final List<String> command;
    private final Process process;
    private final Path out;
    private final Path err;

    Running(List<String> command, Process process, Path out, Path err) {
      this.command = command;
      this.process = process;
      this.out = out;
      this.err = err;
    }

    /** @return the process: the JVM itself, since {@code bin/reflex-db} ends in {@code exec java} */
    public Process process() {
      return process;
    }

    /**
     * Waits for the process to end (killing it after two minutes) and reads what it printed.
     *
     * @return what it printed and its exit code
     */
    public Result await() {
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("reflex-db " + command + " did not finish within " + TIMEOUT_SECONDS + " s");
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
  }

  /**
   * What a run printed and how it ended.
   *
   * @param exitCode the process's exit code
   * @param out standard output
   * @param err standard error
   */
  public record Result(int exitCode, String out, String err) {
    /** @return both streams, for asserting that a secret appears in neither */
    public String all() {
      return out + err;
    }

    /** @return the non-blank lines of standard error */
    public List<String> errLines() {
      return err.lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
