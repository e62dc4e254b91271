package dev.reflex.orm.jdbi;

import dev.reflex.orm.spi.ProviderSession;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;

/**
 * One JDBI {@link Handle} on one pooled connection, always inside a transaction: {@link #commit()} and
 * {@link #rollback()} begin the next one at once.
 *
 * <p>Not thread-safe, as the {@code Handle} is not.
 */
final class JdbiSession implements ProviderSession {
  private final Handle handle;

  JdbiSession(Handle handle) {
    this.handle = handle;
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
    handle.begin();
  }

  @Override
  public void rollback() {
    handle.rollback();
    handle.begin();
  }

  /**
   * Rolls back the open transaction, so that nothing uncommitted survives and JDBI's check for a handle
   * closed in an open transaction stays quiet, and closes the handle, which returns the connection to the
   * pool. A connection already closed under the handle has nothing to roll back.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    try {
      if (!connectionClosed() && handle.isInTransaction()) {
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
