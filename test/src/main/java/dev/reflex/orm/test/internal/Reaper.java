package dev.reflex.orm.test.internal;

import dev.reflex.orm.internal.DatabaseUrl;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Drops the databases of ended runs ({@link Leftovers}) in the background, one after another on a connection of its
 * own whose lock waits and statements are bounded ({@link Ownership#leftoverSetup()}), so that a lock another
 * session holds, or a session open in such a database, costs a run seconds, never its start. Each drop, and each
 * failure to drop, is one WARN line with the database, its owner and why its run is over; what is not dropped,
 * a later run tries again.
 *
 * <p>Thread-safe.
 */
final class Reaper implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.reflex.orm.test");

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(PostgresTemplate.daemon("reflex-test-reaper"));

  /**
   * @param base the server, and the database to connect to
   * @param ownership how the server stores marks
   * @param leftovers the databases to drop
   */
  Reaper(DatabaseUrl base, Ownership ownership, List<Leftovers.Leftover> leftovers) {
    if (!leftovers.isEmpty()) {
      thread.execute(() -> dropAll(base, ownership, leftovers));
    }
    thread.shutdown();
  }

  private static void dropAll(DatabaseUrl base, Ownership ownership, List<Leftovers.Leftover> leftovers) {
    Server server;
    try {
      server = new Server(base, ownership.leftoverSetup());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "reflex-orm-test could not drop " + leftovers.size() + " database(s) of ended test"
          + " runs: " + e.getMessage());
      return;
    }
    try (server) {
      for (Leftovers.Leftover leftover : leftovers) {
        try {
          server.execute(ownership.drop(leftover.database()), "drop " + leftover.database());
          LOG.log(Level.WARNING, "reflex-orm-test dropped the database " + leftover.database() + " (owner "
              + leftover.owner() + "), " + leftover.why());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "reflex-orm-test did not drop the database " + leftover.database() + " (owner "
              + leftover.owner() + "), " + leftover.why() + ": " + e.getMessage() + "; a later run tries again");
        }
      }
    }
  }

  /** Waits for the drops to end: bounded by the statements' own time limits. */
  @Override
  public void close() {
    try {
      thread.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
