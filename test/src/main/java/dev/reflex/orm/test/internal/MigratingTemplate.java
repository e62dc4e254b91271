package dev.reflex.orm.test.internal;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;

/**
 * On servers that cannot clone a database (MariaDB, MySQL): each copy is a new database the changelog is
 * applied to. Correct, and as slow as the changelog. The databases earlier runs left ({@link Leftovers}) are
 * dropped first; a lost administrative connection is replaced.
 */
final class MigratingTemplate extends Template {
  private static final System.Logger LOG = System.getLogger("dev.reflex.orm.test");
  private final DatabaseUrl base;
  private final Migrations migrations;
  /** Creates and drops, on a connection replaced when it is lost. */
  private final Admins admins;
  /** Holds the run's mark ({@link Leftovers}) while the run lives; opened again when it is lost. */
  private Server marker;

  MigratingTemplate(DatabaseUrl base, Migrations migrations) {
    this.base = base;
    this.migrations = migrations;
    this.admins = new Admins(base, null, 1);
    this.marker = new Server(base, Leftovers.mark(base.kind()));
    Leftovers.find(marker).forEach(this::dropLeftover);
  }

  @Override
  public Copy copy() {
    Server marked = keepMarked();
    String copy = uniqueName("reflex_test");
    admins.execute("CREATE DATABASE " + copy, "create " + copy);
    try {
      migrate(base, marked.jdbcUrl(copy), migrations);
      return new Copy(copy, pool(base, marked.jdbcUrl(copy)), () -> drop(copy));
    } catch (RuntimeException e) {
      drop(copy);
      throw e;
    }
  }

  /**
   * A run whose mark went with its connection (a server restart) would look ended to the next run.
   *
   * @return the marked connection, opened again if it was lost
   */
  private synchronized Server keepMarked() {
    if (!marker.isValid()) {
      marker.close();
      marker = new Server(base, Leftovers.mark(base.kind()));
    }
    return marker;
  }

  private void drop(String database) {
    admins.execute("DROP DATABASE IF EXISTS " + database, "drop " + database);
  }

  private void dropLeftover(String database) {
    try {
      drop(database);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, e.getMessage()); // the next run tries again
    }
  }

  @Override
  public synchronized void close() {
    try {
      admins.close();
    } finally {
      marker.close();
    }
  }
}
