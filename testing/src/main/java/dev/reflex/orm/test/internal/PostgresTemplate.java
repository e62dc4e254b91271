package dev.reflex.orm.test.internal;

import dev.reflex.db.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On PostgreSQL: a database migrated once, then cloned by the server itself with
 * {@code CREATE DATABASE ... TEMPLATE}, as zonky's embedded-database does: a copy of its files, without
 * running a single changeset again.
 *
 * <p>What the server's disk costs, and how it is kept out of a test's way: a clone writes the template's
 * files (some 7 MB of catalogs) to the WAL, and a {@code DROP DATABASE} forces a checkpoint. So {@value #AHEAD}
 * clones are made ahead, in parallel, with their pools started, while tests run; the used ones are dropped
 * {@value #DROP_BATCH} at a time, in parallel, so that one checkpoint serves several drops (dropping them one
 * after another cost a checkpoint each, and made the clones made beside them wait).
 */
final class PostgresTemplate extends Template {
  static final int AHEAD = 2;
  static final int DROP_BATCH = 8;

  private final Server server;
  private final Admins admins;
  private final String name;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService creators = Executors.newFixedThreadPool(AHEAD, daemon("reflex-test-clone"));
  private final ExecutorService droppers = Executors.newFixedThreadPool(DROP_BATCH, daemon("reflex-test-drop"));
  private final Deque<Future<Copy>> ahead = new ArrayDeque<>();
  private final List<String> used = new ArrayList<>();

  PostgresTemplate(DatabaseUrl base, Migrations migrations) {
    this.server = new Server(base);
    this.admins = new Admins(base, AHEAD);
    this.name = uniqueName("reflex_template");
    try {
      server.execute("CREATE DATABASE " + name, "create the template database " + name);
      // the template must have no connection while it is cloned: the migration's pool is closed after it
      migrate(base, server.jdbcUrl(name), migrations);
      synchronized (this) {
        for (int i = 0; i < AHEAD; i++) {
          ahead.add(creators.submit(this::createClone));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public Copy copy() {
    Future<Copy> ready;
    synchronized (this) {
      if (closed.get()) {
        throw new IllegalStateException("The template " + name + " is closed: the test run has ended");
      }
      ready = ahead.remove();
      ahead.add(creators.submit(this::createClone));
    }
    return await(ready);
  }

  /** @return a new clone of the template, with its pool started */
  private Copy createClone() {
    String copy = uniqueName("reflex_test");
    admins.execute("CREATE DATABASE " + copy + " TEMPLATE " + name, "clone " + name + " into " + copy);
    try {
      return new Copy(copy, pool(server.base(), server.jdbcUrl(copy)), () -> dropLater(copy));
    } catch (RuntimeException e) {
      dropLater(copy);
      throw e;
    }
  }

  /** Drops a used clone with the next batch, or now when the template is closed. */
  private void dropLater(String copy) {
    List<String> batch = List.of();
    synchronized (this) {
      if (!closed.get()) {
        used.add(copy);
        if (used.size() >= DROP_BATCH) {
          batch = new ArrayList<>(used);
          used.clear();
        }
        batch.forEach(database -> droppers.submit(() -> drop(database)));
        return;
      }
    }
    drop(copy);
  }

  private void drop(String database) {
    // WITH (FORCE): a connection a test leaked must not keep its database alive
    admins.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "drop " + database);
  }

  private static Copy await(Future<Copy> clone) {
    try {
      return clone.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a clone of the template database", e);
    }
  }

  @Override
  public void close() {
    List<Future<Copy>> unused;
    List<String> rest;
    synchronized (this) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      unused = new ArrayList<>(ahead);
      ahead.clear();
      rest = new ArrayList<>(used);
      used.clear();
    }
    try {
      creators.shutdown();
      // a clone being made holds the template: it is finished before the template is dropped
      creators.awaitTermination(2, TimeUnit.MINUTES);
      // closed, a copy drops its database at once: these drops run in parallel on the droppers
      for (Future<Copy> clone : unused) {
        droppers.submit(() -> await(clone).close());
      }
      rest.forEach(database -> droppers.submit(() -> drop(database)));
      droppers.shutdown();
      droppers.awaitTermination(2, TimeUnit.MINUTES);
      drop(name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      creators.shutdownNow();
      droppers.shutdownNow();
      admins.close();
      server.close();
    }
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
