package dev.reflex.orm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

  /**
   * What a run printed and how it ended.
   *
   * @param exitCode the process's exit code
   * @param output standard output and standard error, interleaved as printed
   */
  public record Result(int exitCode, String output) {
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
    return UserAppCompiler.providerRuntimePath(CLASSES_PROPERTY, CLASSPATH_FILE_PROPERTY);
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
    List<String> command = new ArrayList<>(javaCommand());
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
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", join(append(classPath, classes)), mainClass));
    command.addAll(List.of(args));
    return run(command);
  }

  /**
   * Runs the application's tests as Surefire 3 runs those of a modular application (its default,
   * {@code useModulePath}): the dependencies the application's {@code module-info.java} requires on the module
   * path, the test-scoped ones on the class path, in the unnamed module. The application's sources are compiled as
   * a module against {@code modulePath}; {@code tests} are compiled into that module ({@code --patch-module}), with
   * {@code classPath} too; {@code launcher}, which starts the tests (Surefire's booter), is compiled on the class
   * path alone. Then it runs {@code java --module-path <modulePath + app> --class-path <classPath + launcher>
   * --patch-module <module>=<tests> --add-reads <module>=ALL-UNNAMED --add-opens <module>/<test package>=ALL-UNNAMED
   * --add-modules ALL-MODULE-PATH <launcherClass> <args>}.
   *
   * @param module the name the application's {@code module-info.java} declares
   * @param tests the test sources, relative path to text, all in one package
   * @param launcher the launcher's sources, in a package of their own
   * @param modulePath what the application's module requires
   * @param classPath the test-scoped jars: the test framework and extensions
   * @param launcherClass such as {@code launch.Main}
   * @param args the launcher's arguments
   * @return the run's exit code and output
   */
  public Result runTestsAsSurefire(String module, Map<String, String> tests, Map<String, String> launcher,
      List<Path> modulePath, List<Path> classPath, String launcherClass, String... args) {
    Path classes = compile("module", modulePath, true);
    List<Path> appPath = append(modulePath, classes);
    String testPackage = tests.keySet().iterator().next().replaceFirst("/[^/]*$", "").replace('/', '.');
    Path testClasses = UserAppCompiler.compileWith(dir, tests, "tests", List.of("--module-path", join(appPath),
        "-cp", join(classPath), "--patch-module", module + "=" + dir.resolve("tests-src"),
        "--add-reads", module + "=ALL-UNNAMED"), true);
    Path launcherClasses = UserAppCompiler.compileWith(dir, launcher, "launcher", List.of("-cp", join(classPath)), true);
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(jvmOptions);
    command.addAll(List.of("--module-path", join(appPath), "--class-path", join(append(classPath, launcherClasses)),
        "--patch-module", module + "=" + testClasses, "--add-reads", module + "=ALL-UNNAMED",
        "--add-opens", module + "/" + testPackage + "=ALL-UNNAMED", "--add-modules", "ALL-MODULE-PATH",
        launcherClass));
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
    List<String> command = new ArrayList<>(javaCommand());
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
    return UserAppCompiler.compile(dir, sources, name, path, modular);
  }

  private Result run(List<String> command) {
    return UserAppCompiler.run(command, dir, env, TIMEOUT_SECONDS);
  }

  private static List<Path> append(List<Path> path, Path last) {
    List<Path> all = new ArrayList<>(path);
    all.add(last);
    return all;
  }

  /**
   * {@code java} and the options of a short-lived run, as the reflex-db launcher uses: C1 only and the serial
   * collector, so that the build's many application runs spend their time running, not compiling with C2 on every
   * core. The test's own options come after these and may override them.
   */
  private List<String> javaCommand() {
    return List.of(javaCommand, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  }
}
