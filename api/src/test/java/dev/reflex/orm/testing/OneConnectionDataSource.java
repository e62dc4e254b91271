package dev.reflex.orm.testing;

import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * An application's own data source that is not HikariCP: it lends one real connection over and over and does
 * nothing when it is closed, as a pool that neither rolls back nor resets auto-commit would. Whatever a
 * session leaves on the connection, the next borrower sees, so a test can check what was left.
 */
public final class OneConnectionDataSource extends PlainDataSource {
  private final Connection lent;

  /** @param connection the real connection to lend; the caller closes it, and reads what was left on it */
  public OneConnectionDataSource(Connection connection) {
    this.lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          return forward(connection, method, args);
        });
  }

  @Override
  public Connection getConnection() {
    return lent;
  }
}
