package dev.reflex.orm.test.internal;

import dev.reflex.orm.migrations.Migrations;
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
 * files (some 7 MB of catalogs), and a {@code DROP DATABASE} forces a checkpoint. So {@value #AHEAD} clones are
 * made ahead, in parallel, with their pools started, while tests run; the used ones are dropped in batches
 * ({@link Drops}), and no clone is made while too many wait to be dropped, so a run goes at the pace the server
 * both makes and drops them. The databases earlier runs left ({@link Leftovers}) are dropped in the background.
 *
 * <p>Every database it makes carries the run's {@link Mark} as its comment: the template's from its creation, renewed
 * by the {@link Heartbeat}; a clone's written right after the {@code CREATE DATABASE}. A clone the server made after
 * the run was killed has none; it is still provably the run's when the template's mark reserved its number
 * ({@link Heartbeat#reserve}) before the clone was begun.
 */
final class PostgresTemplate extends Template {
  static final int AHEAD = 2;

  private final PostgresOwnership ownership = new PostgresOwnership();
  private final Server server;
  private volatile Heartbeat heartbeat;
  private Reaper reaper;
  private final Admins admins;
  private final Drops drops;
  private final String name;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService creators = Executors.newFixedThreadPool(AHEAD, daemon("reflex-test-clone"));
  private final Deque<Future<Copy>> ahead = new ArrayDeque<>();

  PostgresTemplate(DatabaseUrl base, Migrations migrations) {
    this.server = new Server(base, ownership.adminSetup());
    this.admins = new Admins(base, ownership.adminSetup(), AHEAD, this::lost);
    this.drops = new Drops(admins);
    this.name = uniqueName("reflex_template");
    try {
      heartbeat = new Heartbeat(base, ownership);
      reaper = new Reaper(base, ownership, Leftovers.find(server, ownership, heartbeat.user()));
      server.execute("CREATE DATABASE " + name, "create the template database " + name);
      heartbeat.start(name);
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

  /** An administrative connection was lost: the heartbeat's may be too. */
  private void lost() {
    Heartbeat beating = heartbeat;
    if (beating != null) {
      beating.now();
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
  private Copy createClone() throws InterruptedException {
    drops.awaitRoom();
    String copy = uniqueName("reflex_test");
    heartbeat.reserve(Long.parseLong(copy.substring(copy.lastIndexOf('_') + 1)));
    admins.execute("CREATE DATABASE " + copy + " TEMPLATE " + name, "clone " + name + " into " + copy);
    try {
      admins.execute(ownership.remark(heartbeat.mark(copy)), "mark " + copy + " as this run's");
      return new Copy(copy, pool(server.base(), server.jdbcUrl(copy)), () -> drops.later(copy));
    } catch (RuntimeException e) {
      drops.later(copy);
      throw e;
    }
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
    synchronized (this) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      unused = new ArrayList<>(ahead);
      ahead.clear();
    }
    try {
      if (heartbeat != null) {
        heartbeat.close();
      }
      drops.release();
      creators.shutdown();
      // a clone being made holds the template: it is finished before the template is dropped
      creators.awaitTermination(2, TimeUnit.MINUTES);
      for (Future<Copy> clone : unused) {
        try {
          await(clone).close(); // its database goes with the last batch
        } catch (RuntimeException e) {
          // no clone was made
        }
      }
      drops.close();
      admins.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "drop " + name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      creators.shutdownNow();
      if (reaper != null) {
        reaper.close();
      }
      admins.close();
      server.close();
    }
  }

  static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
