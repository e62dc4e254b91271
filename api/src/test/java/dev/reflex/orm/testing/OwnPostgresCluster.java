package dev.reflex.orm.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own, on a port of its own, for faults that must never touch the shared
 * server on 5432 (such as freezing a backend with {@code kill -STOP}). Made with the Debian tools
 * ({@code pg_createcluster}, {@code pg_ctlcluster}), which need root; elsewhere the test is skipped with the
 * reason and how to enable it, except with {@code CI=true}, where that is a failure.
 *
 * <p>{@link #close()} thaws what was frozen and drops the cluster, whatever happened; a shutdown hook does the
 * same as a last resort. Not thread-safe.
 */
public final class OwnPostgresCluster implements AutoCloseable {
  private final String version;
  private final String name;
  private final int port;
  private final List<Long> frozen = new ArrayList<>();
  private final Thread dropOnExit;
  private boolean dropped;

  private OwnPostgresCluster(String version, String name, int port) {
    this.version = version;
    this.name = name;
    this.port = port;
    this.dropOnExit = new Thread(this::dropQuietly, "drop-" + name);
    Runtime.getRuntime().addShutdownHook(dropOnExit);
  }

  /**
   * Creates and starts a cluster with trust authentication on a free port.
   *
   * @return the running cluster
   * @throws Exception when a command fails
   */
  public static OwnPostgresCluster start() throws Exception {
    String version = requireAllowed();
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    String name = "reflex_" + UUID.randomUUID().toString().substring(0, 8);
    OwnPostgresCluster cluster = new OwnPostgresCluster(version, name, port);
    try {
      run("pg_createcluster", version, name, "--port", String.valueOf(port), "--", "--auth=trust");
      run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
      for (int i = 0; i < 60 && !ready(port); i++) {
        Thread.sleep(500);
      }
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** @return the URL of its {@code postgres} database, as user {@code postgres} */
  public String url() {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }

  /**
   * Freezes a server process with {@code kill -STOP}, until {@link #thaw()} or {@link #close()}.
   *
   * @param pid the process, such as a backend's {@code pg_backend_pid()}
   * @throws Exception when kill fails
   */
  public void freeze(long pid) throws Exception {
    frozen.add(pid);
    run("kill", "-STOP", String.valueOf(pid));
  }

  /**
   * Lets every frozen process go on.
   *
   * @throws Exception when kill fails
   */
  public void thaw() throws Exception {
    for (Long pid : frozen) {
      run("kill", "-CONT", String.valueOf(pid));
    }
    frozen.clear();
  }

  /** Thaws what is frozen, stops and drops the cluster; quiet, since it runs whatever happened before. */
  @Override
  public void close() {
    dropQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(dropOnExit);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs anyway
    }
  }

  private synchronized void dropQuietly() {
    if (dropped) {
      return;
    }
    try {
      thaw();
    } catch (Exception e) {
      System.err.println("could not thaw " + frozen + ": " + e);
    }
    try {
      run("pg_dropcluster", "--stop", version, name);
      dropped = true;
    } catch (Exception e) {
      System.err.println("could not drop PostgreSQL cluster " + version + "/" + name + ": " + e);
    }
  }

  private static String requireAllowed() throws Exception {
    String how = "run as root where the Debian PostgreSQL tools are installed (pg_createcluster, pg_ctlcluster,"
        + " pg_dropcluster: apt-get install postgresql-common postgresql), as bash .ci/run does";
    String reason = null;
    String version = null;
    if (!new File("/usr/bin/pg_createcluster").canExecute() || !new File("/usr/bin/pg_ctlcluster").canExecute()) {
      reason = "pg_createcluster/pg_ctlcluster are missing";
    } else if (!"0".equals(output("id", "-u"))) {
      reason = "not root";
    } else {
      String[] installed = new File("/usr/lib/postgresql").list();
      if (installed == null || installed.length == 0) {
        reason = "no PostgreSQL server is installed under /usr/lib/postgresql";
      } else {
        Arrays.sort(installed, (a, b) -> Integer.compare(Integer.parseInt(b), Integer.parseInt(a)));
        version = installed[0];
      }
    }
    if (reason != null) {
      String message = "This test freezes a PostgreSQL cluster of its own, and " + reason + ": " + how;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + message);
      }
      Assumptions.abort(message);
    }
    return version;
  }

  private static boolean ready(int port) throws Exception {
    return new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1", "-p", String.valueOf(port)).start()
        .waitFor() == 0;
  }

  private static String output(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
