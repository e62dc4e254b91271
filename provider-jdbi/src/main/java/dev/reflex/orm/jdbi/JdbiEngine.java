package dev.reflex.orm.jdbi;

import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ProviderSession;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link Jdbi}, opening one {@link Handle} per reflex-orm session.
 *
 * <p>Thread-safe, as {@code Jdbi} is.
 */
final class JdbiEngine implements ProviderEngine {
  private final Jdbi jdbi;

  JdbiEngine(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public ProviderSession openSession() {
    Handle handle = jdbi.open();
    try {
      handle.begin();
    } catch (RuntimeException e) {
      try {
        handle.close();
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    return new JdbiSession(handle);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.isInstance(jdbi) ? type.cast(jdbi) : null;
  }

  /** Nothing to release: JDBI holds no resource of its own, and the data source is reflex-orm's. */
  @Override
  public void close() {}
}
