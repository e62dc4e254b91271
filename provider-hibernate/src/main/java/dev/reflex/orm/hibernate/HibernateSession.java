package dev.reflex.orm.hibernate;

import dev.reflex.orm.internal.jdbc.LostConnections;
import dev.reflex.orm.internal.jdbc.Release;
import dev.reflex.orm.spi.ProviderSession;
import jakarta.persistence.RollbackException;
import java.sql.Connection;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.jdbc.spi.LogicalConnectionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Hibernate {@link Session} on one pooled connection, always inside a Hibernate transaction once used. The
 * {@code Session} opens at once, without a connection; the first use ({@link #connect()}) takes the connection and
 * begins the transaction. Until then commit and rollback have nothing to do, and close only closes the
 * {@code Session}: a session never used does not touch the pool.
 *
 * <p>On a pool that rolls back on close, the connection comes with auto-commit off ({@link PooledConnections}), to
 * this session and to the application's own Hibernate sessions alike: Hibernate then neither turns it off at each
 * begin nor back on after each commit, and closing the session ends it as closing Hibernate's own session inside a
 * transaction does, by handing the connection back to the pool, which rolls back what ran since the last commit.
 * Hibernate's own completion callbacks do not run for that rollback.
 * On another data source, close rolls back through Hibernate, which turns auto-commit back on.
 *
 * <p>When the connection is lost (closed under Hibernate, or broken so that a rollback fails),
 * {@link #rollback()} hands it back to the pool, which discards it, and the next transaction takes a fresh one:
 * the session goes on, as {@code UnableToCommitException} promises.
 *
 * <p>Not thread-safe: one thread at a time, like the {@code Session} itself.
 */
final class HibernateSession implements ProviderSession {
  private static final Logger LOG = LoggerFactory.getLogger(HibernateSession.class);

  private final Session session;
  private final boolean poolRollsBackOnClose;
  private boolean used;

  private HibernateSession(Session session, boolean poolRollsBackOnClose) {
    this.session = session;
    this.poolRollsBackOnClose = poolRollsBackOnClose;
  }

  /** Opens a session without a connection: Hibernate takes none before it needs one. */
  static HibernateSession open(SessionFactory factory, boolean poolRollsBackOnClose) {
    return new HibernateSession(factory.openSession(), poolRollsBackOnClose);
  }

  /**
   * At the first use, takes the connection from the pool, so that an exhausted pool fails here, in one line, rather
   * than at the application's first statement, and begins the first transaction. A connection whose begin fails is
   * handed back at once. After a lost connection was handed back, takes a fresh one.
   */
  @Override
  public void connect() {
    if (used) {
      LogicalConnectionImplementor logical = logicalConnection();
      if (!logical.isPhysicallyConnected()) {
        logical.getPhysicalConnection();
      }
      return;
    }
    try {
      logicalConnection().getPhysicalConnection();
      session.getTransaction().begin();
    } catch (RuntimeException e) {
      throw Release.after(e, this::release);
    }
    used = true;
  }

  /** Hands out the {@code Session} (also the {@code EntityManager}) or its own JDBC connection. */
  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(session)) {
      return type.cast(session);
    }
    if (type == Connection.class) {
      return type.cast(session.doReturningWork(connection -> connection));
    }
    return null;
  }

  /**
   * Flushes, commits (Hibernate commits the JDBC connection even when it has written nothing), and begins the
   * next transaction. The flush comes first, on its own, so that a statement failing there is never taken for a
   * commit lost in flight; Hibernate's commit then has nothing left to flush. If the application ended the
   * transaction through Hibernate's own API, a new one is begun first, so that the flush has one to run in.
   *
   * @throws RollbackException when the transaction is marked rollback-only: Hibernate would roll it back without a
   *     word, and the caller would believe the work committed
   */
  @Override
  public void commit() {
    if (!used) {
      return; // never used: nothing to commit, and no connection to take for it
    }
    Transaction transaction = session.getTransaction();
    if (!transaction.isActive()) {
      begin(transaction);
    }
    if (transaction.getRollbackOnly()) {
      throw new RollbackException("The transaction is marked rollback-only (by setRollbackOnly() or an earlier"
          + " failure inside Hibernate), so it cannot commit");
    }
    session.flush();
    FlushMode mode = session.getHibernateFlushMode();
    session.setHibernateFlushMode(FlushMode.MANUAL); // flushed just now: the commit need not flush again
    try {
      LostConnections.commit(logicalConnection().getPhysicalConnection(), transaction::commit);
    } finally {
      session.setHibernateFlushMode(mode);
    }
    try {
      transaction.begin(); // the commit just used the connection: no need to ask whether it is lost
    } catch (RuntimeException e) {
      // the commit succeeded: failing here would report committed work as rolled back; the next commit or
      // rollback begins again, on a fresh connection if this one is gone
      LOG.warn("Committed, but the next transaction could not begin: {}", e.toString());
    }
  }

  /**
   * Rolls back, clears the persistence context and begins again. A lost connection is released rather than rolled
   * back: its uncommitted work went with it.
   */
  @Override
  public void rollback() {
    if (!used) {
      return;
    }
    Transaction transaction = session.getTransaction();
    boolean lost = connectionLost();
    RuntimeException failure = null;
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      session.clear();
    }
    if (lost || failure != null) {
      release();
    }
    begin(transaction);
    if (failure != null && !lost) {
      throw failure;
    }
  }

  /**
   * Closes the session; Hibernate returns its connection to the pool. On a pool that rolls back on close, that is
   * all: the pool rolls back what is not committed, and a connection closed under the session goes back as any
   * other. Otherwise Hibernate rolls back first, without beginning again, and a lost connection is released rather
   * than rolled back.
   */
  @Override
  public void close() {
    Release.all(this::rollbackUnlessThePoolDoes, session::close);
  }

  private void rollbackUnlessThePoolDoes() {
    if (poolRollsBackOnClose || !used) {
      return;
    }
    Transaction transaction = session.getTransaction();
    if (connectionLost()) {
      release();
    } else if (transaction.isActive()) {
      transaction.rollback();
    }
  }

  private void begin(Transaction transaction) {
    if (connectionLost()) {
      release();
    }
    transaction.begin();
  }

  private LogicalConnectionImplementor logicalConnection() {
    // Hibernate's sessions are its SessionImplementor; unwrap would check that the session is open, every time
    SessionImplementor implementor = session instanceof SessionImplementor ? (SessionImplementor) session
        : session.unwrap(SessionImplementor.class);
    return implementor.getJdbcCoordinator().getLogicalConnection();
  }

  /** Whether the connection held is closed; asking the pool's proxy costs no round trip. */
  private boolean connectionLost() {
    LogicalConnectionImplementor logical = logicalConnection();
    return logical.isPhysicallyConnected() && LostConnections.isClosed(logical.getPhysicalConnection());
  }

  /** Hands the held connection back to the pool (which discards a broken one); the next use takes another. */
  private void release() {
    logicalConnection().manualDisconnect();
  }
}
