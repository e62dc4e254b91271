package dev.reflex.orm.mybatis;

import dev.reflex.orm.internal.jdbc.Release;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ProviderSession;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * MyBatis' {@link SqlSessionFactory}, opening one {@link SqlSession} per reflex-orm session.
 *
 * <p>Thread-safe, as the factory is.
 */
final class MyBatisEngine implements ProviderEngine {
  private final SqlSessionFactory factory;
  private final boolean poolRollsBackOnClose;

  MyBatisEngine(SqlSessionFactory factory, boolean poolRollsBackOnClose) {
    this.factory = factory;
    this.poolRollsBackOnClose = poolRollsBackOnClose;
  }

  /** Opens a session that holds nothing yet: its first use opens the {@code SqlSession}. */
  @Override
  public ProviderSession openSession() {
    return new MyBatisSession(this::openSqlSession, poolRollsBackOnClose);
  }

  private SqlSession openSqlSession() {
    SqlSession session = factory.openSession(false);
    try {
      // MyBatis takes its connection at its first statement; take it now, so that an exhausted pool fails at
      // ReflexSession.unwrap in one line, before the application holds a SqlSession without a connection
      session.getConnection();
    } catch (RuntimeException e) {
      throw Release.after(e, session::close);
    }
    return session;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(factory)) {
      return type.cast(factory);
    }
    if (type.isInstance(factory.getConfiguration())) {
      return type.cast(factory.getConfiguration());
    }
    return null;
  }

  /** Nothing to release: MyBatis holds no resource of its own, and the data source is reflex-orm's. */
  @Override
  public void close() {}
}
