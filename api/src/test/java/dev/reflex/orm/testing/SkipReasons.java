package dev.reflex.orm.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints {@code SKIPPED <test>: <reason>} on the build's console for every test that did not run, so that a
 * contributor without the test servers sees at once which tests skipped and how to enable them (the reason
 * names the variable to set). Registered for every module that uses the api test-jar, through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Writes to the JVM's own standard error, not {@code System.err}: Surefire sends {@code System.err} to a
 * report file ({@code redirectTestOutputToFile}), and shows the process's own standard error on the console.
 *
 * <p>Thread-safe: each line is one write to a synchronized stream.
 */
public final class SkipReasons implements TestExecutionListener {
  private static final PrintStream CONSOLE =
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

  /** Creates the listener; JUnit does, through {@link java.util.ServiceLoader}. */
  public SkipReasons() {}

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    print(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private static void print(TestIdentifier test, String reason) {
    String name = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
        .map(method -> method.getClassName().substring(method.getClassName().lastIndexOf('.') + 1) + "."
            + method.getMethodName())
        .orElse(test.getDisplayName());
    CONSOLE.println("SKIPPED " + name + ": " + reason);
  }
}
