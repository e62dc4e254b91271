package dev.reflex.orm.jdbi;

import dev.reflex.orm.internal.jdbc.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * JDBI's connections, from a pool that rolls back on close. The connection of a reflex-orm session has
 * auto-commit off before JDBI sees it, so JDBI treats the handle as inside a transaction that the connection's
 * owner manages: {@code begin} does nothing, {@code commit} and {@code rollback} leave auto-commit off, and
 * closing the handle neither rolls back nor complains, since the pool rolls back what was not committed.
 * A handle the application opens from the {@code Jdbi} itself gets its connection as the pool hands it out.
 * {@link Transactions} takes and gives back the sessions' connections: a connection whose begin failed never returns
 * to the pool, and SQLite's writers take turns in Java.
 *
 * <p>Thread-safe: the mark for a session's connection is per thread, and taken by the first connection.
 */
final class SessionConnections implements ConnectionFactory {
  private final DataSource dataSource;
  private final Transactions transactions;
  private final ThreadLocal<Boolean> forSession = new ThreadLocal<>();

  SessionConnections(DataSource dataSource) {
    this.dataSource = dataSource;
    this.transactions = Transactions.of(dataSource);
  }

  /** Opens a handle whose connection has auto-commit off from the start. */
  Handle openSession(Jdbi jdbi) {
    forSession.set(Boolean.TRUE);
    try {
      return jdbi.open();
    } finally {
      forSession.remove();
    }
  }

  @Override
  public Connection openConnection() throws SQLException {
    boolean session = forSession.get() != null;
    forSession.remove();
    return session ? transactions.open() : dataSource.getConnection();
  }

  @Override
  public void closeConnection(Connection connection) throws SQLException {
    transactions.close(connection);
  }
}
