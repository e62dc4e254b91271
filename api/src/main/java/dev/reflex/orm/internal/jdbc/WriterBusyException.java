package dev.reflex.orm.internal.jdbc;

import java.sql.SQLTransientException;

/**
 * A session could not begin because another writer held a SQLite file's write lock for the whole wait. Its
 * message says who held it; {@code Failures} turns it into the line the application sees.
 *
 * <p>Immutable.
 */
public final class WriterBusyException extends SQLTransientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message who held the lock, and for how long the session waited
   * @param cause the driver's failure, or {@code null} when the wait was for another session of this application
   */
  public WriterBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
