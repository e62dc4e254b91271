package dev.reflex.orm;

import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.internal.PendingNotes;
import dev.reflex.orm.internal.jdbc.Release;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ProviderSession;
import java.util.function.Function;

/**
 * One unit of work on one pooled connection, always inside a transaction, handing out the ORM's own
 * session object through {@link #unwrap(Class)}.
 *
 * <pre>{@code
 * try (ReflexSession session = Reflex.session()) {
 *   Session hibernate = session.unwrap(Session.class); // the connection is taken from the pool here
 *   hibernate.persist(new Book("Dune"));
 *   session.commit();
 * } // not committed? rolled back here; the connection goes back to the pool either way
 * }</pre>
 *
 * <p>A session takes its connection at its first {@link #unwrap(Class)}, as the ORM's own session takes its connection
 * at its first statement, and holds it until {@link #close()}: a session opened and never used does not touch the
 * pool, and its commit, rollback and close do nothing.
 *
 * <p>Not thread-safe: use a session from one thread at a time, and open one per unit of work.
 */
public final class ReflexSession implements AutoCloseable {
  private final ProviderSession delegate;
  private final ProviderEngine engine;
  private final String provider;
  private final Function<RuntimeException, UnableToConnectException> unableToConnect;
  private boolean closed;

  ReflexSession(ProviderSession delegate, ProviderEngine engine, String provider,
      Function<RuntimeException, UnableToConnectException> unableToConnect) {
    this.delegate = delegate;
    this.engine = engine;
    this.provider = provider;
    this.unableToConnect = unableToConnect;
  }

  /**
   * Returns the ORM's own object: the Hibernate {@code Session}, {@code EntityManager} or
   * {@code SessionFactory}; the MyBatis {@code SqlSession}; the JDBI {@code Handle} or {@code Jdbi}; or the
   * {@code java.sql.Connection} of this session. The first call takes the session's connection from the pool and
   * begins its transaction.
   *
   * @param type the type wanted
   * @param <T> that type
   * @return the object, bound to this session's connection and transaction
   * @throws UnableToConnectException when no connection is free within the pool timeout (the message shows the
   *     pool's state), or the database cannot be reached; the session holds nothing then, and may be tried again
   * @throws ReflexException when the session is closed or this provider has nothing of that type
   */
  public <T> T unwrap(Class<T> type) {
    checkOpen();
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    connect();
    T own = delegate.unwrap(type);
    if (own == null) {
      own = engine.unwrap(type);
    }
    if (own == null) {
      throw new ReflexException("The " + provider + " session cannot be unwrapped to " + type.getName()
          + ": ask for a type of the " + provider + " ORM, or for java.sql.Connection");
    }
    return own;
  }

  /**
   * Flushes what the ORM holds and commits; the session goes on in a new transaction. A session that holds no
   * connection (nothing was unwrapped from it) has nothing to commit: the call succeeds without a round trip.
   *
   * <p>When the commit fails, the session rolls back and goes on in a new transaction. If the connection was lost,
   * the session's next use takes a fresh one from the pool: objects unwrapped before from the lost connection (a
   * JDBI {@code Handle}, a MyBatis {@code SqlSession} and its mappers) are then stale, so unwrap them again.
   *
   * @throws CommitOutcomeUnknownException when the connection was lost while the commit was in flight: the server
   *     may have committed, so check whether the work is in the database before running it again
   * @throws UnableToCommitException when the commit fails otherwise (the server refused it, or the connection was
   *     gone before it was sent); the work is then rolled back
   */
  public void commit() {
    checkOpen();
    try {
      delegate.commit();
    } catch (RuntimeException e) {
      Release.after(e, delegate::rollback);
      if (e instanceof CommitOutcomeUnknownException) {
        throw e;
      }
      String pending = PendingNotes.of(e);
      throw new UnableToCommitException("Commit failed and the transaction was rolled back: "
          + Failures.rootMessage(e) + "; " + (pending != null ? pending : "fix the cause and run the work again"), e);
    }
  }

  /**
   * Rolls back the work since the last commit and discards what the ORM holds; the session goes on in a new
   * transaction. A lost connection is handed back to the pool instead, and the session's next use takes a fresh
   * one (then unwrap the ORM's objects again). A session that holds no connection has nothing to roll back.
   */
  public void rollback() {
    checkOpen();
    delegate.rollback();
  }

  /** @return the name of the provider behind this session, such as {@code hibernate} */
  public String provider() {
    return provider;
  }

  /** @return whether {@link #close()} has been called */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Rolls back what is not committed and returns the connection to the pool, if the session took one. Idempotent: a
   * second call does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      delegate.close();
    } catch (RuntimeException e) {
      throw new ReflexException("Closing the " + provider + " session failed: " + Failures.rootMessage(e)
          + "; its work was not committed", e);
    }
  }

  private void connect() {
    try {
      delegate.connect();
    } catch (ReflexException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unableToConnect.apply(e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new ReflexException("This " + provider + " session is closed: open a new one with"
          + " ReflexDatabase.session() or Reflex.session()");
    }
  }

  @Override
  public String toString() {
    return "ReflexSession[provider=" + provider + (closed ? ", closed" : "") + "]";
  }
}
