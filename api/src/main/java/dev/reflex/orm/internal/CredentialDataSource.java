package dev.reflex.orm.internal;

import com.zaxxer.hikari.HikariConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool's connections for a URL whose credentials include more than a user and a password ({@code sslpassword},
 * {@code trustStorePassword}, ...): HikariCP logs its data source properties at DEBUG and masks only the one named
 * {@code password}, so those credentials reach the driver from here, as connection properties, and never pass
 * through HikariCP's configuration. The pool's own data source properties (timeouts and the like) are read from its
 * configuration at each connection, so that a {@code PoolConfigurer}'s are taken too.
 *
 * <p>Thread-safe.
 */
final class CredentialDataSource implements DataSource {
  private final Driver driver;
  private final String jdbcUrl;
  private final Properties credentials;
  private final HikariConfig config;
  private volatile PrintWriter logWriter;

  /**
   * @param driver the driver
   * @param jdbcUrl the URL without credentials
   * @param credentials the credentials other than user and password
   * @param config the pool's configuration, for its data source properties
   */
  CredentialDataSource(Driver driver, String jdbcUrl, Properties credentials, HikariConfig config) {
    this.driver = driver;
    this.jdbcUrl = jdbcUrl;
    this.credentials = credentials;
    this.config = config;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(null, null);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Properties properties = new Properties();
    config.getDataSourceProperties()
        .forEach((name, value) -> properties.setProperty(name.toString(), value.toString()));
    properties.putAll(credentials);
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return driver.connect(jdbcUrl, properties);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // the driver's own loginTimeout property, set by Pools, bounds the login
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "CredentialDataSource[" + driver.getClass().getName() + "]";
  }
}
