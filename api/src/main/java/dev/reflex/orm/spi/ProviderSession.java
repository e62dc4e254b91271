package dev.reflex.orm.spi;

/**
 * One ORM session bound to one pooled connection, always inside a transaction once it holds that connection. It
 * takes the connection at {@link #connect()}, not when it opens, as the ORM's own session takes its connection at
 * its first statement: a session opened and never used leaves the pool alone.
 *
 * <p>Used by one thread at a time.
 */
public interface ProviderSession {
  /**
   * Takes the session's connection from the pool and begins its transaction, unless the session holds one already.
   * reflex-orm calls it before every {@link #unwrap(Class)}, so it must cost next to nothing when connected. Until
   * then the session holds no connection, and {@link #commit()}, {@link #rollback()} and {@link #close()} do nothing
   * with the pool. After a lost connection was handed back, it takes a fresh one. The default does nothing, for a
   * provider whose {@link ProviderEngine#openSession()} takes the connection at once.
   *
   * @throws RuntimeException when no connection can be had or the transaction cannot begin; reflex-orm reports it as
   *     an {@code UnableToConnectException} with the pool's state. Nothing is held then.
   */
  default void connect() {}

  /**
   * Returns the ORM's own object of the given type ({@code Session}, {@code SqlSession}, {@code Handle},
   * {@code java.sql.Connection}, ...), bound to the connection {@link #connect()} took.
   *
   * @param type the type asked for
   * @param <T> that type
   * @return the object, or {@code null} when this session has none of that type
   */
  <T> T unwrap(Class<T> type);

  /**
   * Flushes what the ORM holds and commits the transaction, even if the ORM believes there is nothing to
   * commit; the session then goes on in a new transaction. A session that holds no connection has nothing to
   * commit: it does nothing.
   *
   * @throws dev.reflex.orm.CommitOutcomeUnknownException when the connection, open when the commit began, was
   *     lost while it was in flight, so that the server may have committed; any other failure is taken as a
   *     rollback
   */
  void commit();

  /**
   * Rolls back the transaction and discards what the ORM holds; the session goes on in a new one. When the
   * connection is lost, it is handed back to the pool instead (its uncommitted work went with it) and the next use
   * of the session takes a fresh one, with fresh ORM objects where the ORM's are bound to one connection; not at
   * once, so that a server that is gone does not hold up the failure by the pool timeout. A session that holds no
   * connection does nothing.
   */
  void rollback();

  /**
   * Rolls back what is not committed, without beginning another transaction, closes the ORM session and
   * returns its connection to the pool with auto-commit as the pool lent it, also when the connection was lost.
   * When {@link ProviderContext#poolRollsBackOnClose()} says so, the rollback and the auto-commit setting may be
   * left to the pool. A session that holds no connection only closes the ORM session. Called once, last.
   */
  void close();
}
