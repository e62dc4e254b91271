package dev.reflex.orm.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.InvalidConfigurationException;
import dev.reflex.orm.PoolConfigurer;
import dev.reflex.orm.ReflexConfigurer;
import java.sql.Driver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Builds the HikariCP pool for a URL: HikariCP does the pooling, validation and reconnection; this class only
 * sets it up for the database at hand.
 *
 * <p>Thread-safe (stateless).
 */
public final class Pools {
  /**
   * How long a connection to a server waits for an answer before it gives up, unless the URL says otherwise
   * ({@code socketTimeout}, in seconds for PostgreSQL and milliseconds for MariaDB and MySQL; 0 waits forever): a
   * frozen server or a dead link must not hang a session for ever, and no statement of an application should run this
   * long.
   */
  public static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(5);

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String BUSY_TIMEOUT = "busy_timeout";
  private static final String TRANSACTION_MODE = "transaction_mode";

  private Pools() {}

  /**
   * Gives an in-memory URL a name of its own that every pooled connection shares, so that the pool sees one
   * database rather than one per connection.
   *
   * @param url the parsed URL
   * @return the JDBC URL the pool connects to
   */
  public static String poolUrl(DatabaseUrl url) {
    String jdbc = url.jdbcUrl();
    if (url.kind() == DatabaseKind.SQLITE && url.inMemory() && !jdbc.contains("cache=shared")) {
      return "jdbc:sqlite:file:reflex-" + UUID.randomUUID() + "?mode=memory&cache=shared";
    }
    if (url.kind() == DatabaseKind.H2 && (jdbc.equals("jdbc:h2:mem:") || jdbc.startsWith("jdbc:h2:mem:;"))) {
      return "jdbc:h2:mem:reflex-" + UUID.randomUUID() + jdbc.substring("jdbc:h2:mem:".length());
    }
    return jdbc;
  }

  /**
   * Creates and starts the pool; HikariCP opens a first connection here, so an unreachable database or a
   * refused password fails now rather than at the first session.
   *
   * @param url the parsed URL
   * @param jdbcUrl the URL from {@link #poolUrl}
   * @param size the maximum number of connections
   * @param timeout how long a caller waits for a free connection
   * @param configurers every configurer passed to the builder; the {@link PoolConfigurer}s among them, after the
   *     declared ones, have the last word on the configuration
   * @return the running pool
   * @throws InvalidConfigurationException when HikariCP refuses the configuration the configurers left
   */
  public static HikariDataSource create(DatabaseUrl url, String jdbcUrl, int size, Duration timeout,
      List<ReflexConfigurer> configurers) {
    HikariConfig config = config(url, jdbcUrl, size, timeout);
    List<PoolConfigurer> ordered =
        Context.ordered(PoolConfigurer.class, configurers, ServiceLoader.load(PoolConfigurer.class));
    if (!ordered.isEmpty()) {
      for (PoolConfigurer configurer : ordered) {
        try {
          configurer.configure(config);
        } catch (RuntimeException e) {
          throw new InvalidConfigurationException("The PoolConfigurer " + configurer.getClass().getName()
              + " failed: " + Secrets.scrub(Failures.rootMessage(e), url.secrets()) + "; fix it, or leave it out",
              Failures.redacted(e, url.secrets()));
        }
      }
      try {
        config.validate();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new InvalidConfigurationException("HikariCP refuses the pool configuration the PoolConfigurers "
            + ordered.stream().map(c -> c.getClass().getName()).collect(Collectors.joining(", ")) + " left: "
            + Secrets.scrub(Failures.rootMessage(e), url.secrets()) + "; fix the value they set",
            Failures.redacted(e, url.secrets()));
      }
    }
    PendingNotes.install(config, url, jdbcUrl);
    return new HikariDataSource(config);
  }

  /**
   * Returns the settings {@link #create} starts the pool with.
   *
   * @param url the parsed URL
   * @param jdbcUrl the URL from {@link #poolUrl}
   * @param size the maximum number of connections
   * @param timeout how long a caller waits for a free connection
   * @return a new configuration, not yet validated by HikariCP
   */
  public static HikariConfig config(DatabaseUrl url, String jdbcUrl, int size, Duration timeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("reflex-" + COUNTER.incrementAndGet());
    config.setJdbcUrl(jdbcUrl);
    Driver driver = Drivers.forUrl(jdbcUrl, url.masked());
    Properties credentials = url.credentialParameters();
    if (credentials.isEmpty()) {
      config.setDriverClassName(driver.getClass().getName());
    } else {
      // HikariCP would log them at DEBUG: they go from a data source of ours straight to the driver
      config.setDataSource(new CredentialDataSource(driver, jdbcUrl, credentials, config));
    }
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setConnectionTimeout(timeout.toMillis());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(size, 2));
    if (url.kind() == DatabaseKind.SQLITE) {
      sqlite(config, url.inMemory(), timeout);
    }
    if (url.kind() == DatabaseKind.POSTGRESQL && !jdbcUrl.contains("loginTimeout=")) {
      // a server that accepts the connection and never answers must not hang the pool: pgjdbc waits forever
      // for the login unless told otherwise
      config.addDataSourceProperty("loginTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
    }
    if (!jdbcUrl.toLowerCase(Locale.ROOT).contains("sockettimeout=")) {
      if (url.kind() == DatabaseKind.POSTGRESQL) {
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
      } else if (url.kind() == DatabaseKind.MARIADB || url.kind() == DatabaseKind.MYSQL) {
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
      }
    }
    return config;
  }

  /**
   * Returns the JDBC URL for a connection made outside the pool, such as reflex-db's: on SQLite, one that waits for
   * a writer's lock as long as the pool does ({@code REFLEX_DB_POOL_TIMEOUT}) and takes the write lock when a
   * transaction begins, as the pool's connections do; sqlite-jdbc alone waits 3 s.
   *
   * @param url the parsed URL
   * @param timeout the pool timeout, from {@link Settings#poolTimeout()}
   * @return the JDBC URL with its credential parameters ({@link DatabaseUrl#jdbcUrlWithParameters()}: such a tool
   *     takes only a URL, a user and a password), unchanged for other databases or when it sets the busy timeout
   */
  public static String outsideThePool(DatabaseUrl url, Duration timeout) {
    String jdbc = url.jdbcUrlWithParameters();
    if (url.kind() != DatabaseKind.SQLITE || jdbc.contains(BUSY_TIMEOUT + "=")) {
      return jdbc;
    }
    return jdbc + (jdbc.contains("?") ? "&" : "?") + BUSY_TIMEOUT + "=" + timeout.toMillis()
        + (jdbc.contains(TRANSACTION_MODE + "=") ? "" : "&" + TRANSACTION_MODE + "=IMMEDIATE");
  }

  private static void sqlite(HikariConfig config, boolean inMemory, Duration timeout) {
    // A writer waits for the lock instead of failing with SQLITE_BUSY: transactions take the write lock
    // when they begin (a deferred read-then-write upgrade would fail at once, without waiting).
    config.addDataSourceProperty(BUSY_TIMEOUT, String.valueOf(timeout.toMillis()));
    config.addDataSourceProperty(TRANSACTION_MODE, "IMMEDIATE");
    if (inMemory) {
      // shared-cache memory databases lock whole tables without waiting: one connection serves them all
      config.setMaximumPoolSize(1);
      config.setMinimumIdle(1);
    } else {
      config.addDataSourceProperty("journal_mode", "WAL");
    }
  }
}
