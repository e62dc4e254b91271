package dev.reflex.orm.jdbi;

import dev.reflex.orm.spi.ProviderSession;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;

/**
 * One JDBI {@link Handle} on one pooled connection, always inside a transaction. On a pool that rolls back on
 * close, the connection has auto-commit off for the life of the session, so each commit or rollback is followed
 * by the next transaction without a word to JDBI; otherwise {@link #commit()} and {@link #rollback()} begin the
 * next one through JDBI at once.
 *
 * <p>Not thread-safe, as the {@code Handle} is not.
 */
final class JdbiSession implements ProviderSession {
  private final Handle handle;
  private final boolean poolRollsBackOnClose;

  JdbiSession(Handle handle, boolean poolRollsBackOnClose) {
    this.handle = handle;
    this.poolRollsBackOnClose = poolRollsBackOnClose;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(handle)) {
      return type.cast(handle);
    }
    if (type == Connection.class) {
      return type.cast(handle.getConnection());
    }
    return null;
  }

  @Override
  public void commit() {
    handle.commit();
    if (!poolRollsBackOnClose) {
      handle.begin();
    }
  }

  @Override
  public void rollback() {
    handle.rollback();
    if (!poolRollsBackOnClose) {
      handle.begin();
    }
  }

  /**
   * Closes the handle, which returns the connection to the pool. On a pool that rolls back on close, that is
   * all: the pool rolls back what ran since the last commit and restores auto-commit. Otherwise the open
   * transaction is rolled back first, so that nothing uncommitted survives and JDBI's check for a handle closed
   * in an open transaction stays quiet. A connection already closed under the handle has nothing to roll back.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    try {
      if (!poolRollsBackOnClose && !connectionClosed() && handle.isInTransaction()) {
        handle.rollback();
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      handle.close();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private boolean connectionClosed() {
    try {
      return handle.getConnection().isClosed();
    } catch (SQLException e) {
      throw new ConnectionException(e);
    }
  }
}
