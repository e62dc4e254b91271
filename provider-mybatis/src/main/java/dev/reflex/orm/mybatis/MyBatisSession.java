package dev.reflex.orm.mybatis;

import dev.reflex.orm.spi.ProviderSession;
import java.sql.Connection;
import org.apache.ibatis.session.SqlSession;

/**
 * One MyBatis {@link SqlSession} on one pooled connection, with auto-commit off.
 *
 * <p>Not thread-safe, as the {@code SqlSession} is not.
 */
final class MyBatisSession implements ProviderSession {
  private final SqlSession session;

  MyBatisSession(SqlSession session) {
    this.session = session;
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

  @Override
  public void close() {
    session.close();
  }
}
