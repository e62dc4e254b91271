package dev.reflex.orm.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.fixtures.HeldRunFixture;
import dev.reflex.orm.test.internal.Templates;
import dev.reflex.orm.testing.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * A test run of {@link HeldRunFixture} in a JVM of its own, as another developer's or CI job's run beside this one:
 * held after its first test until {@link #letGo()}, or killed there ({@link #kill()}, as {@code kill -9}). With
 * {@code elsewhere}, the JVM runs in a process id namespace of its own ({@code unshare --pid}, which needs root,
 * as {@code OwnPostgresCluster} does): other runs on this machine cannot see its process, as with a run on another
 * machine, and can judge it only by its heartbeat.
 *
 * <p>Not thread-safe. {@link #close()} kills the JVM if it still runs.
 */
final class ChildRun implements AutoCloseable {
  private final Process process;
  private final Path ready;
  private final Path go;
  private final Path log;

  private ChildRun(Process process, Path ready, Path go, Path log) {
    this.process = process;
    this.ready = ready;
    this.go = go;
    this.log = log;
  }

  /**
   * Starts the run.
   *
   * @param url the database it runs beside ({@code reflex.test.db.url})
   * @param elsewhere whether its process is hidden from this machine's other processes
   * @param properties more system properties, as {@code -Dname=value}
   * @return the run, started
   * @throws IOException when the JVM cannot start
   */
  static ChildRun start(String url, boolean elsewhere, String... properties) throws IOException {
    Path dir = Files.createTempDirectory(TestDatabases.tempDir(), "child-run");
    Path ready = dir.resolve("ready");
    Path go = dir.resolve("go");
    Path log = dir.resolve("output.txt");
    List<String> command = new ArrayList<>();
    if (elsewhere) {
      requireRoot();
      command.addAll(List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-D" + Templates.URL_PROPERTY + "=" + url,
        "-D" + HeldRunFixture.READY + "=" + ready, "-D" + HeldRunFixture.GO + "=" + go));
    command.addAll(List.of(properties));
    command.add(ChildRun.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildRun(process, ready, go, log);
  }

  /** {@code unshare --pid} needs root: elsewhere the test is skipped saying so, and with {@code CI=true} it fails. */
  private static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      String message = "This test runs another test run in a process space of its own (unshare --pid), which needs"
          + " root: run it as root, as bash .ci/run does";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + message);
      }
      Assumptions.abort(message);
    }
  }

  /**
   * Waits until the run is held in its first test.
   *
   * @return the name of the database that test was handed
   * @throws Exception when it ends before, or is not there within 3 minutes
   */
  String awaitHeld() throws Exception {
    for (int i = 0; !Files.exists(ready); i++) {
      assertThat(process.isAlive()).as("the run is alive; its output:\n%s", output()).isTrue();
      assertThat(i).as("held within 3 minutes; its output:\n%s", output()).isLessThan(1800);
      Thread.sleep(100);
    }
    return Files.readString(ready).strip();
  }

  /** Lets the run go on after its first test. */
  void letGo() throws IOException {
    Files.createFile(go);
  }

  /**
   * Waits for the run to end.
   *
   * @return its exit code: 0 when every test passed
   * @throws InterruptedException when interrupted
   */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    return process.waitFor();
  }

  /** Kills the JVM as {@code kill -9} does: nothing of the run's own clean-up runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** @return what the run printed */
  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /**
   * The run's JVM: runs {@link HeldRunFixture} through JUnit's launcher and exits with 0 when every test passed.
   *
   * @param args none
   */
  public static void main(String[] args) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(HeldRunFixture.class)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    summary.printTo(out);
    summary.printFailuresTo(out, 20);
    out.flush();
    System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
  }
}
