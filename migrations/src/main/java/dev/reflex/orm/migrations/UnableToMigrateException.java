package dev.reflex.orm.migrations;

import dev.reflex.orm.ReflexException;

/**
 * A changelog could not be applied by {@link Migrations}: it is missing, or a changeset failed. Changesets
 * applied before the failure stay applied, as with {@code reflex-db update}.
 *
 * <p>Immutable and thread-safe.
 */
public class UnableToMigrateException extends ReflexException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what failed and what to do; never a password
   * @param cause the underlying failure
   */
  public UnableToMigrateException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message one line: what failed and what to do; never a password
   */
  public UnableToMigrateException(String message) {
    super(message);
  }
}
