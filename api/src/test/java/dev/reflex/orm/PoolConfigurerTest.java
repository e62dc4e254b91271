package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.reflex.orm.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP's own configuration, reached through {@link PoolConfigurer}, on a real pool. */
class PoolConfigurerTest {

  private static HikariDataSource pool(ReflexDatabase db) {
    return (HikariDataSource) db.dataSource();
  }

  @Test
  void leakDetectionReportsASessionHeldPastTheThresholdInTheLog() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream err = System.err;
    // slf4j-simple writes each line to the current System.err
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.SQLITE_FILE.freshUrl()).provider("jdbc-test")
        .configure((PoolConfigurer) config -> config.setLeakDetectionThreshold(2000)).build()) {
      assertThat(pool(db).getLeakDetectionThreshold()).isEqualTo(2000);
      try (ReflexSession session = db.session()) {
        session.unwrap(Connection.class).createStatement().execute("select 1");
        // HikariCP's housekeeper reports the leak once the threshold has passed; wait for its line
        for (int i = 0; i < 100 && !log.toString(StandardCharsets.UTF_8).contains("leak detection"); i++) {
          Thread.sleep(100);
        }
      }
    } finally {
      System.setErr(err);
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARN com.zaxxer.hikari.pool.ProxyLeakTask")
        .contains("Connection leak detection triggered for ").contains("on thread " + Thread.currentThread().getName());
  }

  @Test
  void aMicrometerTrackerRecordsEveryAcquisitionOfTheSessions() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).provider("jdbc-test")
        .configure((PoolConfigurer) config -> config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)))
        .build()) {
      String name = pool(db).getPoolName();
      long before = registry.get("hikaricp.connections.acquire").tag("pool", name).timer().count();
      for (int i = 0; i < 5; i++) {
        db.transaction(s -> s.unwrap(Connection.class).createStatement().execute("select 1"));
      }
      assertThat(registry.get("hikaricp.connections.acquire").tag("pool", name).timer().count()).isEqualTo(before + 5);
      assertThat(registry.get("hikaricp.connections.usage").tag("pool", name).timer().count()).isGreaterThanOrEqualTo(5);
      assertThat(registry.get("hikaricp.connections.max").tag("pool", name).gauge().value()).isEqualTo(10);
    }
  }

  @Test
  void configurersSeeReflexSettingsAndHaveTheLastWordInTheOrderGiven() {
    List<String> seen = new ArrayList<>();
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).provider("jdbc-test").poolSize(7)
        .configure((PoolConfigurer) config -> {
          seen.add("first saw maximumPoolSize=" + config.getMaximumPoolSize() + ", " + config.getPoolName());
          config.setMaximumPoolSize(3);
          config.setMaxLifetime(120_000);
          config.setConnectionInitSql("select 42");
        }, (PoolConfigurer) config -> seen.add("second saw maximumPoolSize=" + config.getMaximumPoolSize()))
        .build()) {
      assertThat(seen).hasSize(2);
      assertThat(seen.get(0)).startsWith("first saw maximumPoolSize=7, reflex-");
      assertThat(seen.get(1)).isEqualTo("second saw maximumPoolSize=3");
      assertThat(pool(db).getMaximumPoolSize()).isEqualTo(3);
      assertThat(pool(db).getMaxLifetime()).isEqualTo(120_000);
      assertThat(pool(db).getConnectionInitSql()).isEqualTo("select 42");
      db.ping();
    }
  }

  @Test
  void aConfigurerThatFailsOrSetsAValueHikariRefusesFailsTheBuildWithOneLine() {
    String url = TestDatabase.SQLITE_FILE.freshUrl();
    assertThatThrownBy(() -> ReflexDatabase.builder().url(url).provider("jdbc-test")
        .configure((PoolConfigurer) config -> config.setMaximumPoolSize(0)).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("The PoolConfigurer dev.reflex.orm.PoolConfigurerTest$$Lambda")
        .hasMessageEndingWith(" failed: maxPoolSize cannot be less than 1; fix it, or leave it out")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ReflexDatabase.builder().url(url).provider("jdbc-test")
        .configure((PoolConfigurer) config -> config.setJdbcUrl(null)).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith("HikariCP refuses the pool configuration the PoolConfigurers ")
        .hasMessageContaining(" left: ").hasMessageEndingWith("; fix the value they set").hasMessageNotContaining("\n");
  }

  @Test
  void aConfigurersFailureNeverShowsThePassword() {
    String canary = "CANARY-pool-" + System.nanoTime();
    assertThatThrownBy(() -> ReflexDatabase.builder().url("postgresql://app:" + canary + "@127.0.0.1:1/app")
        .provider("jdbc-test").configure((PoolConfigurer) config -> {
          throw new IllegalStateException("cannot use password=" + config.getPassword());
        }).build())
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("cannot use password=***")
        .hasMessageNotContaining(canary)
        .satisfies(e -> assertThat(e.getCause()).hasToString("java.lang.IllegalStateException: cannot use password=***"));
  }

  @Test
  void aDeclaredConfigurerThatCannotBeLoadedFailsTheBuildWithOneLine(@TempDir Path classes) throws Exception {
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve(PoolConfigurer.class.getName()), "app.MissingPool\n");
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, context)) {
      Thread.currentThread().setContextClassLoader(loader);
      assertThatThrownBy(() -> ReflexDatabase.builder().url(TestDatabase.SQLITE_FILE.freshUrl()).provider("jdbc-test")
          .build())
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageStartingWith("A declared PoolConfigurer cannot be loaded: ")
          .hasMessageContaining("app.MissingPool")
          .hasMessageEndingWith("; check its provides clause or META-INF/services entry and its public no-argument"
              + " constructor")
          .hasMessageNotContaining("\n");
    } finally {
      Thread.currentThread().setContextClassLoader(context);
    }
  }
}
