package dev.reflex.orm.mybatis;

import dev.reflex.orm.spi.ProviderSession;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.ibatis.session.SqlSession;

/**
 * One MyBatis {@link SqlSession} on one pooled connection, with auto-commit off.
 *
 * <p>Not thread-safe, as the {@code SqlSession} is not.
 */
final class MyBatisSession implements ProviderSession {
  private final SqlSession session;
  private final boolean poolRollsBackOnClose;

  MyBatisSession(SqlSession session, boolean poolRollsBackOnClose) {
    this.session = session;
    this.poolRollsBackOnClose = poolRollsBackOnClose;
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
   * changed anything, but work done on the unwrapped connection counts too.
   */
  @Override
  public void commit() {
    session.commit(true);
  }

  /** Rolls back, forced for the same reason as {@link #commit()}, and clears MyBatis' local cache. */
  @Override
  public void rollback() {
    session.rollback(true);
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
    try {
      if (!poolRollsBackOnClose && !connectionClosed()) {
        session.rollback(true);
      }
    } catch (RuntimeException e) {
      try {
        session.close();
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    session.close();
  }

  private boolean connectionClosed() {
    try {
      return session.getConnection().isClosed();
    } catch (SQLException e) {
      return true;
    }
  }
}
