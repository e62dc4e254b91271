package dev.reflex.orm.test.internal;

import dev.reflex.db.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On PostgreSQL: a database migrated once, then cloned by the server itself with
 * {@code CREATE DATABASE ... TEMPLATE}, as zonky's embedded-database does: a copy of its files, without
 * running a single changeset again. The next clone is made in the background while a test runs, and a
 * test's clone is dropped in the background after it, so neither waits on the server's disk.
 */
final class PostgresTemplate extends Template {
  private final Server server;
  /** Drops run on a connection of their own, so a clone never waits for one. */
  private final Server drops;
  private final String name;
  private final AtomicBoolean closed = new AtomicBoolean();
  // two threads, so that a clone never waits behind a drop, which can take the server a second under load
  private final ExecutorService creator = Executors.newSingleThreadExecutor(PostgresTemplate::daemon);
  private final ExecutorService dropper = Executors.newSingleThreadExecutor(PostgresTemplate::daemon);
  private Future<String> next;

  PostgresTemplate(DatabaseUrl base, Migrations migrations) {
    this.server = new Server(base);
    this.drops = new Server(base);
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
    Future<String> ready;
    synchronized (this) {
      ready = next != null ? next : creator.submit(this::createClone);
      next = creator.submit(this::createClone);
    }
    String copy = await(ready);
    try {
      return new Copy(copy, pool(server.base(), server.jdbcUrl(copy)), () -> dropper.submit(() -> drop(copy)));
    } catch (RuntimeException e) {
      drop(copy);
      throw e;
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "reflex-test-postgresql");
    thread.setDaemon(true);
    return thread;
  }

  private String createClone() {
    String copy = uniqueName("reflex_test");
    server.execute("CREATE DATABASE " + copy + " TEMPLATE " + name, "clone " + name + " into " + copy);
    return copy;
  }

  private void drop(String database) {
    // WITH (FORCE): a connection a test leaked must not keep its database alive
    drops.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "drop " + database);
  }

  private static String await(Future<String> clone) {
    try {
      return clone.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a clone of " + e, e);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Future<String> unused;
      synchronized (this) {
        unused = next;
        next = null;
      }
      creator.shutdown();
      creator.awaitTermination(2, TimeUnit.MINUTES);
      if (unused != null) {
        dropper.submit(() -> drop(await(unused)));
      }
      dropper.shutdown();
      // the drops of the last tests run before the template's own
      dropper.awaitTermination(2, TimeUnit.MINUTES);
      drop(name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      creator.shutdownNow();
      dropper.shutdownNow();
      server.close();
      drops.close();
    }
  }
}
