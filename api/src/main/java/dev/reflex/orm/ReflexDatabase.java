package dev.reflex.orm;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.internal.Context;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Drivers;
import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.internal.Pools;
import dev.reflex.orm.internal.Secrets;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ReflexProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
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

  private final DatabaseUrl url;
  private final String origin;
  private final HikariDataSource pool;
  private final DataSource dataSource;
  private final Connection keeper;
  private final ReflexProvider provider;
  private final ProviderEngine engine;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ReflexDatabase(ReflexDatabaseBuilder.Resolved resolved) {
    this.url = resolved.url;
    this.origin = resolved.origin;
    this.provider = resolved.provider;
    String poolUrl = url == null ? null : Pools.poolUrl(url);
    this.keeper = url != null && url.inMemory() ? keepAlive(url, poolUrl) : null;
    try {
      this.pool = url == null ? null : Pools.create(url, poolUrl, resolved.poolSize, resolved.poolTimeout);
    } catch (RuntimeException e) {
      closeQuietly(keeper);
      throw Failures.unableToConnect(e, url, origin, null);
    }
    this.dataSource = pool != null ? pool : resolved.dataSource;
    try {
      DatabaseKind kind = url != null ? url.kind() : ReflexDatabaseBuilder.detectKind(dataSource);
      // HikariCP rolls back a connection that ran a statement since its last commit when it is closed
      boolean rollsBack = dataSource instanceof HikariDataSource;
      Context context =
          new Context(dataSource, rollsBack, kind, resolved.types, resolved.configurers, resolved.echo);
      this.engine = provider.start(context);
    } catch (RuntimeException | Error e) {
      closeResources();
      if (e instanceof ReflexException) {
        throw (ReflexException) e;
      }
      throw new ProviderFailedException("The " + provider.name() + " provider failed to start on " + describe()
          + ": " + Failures.rootMessage(e) + "; fix the cause (often a registered class) and start again", e);
    }
    LOG.debug("reflex-orm ready: provider {} on {}", provider.name(), describe());
  }

  /**
   * Starts a builder. With nothing set, {@link ReflexDatabaseBuilder#build()} uses the process's configuration, exactly as
   * {@link Reflex} does.
   *
   * @return a new builder
   */
  public static ReflexDatabaseBuilder builder() {
    return new ReflexDatabaseBuilder();
  }

  static ReflexDatabase start(ReflexDatabaseBuilder.Resolved resolved) {
    return new ReflexDatabase(resolved);
  }

  /**
   * Opens a session: takes a connection from the pool and begins a transaction.
   *
   * @return the session; close it, best with try-with-resources
   * @throws UnableToConnectException when no connection is free within the pool timeout, or the database
   *     cannot be reached
   */
  public ReflexSession session() {
    checkOpen();
    try {
      return new ReflexSession(engine.openSession(), engine, provider.name());
    } catch (ReflexException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.unableToConnect(e, url, origin, pool);
    }
  }

  /**
   * Runs work in one transaction: commits and returns the work's value, or rolls back and rethrows any
   * exception, including a failed commit. The connection goes back to the pool in every case.
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
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(5)) {
        throw new SQLException("the connection did not answer a validity check within 5 s");
      }
    } catch (SQLException | RuntimeException e) {
      throw Failures.unableToConnect(e, url, origin, pool);
    }
  }

  /**
   * Returns the pooled data source every session takes its connection from: the HikariCP pool, or the
   * application's own data source.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
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
    T own = engine.unwrap(type);
    if (own == null) {
      throw new ReflexException("The " + provider.name() + " engine cannot be unwrapped to " + type.getName()
          + "; open a session for session-level objects");
    }
    return own;
  }

  /** @return the name of the provider in use, such as {@code hibernate} */
  public String provider() {
    return provider.name();
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
      try {
        engine.close();
      } finally {
        closeResources();
      }
    }
  }

  @Override
  public String toString() {
    return "ReflexDatabase[provider=" + provider.name() + ", url=" + describe() + (isClosed() ? ", closed" : "")
        + "]";
  }

  private String describe() {
    return url == null ? "the application's DataSource" : url.masked();
  }

  private void closeResources() {
    if (pool != null) {
      pool.close();
    }
    closeQuietly(keeper);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new ReflexException("This ReflexDatabase (" + describe() + ") is closed: build a new one, or keep"
          + " it open for the life of the application");
    }
  }

  /** An in-memory database lives as long as one connection to it: this one, held for our lifetime. */
  private static Connection keepAlive(DatabaseUrl url, String jdbcUrl) {
    try {
      return Drivers.forUrl(jdbcUrl, url.masked()).connect(jdbcUrl, new Properties());
    } catch (SQLException e) {
      throw new UnableToConnectException("Unable to create the in-memory database " + Secrets.mask(jdbcUrl) + ": "
          + Secrets.scrub(Failures.rootMessage(e), url.secrets()) + "; check that its JDBC driver is on the class path",
          Failures.redacted(e, url.secrets()));
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the in-memory keeper connection failed", e);
      }
    }
  }
}
