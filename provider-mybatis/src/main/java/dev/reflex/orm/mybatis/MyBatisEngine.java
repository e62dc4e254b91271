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

  @Override
  public ProviderSession openSession() {
    return new MyBatisSession(openSqlSession(), this::openSqlSession, poolRollsBackOnClose);
  }

  private SqlSession openSqlSession() {
    SqlSession session = factory.openSession(false);
    try {
      // MyBatis takes its connection lazily; take it now, so that an exhausted pool fails here, at
      // ReflexDatabase.session(), and the session sits in its transaction from the start
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
