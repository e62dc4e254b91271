package dev.reflex.orm;

import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.internal.ResolvedSettings;
import dev.reflex.orm.internal.Resources;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: a connection pool and one bootstrapped ORM, opening {@link ReflexSession}s.
 *
 * <pre>{@code
 * try (ReflexDatabase db = ReflexDatabase.builder().url("postgresql://app@db/app").register(Book.class).build()) {
 *   long books = db.transaction(s -> s.unwrap(Session.class)
 *       .createSelectionQuery("select count(*) from Book", Long.class).getSingleResult());
 * }
 * }</pre>
 *
 * @apiNote Building one is expensive (a pool and an ORM bootstrap): build one per database and share it.
 *     Thread-safe.
 */
public final class ReflexDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReflexDatabase.class);

  private final ResolvedSettings settings;
  private final Resources resources;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Function<RuntimeException, UnableToConnectException> unableToConnect = this::unableToConnect;

  private ReflexDatabase(ResolvedSettings settings) {
    this.settings = settings;
    this.resources = Resources.acquire(settings);
    LOG.debug("reflex-orm ready: provider {} on {}", provider(), settings.describe());
  }

  /**
   * Starts a builder. With nothing set, {@link ReflexDatabaseBuilder#build()} uses the process's configuration,
   * exactly as {@link Reflex} does.
   *
   * @return a new builder
   */
  public static ReflexDatabaseBuilder builder() {
    return new ReflexDatabaseBuilder();
  }

  static ReflexDatabase start(ResolvedSettings settings) {
    return new ReflexDatabase(settings);
  }

  /**
   * Opens a session. It takes no connection yet: its first {@link ReflexSession#unwrap(Class)} takes one from the
   * pool and begins a transaction, as the ORM's own session does at its first statement, so that sessions opened
   * and not yet used never exhaust the pool. An exhausted pool fails that first {@code unwrap}, after the pool
   * timeout, with the pool's state in the message.
   *
   * @return the session; close it, best with try-with-resources
   * @throws UnableToConnectException when a provider that takes its connection at once finds none free within the
   *     pool timeout, or the database cannot be reached
   */
  public ReflexSession session() {
    checkOpen();
    try {
      return new ReflexSession(resources.engine().openSession(), resources.engine(), provider(), unableToConnect);
    } catch (ReflexException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unableToConnect(e);
    }
  }

  /**
   * Runs work in one transaction: commits and returns the work's value, or rolls back and rethrows any
   * exception, including a failed commit. The connection, taken when the work first unwraps the session, goes back
   * to the pool in every case.
   *
   * @param work the work
   * @param <T> what it returns
   * @param <X> the checked exception it may throw
   * @return the work's value, after the commit
   * @throws X the work's own exception, after the rollback
   * @throws UnableToCommitException when the commit fails, after the rollback
   */
  public <T, X extends Exception> T transaction(SessionWork<T, X> work) throws X {
    try (ReflexSession session = session()) {
      T result = work.run(session);
      session.commit();
      return result;
    }
  }

  /**
   * Makes a trivial round trip to the database, for readiness probes.
   *
   * @throws UnableToConnectException when the database does not answer within the pool timeout
   */
  public void ping() {
    checkOpen();
    try (Connection connection = resources.dataSource().getConnection()) {
      if (!connection.isValid(5)) {
        throw new SQLException("the connection did not answer a validity check within 5 s");
      }
    } catch (SQLException | RuntimeException e) {
      throw unableToConnect(e);
    }
  }

  private UnableToConnectException unableToConnect(Exception failure) {
    return Failures.unableToConnect(failure, settings.url(), settings.origin(), resources.pool());
  }

  /**
   * Returns the pooled data source every session takes its connection from: the HikariCP pool, or the
   * application's own data source.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return resources.dataSource();
  }

  /**
   * Returns an engine-level object of the ORM, such as Hibernate's {@code SessionFactory} or {@code Jdbi}.
   *
   * @param type the type wanted
   * @param <T> that type
   * @return the object
   * @throws ReflexException when the provider has nothing of that type
   */
  public <T> T unwrap(Class<T> type) {
    checkOpen();
    T own = resources.engine().unwrap(type);
    if (own == null) {
      throw new ReflexException("The " + provider() + " engine cannot be unwrapped to " + type.getName()
          + "; open a session for session-level objects");
    }
    return own;
  }

  /**
   * Returns the types {@link ReflexSession#unwrap(Class)} and {@link #unwrap(Class)} hand out, as the provider
   * declares them ({@link dev.reflex.orm.spi.ReflexProvider#sessionTypes()}), with {@code java.sql.Connection}.
   *
   * @return the types; immutable
   */
  public Set<Class<?>> sessionTypes() {
    Set<Class<?>> types = new LinkedHashSet<>(settings.provider().sessionTypes());
    types.add(Connection.class);
    return Collections.unmodifiableSet(types);
  }

  /** @return the name of the provider in use, such as {@code hibernate} */
  public String provider() {
    return settings.provider().name();
  }

  /** @return whether {@link #close()} has been called */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Closes the ORM, then the pool (not an application's own data source). Sessions still open are not
   * waited for. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      resources.release();
    }
  }

  @Override
  public String toString() {
    return "ReflexDatabase[provider=" + provider() + ", url=" + settings.describe() + (isClosed() ? ", closed" : "")
        + "]";
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new ReflexException("This ReflexDatabase (" + settings.describe() + ") is closed: build a new one, or keep"
          + " it open for the life of the application");
    }
  }
}
