package dev.reflex.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The process-wide default database, configured by the environment: {@code REFLEX_DB_URL} (or the system
 * property {@code reflex.db.url}), else the SQLite file {@code reflex.db} in the working directory.
 *
 * <pre>{@code
 * try (ReflexSession session = Reflex.session()) {
 *   ...
 *   session.commit();
 * }
 * }</pre>
 *
 * <p>The default database is built on first use, once, and closed when the JVM exits. Thread-safe.
 */
public final class Reflex {
  private Reflex() {}

  /**
   * Returns the default database, building it on first use.
   *
   * @apiNote The first call is expensive (a pool and an ORM bootstrap); later calls are cheap.
   * @return the default database
   * @throws ReflexException when the configuration is invalid or the database cannot be reached; a later
   *     call tries again
   */
  public static ReflexDatabase database() {
    return Holder.get();
  }

  /**
   * Registers the application's classes (entities, mappers, SqlObject types) for the default database, as
   * {@link ReflexDatabaseBuilder#register(Class...)} does for a database built by hand.
   *
   * @param types the classes
   * @throws ReflexException when the default database is already built: register first, then open sessions
   */
  public static void register(Class<?>... types) {
    Holder.register(types);
  }

  /**
   * Opens a session on the default database; see {@link ReflexDatabase#session()}. Its first
   * {@link ReflexSession#unwrap(Class)} takes the connection.
   *
   * @return the session; close it
   */
  public static ReflexSession session() {
    return database().session();
  }

  /**
   * Runs work in one transaction on the default database; see {@link ReflexDatabase#transaction}.
   *
   * @param work the work
   * @param <T> what it returns
   * @param <X> the checked exception it may throw
   * @return the work's value, after the commit
   * @throws X the work's own exception, after the rollback
   */
  public static <T, X extends Exception> T transaction(SessionWork<T, X> work) throws X {
    return database().transaction(work);
  }

  /**
   * Builds the default database once; a failed build is not cached, so a later call retries. One shutdown hook
   * serves the process and closes whichever database is current at exit, so a database closed and rebuilt
   * leaves neither a hook nor the closed database behind.
   */
  private static final class Holder {
    private static final List<Class<?>> TYPES = new ArrayList<>();
    private static volatile ReflexDatabase instance;
    private static boolean hooked;

    static synchronized void register(Class<?>... types) {
      if (instance != null && !instance.isClosed()) {
        throw new ReflexException("The default database is already running, so " + Arrays.toString(types)
            + " cannot be registered with it: call Reflex.register(...) before the first Reflex.session(), or"
            + " build a ReflexDatabase yourself");
      }
      TYPES.addAll(Arrays.asList(types));
    }

    static synchronized ReflexDatabase get() {
      if (instance == null || instance.isClosed()) {
        instance = null; // a closed database is not kept while the next one is built, nor if that build fails
        ReflexDatabase database = ReflexDatabase.builder().register(TYPES.toArray(Class<?>[]::new)).build();
        if (!hooked) {
          Runtime.getRuntime().addShutdownHook(new Thread(Holder::closeAtExit, "reflex-orm-shutdown"));
          hooked = true;
        }
        instance = database;
      }
      return instance;
    }

    /** Not synchronized: a build that calls System.exit must not wait for its own hook. */
    private static void closeAtExit() {
      ReflexDatabase current = instance;
      if (current != null) {
        current.close();
      }
    }
  }
}
