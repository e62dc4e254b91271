package dev.reflex.orm.test.internal;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import java.util.List;

/**
 * On servers that cannot clone a database (MariaDB, MySQL): each copy is a new database the changelog is
 * applied to. Correct, and as slow as the changelog. A lost administrative connection is replaced.
 *
 * <p>On MariaDB 10.5 and later every database it makes carries the run's {@link Mark} as its comment, from its
 * {@code CREATE DATABASE} on; the run's anchor, an empty database {@code reflex_template_RUN_n}, carries its
 * {@link Heartbeat}. The databases earlier runs left ({@link Leftovers}) are dropped in the background. Elsewhere
 * (MySQL) nothing is marked and no earlier run's database is dropped.
 */
final class MigratingTemplate extends Template {
  private static final List<String> SETUP = List.of("SET SESSION lock_wait_timeout = 60");

  private final DatabaseUrl base;
  private final Migrations migrations;
  /** Creates and drops, on a connection replaced when it is lost. */
  private final Admins admins;
  /** How the server stores marks, or {@code null} when it cannot. */
  private final MariadbOwnership ownership;
  private final Heartbeat heartbeat;
  private final Reaper reaper;
  private final String anchor;

  MigratingTemplate(DatabaseUrl base, Migrations migrations) {
    this.base = base;
    this.migrations = migrations;
    try (Server first = new Server(base, SETUP)) {
      this.ownership = MariadbOwnership.of(first);
      if (ownership == null) {
        this.heartbeat = null;
        this.reaper = null;
        this.anchor = null;
        this.admins = new Admins(base, SETUP, 1, () -> { });
        return;
      }
      this.heartbeat = new Heartbeat(base, ownership);
      this.admins = new Admins(base, ownership.adminSetup(), 1, heartbeat::now);
      this.reaper = new Reaper(base, ownership, Leftovers.find(first, ownership, heartbeat.user()));
    }
    this.anchor = uniqueName("reflex_template");
    try {
      admins.execute(ownership.create(heartbeat.mark(anchor)), "create " + anchor + ", the run's heartbeat");
      heartbeat.start(anchor);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public Copy copy() {
    String copy = uniqueName("reflex_test");
    admins.execute(ownership == null ? "CREATE DATABASE " + copy : ownership.create(heartbeat.mark(copy)),
        "create " + copy);
    try {
      migrate(base, Server.jdbcUrl(base, copy), migrations);
      return new Copy(copy, pool(base, Server.jdbcUrl(base, copy)), () -> drop(copy));
    } catch (RuntimeException e) {
      drop(copy);
      throw e;
    }
  }

  private void drop(String database) {
    admins.execute("DROP DATABASE IF EXISTS " + database, "drop " + database);
  }

  @Override
  public synchronized void close() {
    try {
      if (heartbeat != null) {
        heartbeat.close();
        drop(anchor);
        reaper.close();
      }
    } finally {
      admins.close();
    }
  }
}
