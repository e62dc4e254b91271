package dev.reflex.orm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A user's application that runs {@value #THREADS} transactions at once, one per virtual thread, each of which
 * sleeps (parks) while it holds its transaction, on a SQLite file, H2 and PostgreSQL; on JDK 25 in a JVM of its
 * own with two carrier threads (a two-core machine's default). While those transactions run, the application records
 * every {@code jdk.VirtualThreadPinned} event with JFR. A provider's test runs it with its own runtime path.
 *
 * <p>Not thread-safe.
 */
public final class VirtualThreads {
  /** The JDK that runs the application, which needs virtual threads. */
  public static final Path JDK = Path.of(System.getProperty("reflex.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
  /** How many transactions run at once. */
  public static final int THREADS = 1000;
  /** How many transactions the first run, unrecorded, commits first. */
  public static final int WARM_UP = 100;
  /** The longest pin of a carrier thread we accept. */
  public static final Duration MAX_PIN = Duration.ofMillis(20);

  private static final String MAIN = String.join("\n",
      "package app;",
      "import dev.reflex.orm.ReflexDatabase;",
      "import java.nio.file.Path;",
      "import java.sql.*;",
      "import java.time.Duration;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import java.util.concurrent.atomic.*;",
      "import jdk.jfr.Recording;",
      "public class Main {",
      "  public static void main(String[] args) throws Exception {",
      "    int threads = Integer.parseInt(args[1]);",
      "    List<ReflexDatabase> databases = new ArrayList<>();",
      "    // Executors.newVirtualThreadPerTaskExecutor(), by name: the application compiles with --release 17",
      "    ExecutorService executor = (ExecutorService) Executors.class",
      "        .getMethod(\"newVirtualThreadPerTaskExecutor\").invoke(null);",
      "    try {",
      "      for (int u = 2; u < args.length; u++) {",
      "        ReflexDatabase db = ReflexDatabase.builder().url(args[u]).build();",
      "        databases.add(db);",
      "        db.transaction(s -> s.unwrap(Connection.class).createStatement()",
      "            .execute(\"create table vt (id integer primary key, note varchar(20))\"));",
      "        // a first, smaller run, on the same path: what the JDK and the driver initialize once (classes that many",
      "        // threads load at once, the virtual threads' I/O poller) pins the threads that wait for it, which is",
      "        // not what the recording below is about",
      "        run(db, executor, threads, WARM_UP);",
      "      }",
      "      try (Recording recording = new Recording()) {",
      "        recording.enable(\"jdk.VirtualThreadPinned\").withThreshold(Duration.ZERO).withStackTrace();",
      "        recording.start();",
      "        for (ReflexDatabase db : databases) {",
      "          System.out.println(run(db, executor, 0, threads));",
      "        }",
      "        recording.stop();",
      "        recording.dump(Path.of(args[0]));",
      "      }",
      "    } finally {",
      "      executor.shutdownNow();",
      "      databases.forEach(ReflexDatabase::close);",
      "    }",
      "  }",
      "  static final int WARM_UP = 100;",
      "  static String run(ReflexDatabase db, ExecutorService executor, int firstId, int threads) throws Exception {",
      "    AtomicInteger committed = new AtomicInteger();",
      "    Map<String, Integer> failures = new ConcurrentHashMap<>();",
      "    long start = System.nanoTime();",
      "    List<Future<?>> running = new ArrayList<>();",
      "    for (int i = 0; i < threads; i++) {",
      "      int id = firstId + i;",
      "      running.add(executor.submit(() -> {",
      "        try {",
      "          insert(db, id);",
      "          committed.incrementAndGet();",
      "        } catch (Exception e) {",
      "          failures.merge(String.valueOf(e.getMessage()), 1, Integer::sum);",
      "        }",
      "      }));",
      "    }",
      "    for (Future<?> future : running) {",
      "      future.get();",
      "    }",
      "    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);",
      "    int rows = db.transaction(s -> {",
      "      ResultSet r = s.unwrap(Connection.class).createStatement().executeQuery(\"select count(*) from vt\");",
      "      r.next();",
      "      return r.getInt(1);",
      "    });",
      "    return \"RESULT \" + db.toString().replaceAll(\".*url=(\\\\w+).*\", \"$1\") + \" committed=\" + committed",
      "        + \" rows=\" + rows + \" ms=\" + millis + \" failures=\" + failures;",
      "  }",
      "  static Void insert(ReflexDatabase db, int id) throws Exception {",
      "    return db.transaction(s -> {",
      "      try (PreparedStatement insert = s.unwrap(Connection.class)",
      "          .prepareStatement(\"insert into vt (id, note) values (?, 'committed')\")) {",
      "        insert.setInt(1, id);",
      "        insert.executeUpdate();",
      "      }",
      "      Thread.sleep(2); // holds the transaction while parked",
      "      return null;",
      "    });",
      "  }",
      "}");

  private static final Pattern RESULT = Pattern.compile("RESULT (\\S+) committed=(\\d+) rows=(\\d+) ms=(\\d+)");
  private static final Pattern DURATION = Pattern.compile("\"duration\"\\s*:\\s*\"([^\"]+)\"");

  private VirtualThreads() {}

  /**
   * Runs the application with a provider's runtime path on a new SQLite file, H2 database and PostgreSQL database,
   * and asserts that every transaction committed and that no carrier was pinned longer than {@link #MAX_PIN}.
   *
   * @param runtimePath the provider's runtime path; the H2 and PostgreSQL drivers are added from the test's own
   * @return the lines the application printed for each database, for the test's report
   */
  public static List<String> runAndCheck(List<Path> runtimePath) {
    Path jdk25 = JDK.resolve("bin/java");
    if (!Files.isExecutable(jdk25)) {
      String why = jdk25 + " is missing: install a JDK 25 there, or name one with -Dreflex.test.jdk25=PATH, to run the"
          + " virtual-thread test";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + why);
      }
      Assumptions.abort(why);
    }
    List<Path> path = new ArrayList<>(runtimePath);
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("h2-") || name.startsWith("postgresql-")) {
        path.add(Path.of(entry));
      }
    }
    UserApp app = new UserApp(Map.of("app/Main.java", MAIN)).java(jdk25);
    Path recording = app.dir().resolve("pinned.jfr");
    app.jvmOption("-Djdk.virtualThreadScheduler.parallelism=2");
    UserApp.Result result = app.runOnClassPath(path, "app.Main", recording.toString(), String.valueOf(THREADS),
        TestDatabase.SQLITE_FILE.freshUrl(), TestDatabase.H2.freshUrl(), TestDatabase.POSTGRESQL.freshUrl());
    assertThat(result.exitCode()).as("%s", result).isZero();
    List<String> lines = new ArrayList<>();
    Matcher matcher = RESULT.matcher(result.output());
    while (matcher.find()) {
      lines.add(matcher.group());
      assertThat(Integer.parseInt(matcher.group(2))).as("transactions committed on %s: %s", matcher.group(1), result)
          .isEqualTo(THREADS);
      assertThat(Integer.parseInt(matcher.group(3))).as("rows on %s, with the first run's", matcher.group(1))
          .isEqualTo(THREADS + WARM_UP);
    }
    assertThat(lines).as("%s", result).hasSize(3);
    Duration longest = longestPin(recording);
    lines.add("longest pinned carrier: " + longest.toMillis() + " ms");
    assertThat(longest).as("longest jdk.VirtualThreadPinned event").isLessThanOrEqualTo(MAX_PIN);
    return lines;
  }

  /** Reads the recording with the JDK's own {@code jfr print --json}, which knows its format. */
  private static Duration longestPin(Path recording) {
    try {
      Path json = Files.createTempFile(recording.getParent(), "pinned", ".json");
      Process jfr = new ProcessBuilder(JDK.resolve("bin/jfr").toString(), "print", "--json", "--events",
          "jdk.VirtualThreadPinned", recording.toString()).redirectOutput(json.toFile())
          .redirectErrorStream(false).start();
      if (!jfr.waitFor(60, TimeUnit.SECONDS) || jfr.exitValue() != 0) {
        jfr.destroyForcibly();
        throw new AssertionError("jfr print failed on " + recording);
      }
      Duration longest = Duration.ZERO;
      Matcher matcher = DURATION.matcher(Files.readString(json, StandardCharsets.UTF_8));
      while (matcher.find()) {
        Duration pin = Duration.parse(matcher.group(1));
        longest = pin.compareTo(longest) > 0 ? pin : longest;
      }
      return longest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
