package dev.reflex.orm;

/**
 * Work done inside one transaction by {@link ReflexDatabase#transaction(SessionWork)}.
 *
 * @param <T> what the work returns
 * @param <X> the checked exception the work may throw, rethrown as it is
 */
@FunctionalInterface
public interface SessionWork<T, X extends Exception> {
  /**
   * Does the work.
   *
   * @param session the session, open and inside a transaction; do not close or commit it yourself
   * @return the value {@code transaction} hands back after the commit
   * @throws X the work's own failure, after which the transaction is rolled back
   */
  T run(ReflexSession session) throws X;
}
