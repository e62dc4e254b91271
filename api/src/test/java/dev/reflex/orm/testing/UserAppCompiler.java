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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

/** What {@link UserApp} does with files and processes: its path, javac in process, and the JVM it starts. */
final class UserAppCompiler {
  private UserAppCompiler() {}

  /** @see UserApp#providerRuntimePath() */
  static List<Path> providerRuntimePath(String classesProperty, String classpathFileProperty) {
    String classes = System.getProperty(classesProperty);
    String file = System.getProperty(classpathFileProperty);
    if (classes == null || file == null) {
      throw new IllegalStateException("Set the system properties " + classesProperty + " and "
          + classpathFileProperty + " in the module's surefire configuration");
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

  static Path compile(Path dir, Map<String, String> sources, String name, List<Path> path, boolean modular) {
    return compileWith(dir, sources, name, List.of(modular ? "--module-path" : "-cp", UserApp.join(path)), !modular);
  }

  /**
   * Compiles the sources, with the options that say where their dependencies are, into a folder of its own.
   *
   * @param options such as {@code --module-path ...} or {@code -cp ...}
   * @param skipModuleInfo whether {@code module-info.java} is left out, as on the class path
   * @return the folder of classes (and of the sources that are not {@code .java} files)
   */
  static Path compileWith(Path dir, Map<String, String> sources, String name, List<String> options,
      boolean skipModuleInfo) {
    Path src = dir.resolve(name + "-src");
    Path out = dir.resolve(name + "-classes");
    List<Path> javaFiles = new ArrayList<>();
    try {
      for (Map.Entry<String, String> source : sources.entrySet()) {
        String relative = source.getKey();
        if (skipModuleInfo && relative.equals("module-info.java")) {
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
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
    arguments.addAll(options);
    javaFiles.forEach(file -> arguments.add(file.toString()));
    StringWriter diagnostics = new StringWriter();
    try (PrintWriter writer = new PrintWriter(diagnostics)) {
      if (javac.run(writer, writer, arguments.toArray(String[]::new)) != 0) {
        throw new AssertionError("The user's application does not compile (" + name + "):\n" + diagnostics);
      }
    }
    return out;
  }

  static UserApp.Result run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> copy(process.getInputStream(), output), "user-app-output");
      reader.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        reader.join(5000);
        throw new AssertionError("The user's application did not end within " + timeoutSeconds + " s: "
            + command + "\n" + output.toString(StandardCharsets.UTF_8));
      }
      reader.join();
      return new UserApp.Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
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
}
