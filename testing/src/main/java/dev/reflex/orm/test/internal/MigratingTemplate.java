package dev.reflex.orm.test.internal;

import dev.reflex.db.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;

/**
 * On servers that cannot clone a database (MariaDB, MySQL): each copy is a new database the changelog is
 * applied to. Correct, and as slow as the changelog.
 */
final class MigratingTemplate extends Template {
  private final Server server;
  private final Migrations migrations;

  MigratingTemplate(DatabaseUrl base, Migrations migrations) {
    this.server = new Server(base);
    this.migrations = migrations;
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

  @Override
  public void close() {
    server.close();
  }
}
