package dev.reflex.orm.mybatis;

import dev.reflex.orm.internal.jdbc.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;

/**
 * MyBatis' JDBC transactions on a pool that rolls back on close. A session that is not in auto-commit takes its
 * connection from {@link Transactions} (a connection whose begin failed never returns to the pool, and SQLite's
 * writers take turns in Java) and gives it back there. A closing session leaves auto-commit to the pool: MyBatis
 * would turn it back on itself, which commits whatever the connection ran since the last commit.
 *
 * <p>Thread-safe.
 */
final class SessionTransactions implements TransactionFactory {
  private final Transactions transactions;

  SessionTransactions(DataSource dataSource) {
    this.transactions = Transactions.of(dataSource);
  }

  @Override
  public Transaction newTransaction(Connection connection) {
    return new JdbcTransaction(connection);
  }

  @Override
  public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
    if (autoCommit) {
      return new JdbcTransaction(dataSource, level, true, true);
    }
    return new JdbcTransaction(dataSource, level, false, true) {
      @Override
      protected void openConnection() throws SQLException {
        connection = transactions.open();
        if (level != null) {
          connection.setTransactionIsolation(level.getLevel());
        }
      }

      @Override
      public void close() throws SQLException {
        if (connection != null) {
          transactions.close(connection);
        }
      }
    };
  }
}
