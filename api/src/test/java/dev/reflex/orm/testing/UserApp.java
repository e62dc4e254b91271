package dev.reflex.orm.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.spi.ToolProvider;

/**
 * A user's application, compiled from source and run in a JVM of its own, as a user would run it: on the
 * module path ({@code java --module-path ... -m module/main}) or on the class path
 * ({@code java -cp ... main}), with no other flag. It proves what a test on the test class path cannot:
 * that the jars work as a named module, and as plain jars.
 *
 * <p>Sources are given as a map of relative path to text: {@code .java} files are compiled, anything else
 * ({@code META-INF/services/...}, XML mappers) is copied beside the classes. On the class path,
 * {@code module-info.java} is left out, as a class-path user would have none.
 *
 * <p>Not thread-safe; each instance works in a folder of its own.
 */
public final class UserApp {
  /** The system property a provider's POM sets to its {@code target/classes}. */
  public static final String CLASSES_PROPERTY = "reflex.test.classes";
  /** The system property a provider's POM sets to the file holding its runtime class path. */
  public static final String CLASSPATH_FILE_PROPERTY = "reflex.test.classpath.file";

  private static final long TIMEOUT_SECONDS = 120;

  private final Map<String, String> sources;
  private final Path dir;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /**
   * Creates the application in a new folder under {@link TestDatabases#tempDir()}.
   *
   * @param sources relative path (such as {@code app/Main.java}) to file text
   */
  public UserApp(Map<String, String> sources) {
    this.sources = new LinkedHashMap<>(sources);
    try {
      this.dir = Files.createDirectories(TestDatabases.tempDir().resolve("app-" + TestDatabases.suffix()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a run printed and how it ended. */
  public static final class Result {
    private final int exitCode;
    private final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }

    /** @return the process's exit code */
    public int exitCode() {
      return exitCode;
    }

    /** @return standard output and standard error, interleaved as printed */
    public String output() {
      return output;
    }

    @Override
    public String toString() {
      return "exit code " + exitCode + ", output:\n" + output;
    }
  }

  /**
   * Sets an environment variable for the runs; the rest of the environment is inherited.
   *
   * @param name the variable
   * @param value its value
   * @return this application
   */
  public UserApp env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /**
   * Runs the application with another {@code java} than the test's own, such as a newer JDK's.
   *
   * @param executable the {@code java} command
   * @return this application
   */
  public UserApp java(Path executable) {
    this.javaCommand = executable.toString();
    return this;
  }

  /**
   * Adds an option for the JVM, such as {@code -Dreflex.orm.provider=jdbi}, placed before the path.
   *
   * @param option the option
   * @return this application
   */
  public UserApp jvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  /**
   * The jars and folders a provider's application needs at run time: the provider's own classes (from
   * {@value #CLASSES_PROPERTY}) and its runtime dependencies (listed in the file named by
   * {@value #CLASSPATH_FILE_PROPERTY}, as written by {@code maven-dependency-plugin:build-classpath}).
   *
   * @return the path entries, the provider first
   */
  public static List<Path> providerRuntimePath() {
    String classes = System.getProperty(CLASSES_PROPERTY);
    String file = System.getProperty(CLASSPATH_FILE_PROPERTY);
    if (classes == null || file == null) {
      throw new IllegalStateException("Set the system properties " + CLASSES_PROPERTY + " and "
          + CLASSPATH_FILE_PROPERTY + " in the module's surefire configuration");
    }
    List<Path> path = new ArrayList<>();
    path.add(Path.of(classes));
    try {
      String text = Files.readString(Path.of(file)).trim();
      if (!text.isEmpty()) {
        Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).forEach(path::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the runtime class path from " + file, e);
    }
    return path;
  }

  /**
   * Compiles the application as a named module against {@code modulePath} and runs
   * {@code java --module-path <modulePath + app> -m <mainModuleAndClass> <args>}.
   *
   * @param modulePath the jars and folders the application's module needs
   * @param mainModuleAndClass such as {@code app/app.Main}
   * @param args the program's arguments
   * @return the run's exit code and output
   */
  public Result runOnModulePath(List<Path> modulePath, String mainModuleAndClass, String... args) {
    Path classes = compile("module", modulePath, true);
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("--module-path", join(append(modulePath, classes)), "-m", mainModuleAndClass));
    command.addAll(List.of(args));
    return run(command);
  }

  /**
   * Compiles the application without its {@code module-info.java} against {@code classPath} and runs
   * {@code java -cp <classPath + app> <mainClass> <args>}.
   *
   * @param classPath the jars and folders the application needs
   * @param mainClass such as {@code app.Main}
   * @param args the program's arguments
   * @return the run's exit code and output
   */
  public Result runOnClassPath(List<Path> classPath, String mainClass, String... args) {
    Path classes = compile("classpath", classPath, false);
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", join(append(classPath, classes)), mainClass));
    command.addAll(List.of(args));
    return run(command);
  }

  /**
   * Runs {@code java <arguments>} in this application's folder, with its environment, compiling nothing:
   * for applications that are already built, such as the examples.
   *
   * @param arguments the JVM's arguments, such as {@code --module-path}, {@code -m} and the program's own
   * @return the run's exit code and output
   */
  public Result runJava(String... arguments) {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(List.of(arguments));
    return run(command);
  }

  /** @return the folder the application runs in: its working directory */
  public Path dir() {
    return dir;
  }

  /**
   * Joins path entries with the platform's separator, for {@code --module-path} and {@code -cp}.
   *
   * @param path the entries
   * @return the joined path
   */
  public static String join(List<Path> path) {
    return path.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private Path compile(String name, List<Path> path, boolean modular) {
    Path src = dir.resolve(name + "-src");
    Path out = dir.resolve(name + "-classes");
    List<Path> javaFiles = new ArrayList<>();
    try {
      for (Map.Entry<String, String> source : sources.entrySet()) {
        String relative = source.getKey();
        if (!modular && relative.equals("module-info.java")) {
          continue;
        }
        boolean java = relative.endsWith(".java");
        Path file = (java ? src : out).resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        if (java) {
          javaFiles.add(file);
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // javac through java.util.spi.ToolProvider: in process, and in java.base, so the API's test classes
    // (compiled into the dev.reflex.orm module) need not read java.compiler
    ToolProvider javac = ToolProvider.findFirst("javac")
        .orElseThrow(() -> new AssertionError("no javac in " + System.getProperty("java.home") + ": run on a JDK"));
    List<String> options = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
        modular ? "--module-path" : "-cp", join(path)));
    javaFiles.forEach(file -> options.add(file.toString()));
    StringWriter diagnostics = new StringWriter();
    try (PrintWriter writer = new PrintWriter(diagnostics)) {
      if (javac.run(writer, writer, options.toArray(String[]::new)) != 0) {
        throw new AssertionError("The user's application does not compile (" + name + "):\n" + diagnostics);
      }
    }
    return out;
  }

  private Result run(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> copy(process.getInputStream(), output), "user-app-output");
      reader.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        reader.join(5000);
        throw new AssertionError("The user's application did not end within " + TIMEOUT_SECONDS + " s: "
            + command + "\n" + output.toString(StandardCharsets.UTF_8));
      }
      reader.join();
      return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      // the process ended; what was read is kept
    }
  }

  private static List<Path> append(List<Path> path, Path last) {
    List<Path> all = new ArrayList<>(path);
    all.add(last);
    return all;
  }

  private String java() {
    return javaCommand;
  }
}
