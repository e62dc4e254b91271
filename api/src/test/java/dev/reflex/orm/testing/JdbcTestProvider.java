package dev.reflex.orm.testing;

import dev.reflex.orm.spi.ProviderContext;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ProviderSession;
import dev.reflex.orm.spi.ReflexProvider;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A test-only provider over plain JDBC, so that the API is proven on real databases without any ORM. It
 * follows the SPI contract exactly as the real providers must.
 */
public final class JdbcTestProvider implements ReflexProvider {
  @Override
  public String name() {
    return "jdbc-test";
  }

  @Override
  public ProviderEngine start(ProviderContext context) {
    return new ProviderEngine() {
      @Override
      public ProviderSession openSession() {
        try {
          Connection connection = context.dataSource().getConnection();
          connection.setAutoCommit(false);
          return new Session(connection, context.poolRollsBackOnClose());
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        return null;
      }

      @Override
      public void close() {}
    };
  }

  private static final class Session implements ProviderSession {
    private final Connection connection;
    private final boolean poolRollsBackOnClose;

    Session(Connection connection, boolean poolRollsBackOnClose) {
      this.connection = connection;
      this.poolRollsBackOnClose = poolRollsBackOnClose;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      return type == Connection.class ? type.cast(connection) : null;
    }

    @Override
    public void commit() {
      run(connection::commit);
    }

    @Override
    public void rollback() {
      run(connection::rollback);
    }

    @Override
    public void close() {
      run(() -> {
        if (!poolRollsBackOnClose && !connection.isClosed()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
        connection.close();
      });
    }

    private interface SqlAction {
      void run() throws SQLException;
    }

    private static void run(SqlAction action) {
      try {
        action.run();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
