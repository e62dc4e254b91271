package dev.reflex.orm.mybatis;

import dev.reflex.orm.internal.jdbc.LostConnections;
import dev.reflex.orm.internal.jdbc.Release;
import dev.reflex.orm.spi.ProviderSession;
import java.sql.Connection;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MyBatis {@link SqlSession} on one pooled connection, with auto-commit off. The {@code SqlSession} and its
 * connection are opened at the first use ({@link #connect()}), not before: a session never used holds nothing.
 *
 * <p>An {@code SqlSession} keeps one connection for life: when that connection is lost, {@link #rollback()} closes
 * it, which hands the connection back to the pool to be discarded, and the next use of the session opens another on
 * a fresh connection, so that the session goes on. Not at once: a server that is gone would make the failing commit
 * wait for the pool timeout as well.
 *
 * <p>Not thread-safe, as the {@code SqlSession} is not.
 */
final class MyBatisSession implements ProviderSession {
  private static final Logger LOG = LoggerFactory.getLogger(MyBatisSession.class);

  private final Supplier<SqlSession> opener;
  private final boolean poolRollsBackOnClose;
  /** {@code null} until the first use, and after a lost connection was released until the next. */
  private SqlSession session;

  /**
   * @param opener opens an {@code SqlSession} holding its connection: at the first use, and after a lost connection
   * @param poolRollsBackOnClose whether the pool rolls back on close
   */
  MyBatisSession(Supplier<SqlSession> opener, boolean poolRollsBackOnClose) {
    this.opener = opener;
    this.poolRollsBackOnClose = poolRollsBackOnClose;
  }

  @Override
  public void connect() {
    if (session == null) {
      session = opener.get();
    }
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(session)) {
      return type.cast(session);
    }
    if (type == Connection.class) {
      return type.cast(session.getConnection());
    }
    return null;
  }

  /**
   * Flushes batched statements and commits. Forced: MyBatis skips the commit when no mapper statement
   * changed anything, but work done on the unwrapped connection counts too. The flush comes first, on its own, so
   * that a statement failing there is never taken for a commit lost in flight.
   */
  @Override
  public void commit() {
    if (session == null) {
      return; // nothing ran: the session was never used, or not since a lost connection was released
    }
    session.flushStatements();
    LostConnections.commit(session.getConnection(), () -> session.commit(true));
  }

  /**
   * Rolls back, forced for the same reason as {@link #commit()}, and clears MyBatis' local cache. A lost
   * connection is not rolled back (its uncommitted work went with it) but released, with the session.
   */
  @Override
  public void rollback() {
    if (session == null) {
      return;
    }
    if (!lost()) {
      try {
        session.rollback(true);
      } catch (RuntimeException e) {
        if (!lost()) {
          throw e;
        }
      }
    }
    if (lost()) {
      release();
    }
  }

  /**
   * Closes the session, which returns the connection to the pool. On a pool that rolls back on close, that is
   * all: the pool rolls back what ran since the last commit, and restores auto-commit, which MyBatis is set up
   * to leave alone. On another data source, what is not committed is rolled back first (forced, as MyBatis
   * would skip it when no mapper statement ran), and MyBatis turns auto-commit back on. A connection already
   * closed under the session has nothing to roll back.
   */
  @Override
  public void close() {
    if (session == null) {
      return; // never used, or a lost connection was released and none taken since
    }
    Release.all(this::rollbackUnlessThePoolDoes, session::close);
  }

  private void rollbackUnlessThePoolDoes() {
    if (!poolRollsBackOnClose && !lost()) {
      session.rollback(true);
    }
  }

  private boolean lost() {
    return LostConnections.isClosed(session.getConnection());
  }

  /** Closes the session of a lost connection, which hands the connection back to the pool to be discarded. */
  private void release() {
    try {
      session.close();
    } catch (RuntimeException e) {
      LOG.debug("Closing the MyBatis session of a lost connection failed: {}", e.toString());
    }
    session = null;
  }
}
