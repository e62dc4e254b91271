package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reflex.orm.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * The drivers' own logs, at their finest, never show a password: pgJDBC logs the URL it connects with at FINE, and
 * drivers asked in turn whether a URL is theirs may log it too, so every credential is taken out of the URL handed to
 * a driver and passed as a connection property instead.
 */
class DriverLogCanaryTest {
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> DRIVER_LOGGERS = List.of("org.postgresql", "org.mariadb", "com.zaxxer.hikari");

  private static List<String> urls() {
    String postgres = TestDatabases.postgresUrl();
    String mariadb = TestDatabases.mariadbUrl();
    assertThat(postgres).startsWith("postgresql://postgres@");
    assertThat(mariadb).startsWith("mariadb://root@");
    String postgresServer = postgres.substring("postgresql://postgres@".length());
    String mariadbServer = mariadb.substring("mariadb://root@".length());
    return List.of(
        // PostgreSQL here trusts any password: these connect
        "jdbc:postgresql://" + postgresServer + "?user=postgres&password=" + CANARY,
        "postgresql://postgres:" + CANARY + "@" + postgresServer,
        "postgresql://postgres@" + postgresServer + "?sslmode=disable&sslpassword=" + CANARY,
        "jdbc:postgresql://" + postgresServer + "?user=postgres&sslpassword=" + CANARY + "&sslmode=disable",
        // MariaDB's root has an empty password here: these fail, after the drivers were asked in turn
        "jdbc:mariadb://" + mariadbServer + "?user=root&password=" + CANARY,
        "mariadb://root@" + mariadbServer + "?password=" + CANARY,
        "mariadb://root@" + mariadbServer + "?trustStorePassword=" + CANARY);
  }

  @Test
  void noDriverLogLineAtAnyLevelShowsThePassword() {
    // slf4j-simple, through which HikariCP and MariaDB's driver log, reads a logger's level when it is made
    System.setProperty("org.slf4j.simpleLogger.log.org.mariadb", "trace");
    System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "trace");
    StringBuilder logged = new StringBuilder();
    Handler capture = new Handler() {
      private final SimpleFormatter format = new SimpleFormatter();

      @Override
      public synchronized void publish(LogRecord logRecord) {
        logged.append(format.format(logRecord));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    List<Logger> loggers = DRIVER_LOGGERS.stream().map(Logger::getLogger).toList();
    List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream printing = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setErr(printing);
    System.setOut(printing);
    loggers.forEach(logger -> {
      logger.setLevel(Level.ALL);
      logger.addHandler(capture);
    });
    try {
      for (String url : urls()) {
        catchThrowable(() -> {
          try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test")
              .poolTimeout(Duration.ofSeconds(2)).build()) {
            db.ping();
          }
        });
      }
    } finally {
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).removeHandler(capture);
        loggers.get(i).setLevel(levels.get(i));
      }
      System.setErr(err);
      System.setOut(out);
      System.clearProperty("org.slf4j.simpleLogger.log.org.mariadb");
      System.clearProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari");
    }
    String everything = logged + printed.toString(StandardCharsets.UTF_8);
    // the capture works: pgJDBC logs its connections at FINE
    assertThat(logged).contains("org.postgresql");
    assertThat(everything).doesNotContain(CANARY);
  }
}
