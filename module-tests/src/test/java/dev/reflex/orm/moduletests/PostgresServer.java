package dev.reflex.orm.moduletests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Stops and starts the local PostgreSQL server, for outage tests. Only where the test may control the
 * server: {@code REFLEX_TEST_SERVER_CONTROL=true} (set by {@code .ci/run} on the project's machines, as
 * root). Every stop is undone: {@link #start()} in a {@code finally}, and a shutdown hook as a last resort.
 */
final class PostgresServer {
  private static final Thread RESTART = new Thread(PostgresServer::startQuietly, "restart-postgresql");
  private static boolean hooked;

  private PostgresServer() {}

  static void assumeControllable() {
    Assumptions.assumeTrue("true".equals(System.getenv("REFLEX_TEST_SERVER_CONTROL")),
        "REFLEX_TEST_SERVER_CONTROL is not true: this test stops and restarts the local PostgreSQL server, which"
            + " it does only where allowed (bash .ci/run sets it on the project's machines)");
  }

  static synchronized void stop() throws IOException, InterruptedException {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(RESTART);
      hooked = true;
    }
    for (String[] cluster : clusters()) {
      run("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], "stop", "-m", "fast");
    }
  }

  static void start() throws IOException, InterruptedException {
    for (String[] cluster : clusters()) {
      run("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], "start");
    }
    for (int i = 0; i < 60; i++) {
      if (new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1").start().waitFor() == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("PostgreSQL did not come back within 30 s after a restart");
  }

  private static void startQuietly() {
    try {
      start();
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("could not restart PostgreSQL: " + e);
    }
  }

  private static List<String[]> clusters() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("pg_lsclusters", "-h").start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor(10, TimeUnit.SECONDS);
    List<String[]> clusters = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 2) {
        clusters.add(new String[] {parts[0], parts[1]});
      }
    }
    return clusters;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      // "already running" / "not running" exits non-zero but is what we want
      if (!out.contains("already running") && !out.contains("not running")) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
      }
    }
  }
}
