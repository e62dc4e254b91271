package dev.reflex.orm.moduletests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * A pg_auto_failover formation of the test's own: a monitor and two PostgreSQL 15 nodes with synchronous
 * replication, on free local ports, in a temporary folder owned by {@code postgres}. Needs root (pg_autoctl runs
 * as {@code postgres} through {@code runuser}) and the Debian package {@code postgresql-15-auto-failover}, which
 * {@code .ci/run} installs. {@link #close()} stops every process it started and removes the folder, and a shutdown
 * hook does the same if the JVM ends first.
 *
 * <p>Not thread-safe.
 */
final class Formation implements AutoCloseable {
  static final String PACKAGE = "postgresql-15-auto-failover";
  private static final String BIN = "/usr/lib/postgresql/15/bin";

  private final Path dir;
  private final int monitorPort;
  private final Map<String, Integer> nodes = new LinkedHashMap<>();
  private final List<Process> services = new ArrayList<>();
  private final Thread hook = new Thread(this::teardown, "formation-teardown");
  private boolean closed;

  /** Skips the test with the reason and the command that enables it, unless it can run here. */
  static void assumeAvailable() {
    boolean installed = Files.isExecutable(Path.of("/usr/bin/pg_autoctl")) && Files.isDirectory(Path.of(BIN));
    boolean root = "root".equals(System.getProperty("user.name"));
    String enable = "; as root: apt-get update && apt-get install -y " + PACKAGE + " (bash .ci/run does it)";
    if ("true".equals(System.getenv("CI"))) {
      // on the project's machines this test runs, never skips
      if (!installed || !root) {
        throw new IllegalStateException("CI=true but the formation test cannot run: "
            + (root ? "pg_autoctl is missing" : "not root") + enable);
      }
    }
    Assumptions.assumeTrue(root, "this test builds a pg_auto_failover formation, which needs root" + enable);
    Assumptions.assumeTrue(installed, "pg_autoctl (" + PACKAGE + ") is not installed" + enable);
  }

  private Formation(Path dir) throws IOException {
    this.dir = dir;
    this.monitorPort = freePort();
    nodes.put("node1", freePort());
    nodes.put("node2", freePort());
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Creates and starts the formation, and waits until one node is primary and the other secondary.
   *
   * @return the running formation; close it
   */
  static Formation start() throws IOException, InterruptedException, SQLException {
    Path dir = Files.createTempDirectory("reflex-formation-");
    Formation formation = new Formation(dir);
    try {
      formation.run(60, "chown", "-R", "postgres:postgres", dir.toString());
      formation.create();
      return formation;
    } catch (IOException | InterruptedException | SQLException | RuntimeException | Error e) {
      formation.close();
      throw e;
    }
  }

  private void create() throws IOException, InterruptedException, SQLException {
    autoctl(120, "create", "monitor", "--pgdata", pgdata("monitor"), "--pgport", String.valueOf(monitorPort),
        "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl", "--pgctl", BIN + "/pg_ctl");
    service("monitor");
    waitFor("the monitor to accept connections", () -> query(monitorPort, "pg_auto_failover", "select 1") != null);
    Process second = null;
    for (Map.Entry<String, Integer> node : nodes.entrySet()) {
      List<String> create = new ArrayList<>(List.of("create", "postgres", "--pgdata", pgdata(node.getKey()),
          "--pgport", String.valueOf(node.getValue()), "--hostname", "127.0.0.1", "--name", node.getKey(),
          "--dbname", "app", "--auth", "trust", "--no-ssl", "--pgctl", BIN + "/pg_ctl", "--monitor",
          "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=prefer"));
      if (node.getKey().equals("node1")) {
        autoctl(120, create.toArray(String[]::new));
        service("node1");
        waitFor("node1 to be the single primary", () -> "single".equals(state("node1")));
      } else {
        second = start(log(node.getKey() + "-create"), create.toArray(String[]::new));
        // pg_basebackup waits for a checkpoint on the primary: ask for one as soon as the standby registers
        waitFor("node2 to register", () -> state("node2") != null);
        query(nodes.get("node1"), "app", "checkpoint");
        if (!second.waitFor(120, TimeUnit.SECONDS) || second.exitValue() != 0) {
          throw new IllegalStateException("pg_autoctl create postgres (node2) failed; see " + log("node2-create"));
        }
        service("node2");
      }
    }
    waitFor("a primary and a secondary", () -> primary() != null && secondary() != null);
    // the URL pg_autoctl prints names no user: libpq and pgJDBC then log in as the operating system's user, so
    // that role owns the application's database, as an application's role would
    String role = "\"" + System.getProperty("user.name").replace("\"", "\"\"") + "\"";
    if (query(primary(), "app", "create role " + role + " login") == null
        || query(primary(), "app", "alter database app owner to " + role) == null) {
      throw new IllegalStateException("could not create the role " + role + " on the primary");
    }
  }

  /** @return what {@code pg_autoctl show uri --formation default} prints: the application's URL */
  String uri() throws IOException, InterruptedException {
    return autoctl(60, "show", "uri", "--pgdata", pgdata("monitor"), "--formation", "default").strip();
  }

  /** Runs {@code pg_autoctl perform failover}, which returns once the new primary is in place. */
  void failover() throws IOException, InterruptedException {
    autoctl(120, "perform", "failover", "--pgdata", pgdata("monitor"), "--formation", "default");
    waitFor("a primary and a secondary after the failover", () -> primary() != null && secondary() != null);
  }

  /** @return the port of the node the monitor reports as primary, or {@code null} */
  Integer primary() {
    return nodeIn("primary");
  }

  /** @return the port of the node the monitor reports as secondary, or {@code null} */
  Integer secondary() {
    return nodeIn("secondary");
  }

  private Integer nodeIn(String state) {
    return nodes.entrySet().stream().filter(node -> state.equals(state(node.getKey()))).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private String state(String node) {
    return query(monitorPort, "pg_auto_failover", "select reportedstate || case when reportedstate = goalstate"
        + " then '' else ' -> ' || goalstate end from pgautofailover.node where nodename = '" + node + "'");
  }

  /**
   * Runs one query as {@code postgres} on a node of the formation.
   *
   * @return the first column of the first row, or {@code null} when the node does not answer or has no row
   */
  static String query(int port, String database, String sql) {
    try (Connection connection =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
        Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        return "";
      }
      try (ResultSet rows = statement.getResultSet()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      return null;
    }
  }

  @Override
  public void close() {
    teardown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void teardown() {
    if (closed) {
      return;
    }
    closed = true;
    // runuser passes SIGTERM on to pg_autoctl, which stops its Postgres; what is left after that is killed
    List<ProcessHandle> started = new ArrayList<>();
    services.forEach(service -> service.descendants().forEach(started::add));
    services.forEach(Process::destroy);
    for (Process service : services) {
      try {
        service.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (String name : List.of("node2", "node1", "monitor")) {
      if (Files.exists(dir.resolve(name).resolve("postmaster.pid"))) {
        runQuietly("runuser", "-u", "postgres", "--", BIN + "/pg_ctl", "-D", pgdata(name), "stop", "-m", "immediate");
      }
    }
    started.forEach(ProcessHandle::destroyForcibly);
    services.forEach(Process::destroyForcibly);
    runQuietly("rm", "-rf", dir.toString());
  }

  private String pgdata(String name) {
    return dir.resolve(name).toString();
  }

  private Path log(String name) {
    return dir.resolve(name + ".log");
  }

  private void service(String name) throws IOException {
    services.add(start(log(name), "run", "--pgdata", pgdata(name)));
  }

  private Process start(Path log, String... arguments) throws IOException {
    return new ProcessBuilder(command(arguments)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private String autoctl(int seconds, String... arguments) throws IOException, InterruptedException {
    return run(seconds, command(arguments).toArray(String[]::new));
  }

  /** pg_autoctl as postgres, its configuration kept in the formation's folder rather than postgres's home. */
  private List<String> command(String... arguments) {
    List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", "env", "HOME=" + dir,
        "XDG_CONFIG_HOME=" + dir.resolve("config"), "XDG_DATA_HOME=" + dir.resolve("share"), "pg_autoctl"));
    command.addAll(List.of(arguments));
    return command;
  }

  private String run(int seconds, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out-", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
    String output = Files.readString(out, StandardCharsets.UTF_8);
    if (!ended || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + (ended ? " failed" : " did not end in "
          + seconds + " s") + ":\n" + output);
    }
    return output;
  }

  private static void runQuietly(String... command) {
    try {
      new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
          .waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      System.err.println("formation teardown: " + String.join(" ", command) + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (done.getAsBoolean()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("gave up waiting 120 s for " + what);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
