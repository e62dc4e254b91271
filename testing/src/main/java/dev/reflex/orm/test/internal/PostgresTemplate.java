package dev.reflex.orm.test.internal;

import dev.reflex.db.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On PostgreSQL: a database migrated once, then cloned by the server itself with
 * {@code CREATE DATABASE ... TEMPLATE}, as zonky's embedded-database does: a copy of its files, without
 * running a single changeset again.
 */
final class PostgresTemplate extends Template {
  private final Server server;
  private final String name;
  private final AtomicBoolean closed = new AtomicBoolean();

  PostgresTemplate(DatabaseUrl base, Migrations migrations) {
    this.server = new Server(base);
    this.name = uniqueName("reflex_template");
    try {
      server.execute("CREATE DATABASE " + name, "create the template database " + name);
      // the template must have no connection while it is cloned: the migration's pool is closed after it
      migrate(base, server.jdbcUrl(name), migrations);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public Copy copy() {
    String copy = uniqueName("reflex_test");
    server.execute("CREATE DATABASE " + copy + " TEMPLATE " + name, "clone " + name + " into " + copy);
    try {
      return new Copy(copy, pool(server.base(), server.jdbcUrl(copy)), () -> drop(copy));
    } catch (RuntimeException e) {
      drop(copy);
      throw e;
    }
  }

  private void drop(String database) {
    // WITH (FORCE): a connection a test leaked must not keep its database alive
    server.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "drop " + database);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        drop(name);
      } finally {
        server.close();
      }
    }
  }
}
