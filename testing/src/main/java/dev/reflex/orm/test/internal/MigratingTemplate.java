package dev.reflex.orm.test.internal;

import dev.reflex.db.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;

/**
 * On servers that cannot clone a database (MariaDB, MySQL): each copy is a new database the changelog is
 * applied to. Correct, and as slow as the changelog. The databases earlier runs left ({@link Leftovers}) are
 * dropped first.
 */
final class MigratingTemplate extends Template {
  private static final System.Logger LOG = System.getLogger("dev.reflex.orm.test");
  private final Server server;
  private final Migrations migrations;

  MigratingTemplate(DatabaseUrl base, Migrations migrations) {
    this.server = new Server(base, Leftovers.mark(base.kind()));
    this.migrations = migrations;
    Leftovers.find(server).forEach(this::dropLeftover);
  }

  @Override
  public Copy copy() {
    String copy = uniqueName("reflex_test");
    server.execute("CREATE DATABASE " + copy, "create " + copy);
    try {
      migrate(server.base(), server.jdbcUrl(copy), migrations);
      return new Copy(copy, pool(server.base(), server.jdbcUrl(copy)), () -> drop(copy));
    } catch (RuntimeException e) {
      drop(copy);
      throw e;
    }
  }

  private void drop(String database) {
    server.execute("DROP DATABASE IF EXISTS " + database, "drop " + database);
  }

  private void dropLeftover(String database) {
    try {
      drop(database);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, e.getMessage()); // the next run tries again
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
