package dev.reflex.orm.jdbi;

import dev.reflex.orm.internal.jdbc.Release;
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
  private final SessionConnections sessionConnections;

  /**
   * @param jdbi the configured {@code Jdbi}
   * @param sessionConnections its connection factory when the pool rolls back on close, else {@code null}
   */
  JdbiEngine(Jdbi jdbi, SessionConnections sessionConnections) {
    this.jdbi = jdbi;
    this.sessionConnections = sessionConnections;
  }

  /** Opens a session that holds nothing yet: its first use opens the handle ({@link #openHandle()}). */
  @Override
  public ProviderSession openSession() {
    return new JdbiSession(this::openHandle, sessionConnections != null);
  }

  /**
   * Opens a handle inside a transaction: on a pool that rolls back on close, one whose connection has
   * auto-commit off from the start; otherwise one on which JDBI has begun a transaction.
   */
  private Handle openHandle() {
    if (sessionConnections != null) {
      return sessionConnections.openSession(jdbi);
    }
    Handle handle = jdbi.open();
    try {
      handle.begin();
    } catch (RuntimeException e) {
      throw Release.after(e, handle::close);
    }
    return handle;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type.isInstance(jdbi) ? type.cast(jdbi) : null;
  }

  /** Nothing to release: JDBI holds no resource of its own, and the data source is reflex-orm's. */
  @Override
  public void close() {}
}
