package dev.reflex.orm.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An application's own data source that is not HikariCP: it lends one real connection over and over and does
 * nothing when it is closed, as a pool that neither rolls back nor resets auto-commit would. Whatever a
 * session leaves on the connection, the next borrower sees, so a test can check what was left.
 */
public final class OneConnectionDataSource implements DataSource {
  private final Connection lent;

  /** @param connection the real connection to lend; the caller closes it, and reads what was left on it */
  public OneConnectionDataSource(Connection connection) {
    this.lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection() {
    return lent;
  }

  @Override
  public Connection getConnection(String username, String password) {
    return lent;
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
