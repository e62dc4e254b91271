package dev.reflex.orm.test.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source the ORM of a test class is built on: it lends connections of the current {@link Copy}'s
 * pool, so that one ORM bootstrap serves every database of the class, and records where each connection was
 * taken (a session takes its connection at its first unwrap), so that a leak names its place.
 *
 * <p>Thread-safe.
 */
public final class TrackingDataSource implements DataSource {
  private final Map<Connection, Throwable> lent = new ConcurrentHashMap<>();
  private volatile HikariDataSource pool;

  /** @param pool the first pool to lend from */
  public TrackingDataSource(HikariDataSource pool) {
    this.pool = pool;
  }

  /** @param next the pool to lend from from now on */
  public void switchTo(HikariDataSource next) {
    this.pool = next;
  }

  /** @return the pool lent from */
  public HikariDataSource pool() {
    return pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = pool.getConnection();
    lent.put(connection, new Throwable("the session took its connection here"));
    return connection;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  /**
   * Returns the connections lent and not given back, with where each was taken, and forgets every
   * connection lent so far.
   *
   * @return the open connections and their places
   */
  public List<Map.Entry<Connection, Throwable>> takeOpen() {
    List<Map.Entry<Connection, Throwable>> open = new ArrayList<>();
    for (Map.Entry<Connection, Throwable> entry : lent.entrySet()) {
      try {
        // HikariCP's connection says it is closed once it is back in the pool
        if (!entry.getKey().isClosed()) {
          open.add(Map.entry(entry.getKey(), entry.getValue()));
        }
      } catch (SQLException e) {
        open.add(Map.entry(entry.getKey(), entry.getValue()));
      }
      lent.remove(entry.getKey());
    }
    return open;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return pool.isWrapperFor(type);
  }
}
