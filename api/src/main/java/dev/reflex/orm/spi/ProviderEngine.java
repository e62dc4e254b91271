package dev.reflex.orm.spi;

/**
 * A provider's bootstrapped ORM: the Hibernate {@code SessionFactory}, the MyBatis
 * {@code SqlSessionFactory} or the {@code Jdbi} instance, opening sessions until it is closed.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProviderEngine extends AutoCloseable {
  /**
   * Opens the ORM's own session, best without a connection yet: {@link ProviderSession#connect()} takes one from the
   * context's data source and begins a transaction (auto-commit off) when the session is first used.
   *
   * @return the session; the caller closes it
   * @throws RuntimeException when the ORM refuses, or a provider that connects at once cannot; reflex-orm wraps it
   */
  ProviderSession openSession();

  /**
   * Returns the engine-level ORM object of the given type, such as {@code SessionFactory} or {@code Jdbi}.
   *
   * @param type the type asked for
   * @param <T> that type
   * @return the object, or {@code null} when this engine has none of that type
   */
  <T> T unwrap(Class<T> type);

  /** Releases what the ORM holds. Does not close the data source, which reflex-orm owns. Idempotent. */
  @Override
  void close();
}
