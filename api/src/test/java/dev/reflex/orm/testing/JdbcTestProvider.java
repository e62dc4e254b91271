package dev.reflex.orm.testing;

import dev.reflex.orm.internal.jdbc.LostConnections;
import dev.reflex.orm.internal.jdbc.Transactions;
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
        return new Session(transactions, context.poolRollsBackOnClose());
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
    private final boolean poolRollsBackOnClose;
    /** {@code null} until the first use, and after a lost connection was released until the next. */
    private Connection connection;

    Session(Transactions transactions, boolean poolRollsBackOnClose) {
      this.transactions = transactions;
      this.poolRollsBackOnClose = poolRollsBackOnClose;
    }

    @Override
    public void connect() {
      if (connection == null) {
        run(() -> connection = transactions.open());
      }
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      return type == Connection.class ? type.cast(connection) : null;
    }

    @Override
    public void commit() {
      if (connection == null) {
        return;
      }
      LostConnections.commit(connection, () -> run(connection::commit));
    }

    /** Rolls back; a lost connection is handed back to the pool instead, and the next use takes a fresh one. */
    @Override
    public void rollback() {
      if (connection == null) {
        return;
      }
      if (LostConnections.isClosed(connection)) {
        run(() -> transactions.close(connection));
        connection = null;
      } else {
        run(connection::rollback);
      }
    }

    @Override
    public void close() {
      if (connection == null) {
        return;
      }
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
