package dev.reflex.orm.spi;

/**
 * One ORM session bound to one pooled connection, always inside a transaction.
 *
 * <p>Used by one thread at a time.
 */
public interface ProviderSession {
  /**
   * Returns the ORM's own object of the given type ({@code Session}, {@code SqlSession}, {@code Handle},
   * {@code java.sql.Connection}, ...).
   *
   * @param type the type asked for
   * @param <T> that type
   * @return the object, or {@code null} when this session has none of that type
   */
  <T> T unwrap(Class<T> type);

  /**
   * Flushes what the ORM holds and commits the transaction, even if the ORM believes there is nothing to
   * commit; the session then goes on in a new transaction.
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
   * once, so that a server that is gone does not hold up the failure by the pool timeout.
   */
  void rollback();

  /**
   * Rolls back what is not committed, without beginning another transaction, closes the ORM session and
   * returns its connection to the pool with auto-commit as the pool lent it, also when the connection was lost.
   * When {@link ProviderContext#poolRollsBackOnClose()} says so, the rollback and the auto-commit setting may be
   * left to the pool. Called once, last.
   */
  void close();
}
