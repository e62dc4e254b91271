package dev.reflex.orm.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Pools;
import dev.reflex.orm.internal.UrlParser;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A HikariCP pool of one real connection, set up as reflex-orm sets up its own, that records every commit,
 * rollback and auto-commit change made on the driver's connection: by an ORM, by a session, and by HikariCP itself
 * when the connection comes back. Two ways of doing the same work can then be compared call for call, or by what
 * changed on the connection: the commits, the rollbacks and the switches of auto-commit to the other state.
 *
 * <p>For one test thread at a time.
 */
public final class TransactionCalls implements AutoCloseable {
  private static final Set<String> RECORDED = Set.of("setAutoCommit", "commit", "rollback");

  private final List<String> calls = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();
  private final HikariDataSource pool;

  /**
   * Starts the pool on a fresh database of the given kind.
   *
   * @param database the kind of database
   */
  public TransactionCalls(TestDatabase database) {
    DatabaseUrl url = UrlParser.parse(database.freshUrl());
    HikariConfig config = Pools.config(url, Pools.poolUrl(url), 1, Duration.ofSeconds(30));
    DataSource driver = new DriverDataSource(config.getJdbcUrl(), config.getDriverClassName(),
        config.getDataSourceProperties(), config.getUsername(), config.getPassword());
    config.setDataSource(new Recording(driver));
    config.setDataSourceProperties(new Properties());
    config.setJdbcUrl(null);
    pool = new HikariDataSource(config);
  }

  /** @return the pool, to hand to {@code ReflexDatabase.builder().dataSource(...)} */
  public HikariDataSource pool() {
    return pool;
  }

  /** @return the calls recorded since the last {@link #clear()}, such as {@code setAutoCommit(false)} */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /**
   * @return the calls since the last {@link #clear()} that changed something: commits, rollbacks, and the
   *     {@code setAutoCommit} calls that switched auto-commit to the other state
   */
  public synchronized List<String> changes() {
    return List.copyOf(changes);
  }

  /** Forgets the calls recorded so far. */
  public synchronized void clear() {
    calls.clear();
    changes.clear();
  }

  private synchronized void record(String call, boolean changed) {
    calls.add(call);
    if (changed) {
      changes.add(call);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The driver's connections, each behind a proxy that records the calls of interest. */
  private final class Recording extends PlainDataSource {
    private final DataSource driver;

    Recording(DataSource driver) {
      this.driver = driver;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = driver.getConnection();
      boolean[] autoCommit = {real.getAutoCommit()};
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (RECORDED.contains(method.getName())) {
              boolean changed = true;
              if (method.getName().equals("setAutoCommit")) {
                changed = autoCommit[0] != (boolean) args[0];
                autoCommit[0] = (boolean) args[0];
              }
              record(method.getName() + (args == null ? "()" : "(" + args[0] + ")"), changed);
            }
            return forward(real, method, args);
          });
    }
  }
}
