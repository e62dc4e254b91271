package dev.reflex.orm.hibernate;

import dev.reflex.orm.internal.jdbc.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.spi.ExtractedDatabaseMetaData;

/**
 * Hibernate's connections from a pool that rolls back on close (HikariCP), handed over with auto-commit already
 * off, as Hibernate's {@code hibernate.connection.provider_disables_autocommit} expects. Hibernate then switches
 * auto-commit neither at each begin nor after each commit; closing the connection lets the pool roll back what ran
 * since the last commit and turn auto-commit back on, once. Sessions of the application's own
 * {@code SessionFactory} get their connections the same way, so theirs and ours make the same JDBC calls.
 * {@link Transactions} takes and gives back the connections: a connection whose begin failed never returns to the
 * pool, and SQLite's writers take turns in Java.
 *
 * <p>Thread-safe, as the pool is.
 */
final class PooledConnections implements ConnectionProvider {
  private final DataSource pool;
  private final Transactions transactions;

  PooledConnections(DataSource pool) {
    this.pool = pool;
    this.transactions = Transactions.of(pool);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return transactions.open();
  }

  @Override
  public void closeConnection(Connection connection) throws SQLException {
    transactions.close(connection);
  }

  /** Hibernate may hand a connection back between statements only where it holds no transaction state. */
  @Override
  public boolean supportsAggressiveRelease() {
    return false;
  }

  /** What Hibernate's "Database info" block shows at start-up: the pool, its masked URL and sizes. */
  @Override
  public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect) {
    return new PoolInfo(pool, dialect, null);
  }

  @Override
  public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect, ExtractedDatabaseMetaData metaData) {
    return new PoolInfo(pool, dialect, metaData);
  }

  @Override
  public boolean isUnwrappableAs(Class<?> type) {
    return type.isInstance(this) || type.isInstance(pool);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(pool)) {
      return type.cast(pool);
    }
    throw new IllegalArgumentException("Cannot unwrap the connection provider to " + type.getName());
  }
}
