package dev.reflex.orm.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The server databases {@link TestDatabases} created in this JVM, dropped when it exits. Thread-safe. */
final class CreatedDatabases {
  /** How long the drops at exit may take, well below the 30 s after which surefire kills a test JVM. */
  private static final Duration DROP_LIMIT = Duration.ofSeconds(20);

  private static final List<String[]> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(CreatedDatabases::dropAll, "drop-test-databases"));
  }

  private CreatedDatabases() {}

  /** Remembers a database to drop at exit. */
  static void add(String adminUrl, String name) {
    synchronized (CREATED) {
      CREATED.add(new String[] {adminUrl, name});
    }
  }

  /**
   * Drops this JVM's test databases side by side, at most {@link #DROP_LIMIT}: one after another they held the
   * exit of a test JVM past surefire's 30 s (each DROP DATABASE waits for a PostgreSQL checkpoint, 0.3 to 1 s
   * on a busy machine, and concurrent drops share one checkpoint).
   */
  private static void dropAll() {
    List<String[]> created;
    synchronized (CREATED) {
      created = new ArrayList<>(CREATED);
      CREATED.clear();
    }
    if (created.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(created.size(), 8), work -> {
      Thread thread = new Thread(work, "drop-test-database");
      thread.setDaemon(true);
      return thread;
    });
    List<Future<?>> drops = new ArrayList<>();
    for (String[] database : created) {
      drops.add(pool.submit(() -> drop(database[0], database[1])));
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(DROP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        List<String> left = new ArrayList<>();
        for (int i = 0; i < drops.size(); i++) {
          if (!drops.get(i).isDone()) {
            left.add(created.get(i)[1]);
          }
        }
        System.err.println("test databases not dropped within " + DROP_LIMIT.toSeconds() + " s: " + left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drop(String adminUrl, String name) {
    try (Connection connection = TestDatabases.connect(adminUrl); Statement statement = connection.createStatement()) {
      boolean postgres = adminUrl.toLowerCase(Locale.ROOT).contains("postgres");
      statement.execute("drop database if exists " + name + (postgres ? " with (force)" : ""));
    } catch (SQLException e) {
      System.err.println("could not drop test database " + name + ": " + e.getMessage());
    }
  }
}
