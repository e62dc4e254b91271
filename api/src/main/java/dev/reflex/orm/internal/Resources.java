package dev.reflex.orm.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.InvalidConfigurationException;
import dev.reflex.orm.ProviderFailedException;
import dev.reflex.orm.ReflexException;
import dev.reflex.orm.UnableToConnectException;
import dev.reflex.orm.internal.jdbc.Release;
import dev.reflex.orm.spi.ProviderEngine;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code ReflexDatabase} holds: for an in-memory database the connection that keeps it alive, then the
 * HikariCP pool, then the provider's engine. They are acquired in that order and released in reverse, also when
 * acquiring one of them fails.
 *
 * <p>Thread-safe: immutable once acquired; {@link #release()} is called once.
 */
public final class Resources {
  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

  private final Connection keeper;
  private final HikariDataSource pool;
  private final DataSource dataSource;
  private final ProviderEngine engine;

  private Resources(Connection keeper, HikariDataSource pool, DataSource dataSource, ProviderEngine engine) {
    this.keeper = keeper;
    this.pool = pool;
    this.dataSource = dataSource;
    this.engine = engine;
  }

  /**
   * Acquires everything in order.
   *
   * @param settings the checked settings
   * @return the resources
   * @throws ReflexException naming what failed: the in-memory database, the pool, or the provider's start
   */
  public static Resources acquire(ResolvedSettings settings) {
    DatabaseUrl url = settings.url();
    String poolUrl = url == null ? null : Pools.poolUrl(url);
    Connection keeper = url != null && url.inMemory() ? keepAlive(url, poolUrl) : null;
    HikariDataSource pool;
    try {
      pool = url == null ? null
          : Pools.create(url, poolUrl, settings.poolSize(), settings.poolTimeout(), settings.configurers());
    } catch (InvalidConfigurationException e) {
      // a PoolConfigurer's failure, or a value it set that HikariCP refuses: not a failure to connect
      throw Release.after(e, () -> close(keeper));
    } catch (RuntimeException e) {
      throw Release.after(Failures.unableToConnect(e, url, settings.origin(), null), () -> close(keeper));
    }
    DataSource dataSource = pool != null ? pool : settings.dataSource();
    DatabaseKind kind;
    Pending pending;
    try {
      kind = url != null ? url.kind() : detectKind(dataSource);
      String noDatabase = url == null ? null : url.noDatabaseNote();
      if (noDatabase != null) {
        LOG.info(noDatabase); // once per database built: an application builds one and keeps it
      }
      pending = url != null ? Pending.of(url, poolUrl) : Pending.of(dataSource, kind);
      if (settings.checkChangelog()) {
        pending.check();
      }
    } catch (RuntimeException e) {
      throw Release.after(e, () -> closePool(pool), () -> close(keeper));
    }
    try {
      // HikariCP rolls back a connection that ran a statement since its last commit when it is closed
      boolean rollsBack = dataSource instanceof HikariDataSource;
      Context context = new Context(dataSource, rollsBack, kind, settings.types(), settings.configurers(),
          settings.echo());
      return new Resources(keeper, pool, dataSource, settings.provider().start(context));
    } catch (RuntimeException | Error e) {
      ReflexException failure = e instanceof ReflexException ? (ReflexException) e
          : new ProviderFailedException("The " + settings.provider().name() + " provider failed to start on "
              + settings.describe() + ": " + Failures.rootMessage(e) + "; " + fix(e, kind, pending), e);
      throw Release.after(failure, () -> closePool(pool), () -> close(keeper));
    }
  }

  /**
   * What to do about a provider that failed to start: run the changesets the database lacks when its mapping found a
   * table or column missing and some have not run, else fix the cause.
   */
  private static String fix(Throwable failure, DatabaseKind kind, Pending pending) {
    if (MissingObjects.validationFound(failure) || MissingObjects.find(failure, kind) != null) {
      String attached = PendingNotes.of(failure);
      String note = attached != null ? attached : pending.note();
      if (note != null) {
        return note;
      }
    }
    return "fix the cause (often a registered class) and start again";
  }

  /** @return the data source sessions take their connections from: the pool, or the application's own */
  public DataSource dataSource() {
    return dataSource;
  }

  /** @return reflex-orm's pool, or {@code null} with an application's own data source */
  public HikariDataSource pool() {
    return pool;
  }

  /** @return the provider's engine */
  public ProviderEngine engine() {
    return engine;
  }

  /** Closes the engine, then the pool (never an application's own data source), then the in-memory keeper. */
  public void release() {
    Release.all(engine::close, () -> closePool(pool), () -> close(keeper));
  }

  /** Reads the kind of an application's data source from its connection's metadata. */
  private static DatabaseKind detectKind(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return DatabaseKind.ofJdbcUrl(String.valueOf(connection.getMetaData().getURL()));
    } catch (SQLException e) {
      throw new UnableToConnectException("Unable to connect through the application's DataSource: "
          + e.getMessage() + "; check that it is configured and its database is running", e);
    }
  }

  /** An in-memory database lives as long as one connection to it: this one, held for the database's lifetime. */
  private static Connection keepAlive(DatabaseUrl url, String jdbcUrl) {
    try {
      // the pool's connections must match the credentials it sets
      return Drivers.forUrl(jdbcUrl, url.masked()).connect(jdbcUrl, url.credentials());
    } catch (SQLException e) {
      throw new UnableToConnectException("Unable to create the in-memory database " + Secrets.mask(jdbcUrl) + ": "
          + Secrets.scrub(Failures.rootMessage(e), url.secrets()) + "; check that its JDBC driver is on the class path",
          Failures.redacted(e, url.secrets()));
    }
  }

  private static void closePool(HikariDataSource pool) {
    if (pool != null) {
      pool.close();
    }
  }

  private static void close(Connection keeper) {
    if (keeper != null) {
      try {
        keeper.close();
      } catch (SQLException e) {
        LOG.debug("Closing the in-memory keeper connection failed", e);
      }
    }
  }
}
