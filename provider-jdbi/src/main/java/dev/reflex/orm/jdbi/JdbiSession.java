package dev.reflex.orm.jdbi;

import dev.reflex.orm.internal.jdbc.LostConnections;
import dev.reflex.orm.internal.jdbc.Release;
import dev.reflex.orm.spi.ProviderSession;
import java.sql.Connection;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBI {@link Handle} on one pooled connection, always inside a transaction. The handle and its connection are
 * opened at the first use ({@link #connect()}), not before: a session never used holds nothing. On a pool that rolls
 * back on close, the connection has auto-commit off for the life of the session, so each commit or rollback is
 * followed by the next transaction without a word to JDBI; otherwise {@link #commit()} and {@link #rollback()} begin
 * the next one through JDBI at once.
 *
 * <p>A handle keeps one connection for life: when that connection is lost, {@link #rollback()} closes the handle,
 * which hands the connection back to the pool to be discarded, and the next use of the session opens another on a
 * fresh connection, so that the session goes on. Not at once: a server that is gone would make the failing commit
 * wait for the pool timeout as well.
 *
 * <p>Not thread-safe, as the {@code Handle} is not.
 */
final class JdbiSession implements ProviderSession {
  private static final Logger LOG = LoggerFactory.getLogger(JdbiSession.class);

  private final Supplier<Handle> opener;
  private final boolean poolRollsBackOnClose;
  /** {@code null} until the first use, and after a lost connection was released until the next. */
  private Handle handle;

  /**
   * @param opener opens a handle inside a transaction: at the first use, and after a lost connection
   * @param poolRollsBackOnClose whether the pool rolls back on close
   */
  JdbiSession(Supplier<Handle> opener, boolean poolRollsBackOnClose) {
    this.opener = opener;
    this.poolRollsBackOnClose = poolRollsBackOnClose;
  }

  @Override
  public void connect() {
    if (handle == null) {
      handle = opener.get();
    }
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
    if (handle == null) {
      return; // nothing ran: the session was never used, or not since a lost connection was released
    }
    LostConnections.commit(handle.getConnection(), handle::commit);
    if (!poolRollsBackOnClose) {
      handle.begin();
    }
  }

  @Override
  public void rollback() {
    if (handle == null) {
      return;
    }
    if (!lost()) {
      try {
        handle.rollback();
      } catch (RuntimeException e) {
        if (!lost()) {
          throw e;
        }
      }
    }
    if (lost()) {
      release();
    } else if (!poolRollsBackOnClose) {
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
    if (handle == null) {
      return; // never used, or a lost connection was released and none taken since
    }
    Release.all(this::rollbackUnlessThePoolDoes, handle::close);
  }

  private void rollbackUnlessThePoolDoes() {
    if (!poolRollsBackOnClose && !lost() && handle.isInTransaction()) {
      handle.rollback();
    }
  }

  private boolean lost() {
    return handle.isClosed() || LostConnections.isClosed(handle.getConnection());
  }

  /** Closes the handle of a lost connection, which hands the connection back to the pool to be discarded. */
  private void release() {
    try {
      handle.close();
    } catch (RuntimeException e) {
      LOG.debug("Closing the handle of a lost connection failed: {}", e.toString());
    }
    handle = null;
  }
}
