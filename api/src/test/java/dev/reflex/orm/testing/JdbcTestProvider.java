package dev.reflex.orm.testing;

import dev.reflex.orm.internal.Transactions;
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
    Transactions transactions = Transactions.of(context.dataSource());
    return new ProviderEngine() {
      @Override
      public ProviderSession openSession() {
        try {
          return new Session(transactions, transactions.open(), context.poolRollsBackOnClose());
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
    private final Transactions transactions;
    private final Connection connection;
    private final boolean poolRollsBackOnClose;

    Session(Transactions transactions, Connection connection, boolean poolRollsBackOnClose) {
      this.transactions = transactions;
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
        transactions.close(connection);
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
