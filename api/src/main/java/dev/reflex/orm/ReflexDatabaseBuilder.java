package dev.reflex.orm;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.ProviderDiscovery;
import dev.reflex.orm.internal.ResolvedSettings;
import dev.reflex.orm.internal.Settings;
import dev.reflex.orm.internal.UrlParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures a {@link ReflexDatabase}. What is set here wins over the system properties and environment
 * variables ({@code reflex.db.url} / {@code REFLEX_DB_URL}, ...), which win over the defaults.
 *
 * <p>Not thread-safe; {@link #build()} checks every setting once, and the database is immutable after.
 */
public final class ReflexDatabaseBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(ReflexDatabaseBuilder.class);

  private final Settings settings;
  private String url;
  private DataSource dataSource;
  private String provider;
  private Integer poolSize;
  private Duration poolTimeout;
  private Boolean echo;
  private boolean checkChangelog;
  private final List<Class<?>> types = new ArrayList<>();
  private final List<ReflexConfigurer> configurers = new ArrayList<>();

  ReflexDatabaseBuilder() {
    this(Settings.fromProcess());
  }

  ReflexDatabaseBuilder(Settings settings) {
    this.settings = settings;
  }

  /**
   * Sets the database URL: a {@code jdbc:} URL, or a form such as {@code postgresql://user:pass@host/db},
   * {@code mariadb://...}, {@code sqlite:///app.db} or {@code h2:///data/app}.
   *
   * @param url the URL
   * @return this builder
   */
  public ReflexDatabaseBuilder url(String url) {
    this.url = Objects.requireNonNull(url, "url");
    return this;
  }

  /**
   * Uses the application's own data source (its pool, router or replica set) instead of building a pool.
   * reflex-orm never closes it.
   *
   * @param dataSource the data source
   * @return this builder
   */
  public ReflexDatabaseBuilder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    return this;
  }

  /**
   * Chooses the provider by name ({@code hibernate}, {@code mybatis}, {@code jdbi}) when several are present.
   *
   * @param name the provider's name
   * @return this builder
   */
  public ReflexDatabaseBuilder provider(String name) {
    this.provider = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * Registers the application's classes: entities for Hibernate, mapper interfaces for MyBatis, SqlObject
   * types for JDBI. Each provider takes what it understands.
   *
   * @param classes the classes
   * @return this builder
   */
  public ReflexDatabaseBuilder register(Class<?>... classes) {
    types.addAll(Arrays.asList(classes));
    return this;
  }

  /**
   * Adds configurers that receive the ORM's own bootstrap object before it is built, or HikariCP's
   * configuration before the pool starts ({@link PoolConfigurer}).
   *
   * @param configurers {@code HibernateConfigurer}, {@code MyBatisConfigurer}, {@code JdbiConfigurer} or
   *     {@link PoolConfigurer}s
   * @return this builder
   */
  public ReflexDatabaseBuilder configure(ReflexConfigurer... configurers) {
    this.configurers.addAll(Arrays.asList(configurers));
    return this;
  }

  /**
   * Sets the most connections the pool holds (default 10, or {@code REFLEX_DB_POOL_SIZE}).
   *
   * @param size from 1 to 1000
   * @return this builder
   */
  public ReflexDatabaseBuilder poolSize(int size) {
    this.poolSize = Settings.checkPoolSize(size, "poolSize");
    return this;
  }

  /**
   * Sets how long a session's first {@link ReflexSession#unwrap(Class)}, where it takes its connection, waits for a
   * free one (default 30 s, or {@code REFLEX_DB_POOL_TIMEOUT}).
   *
   * @param timeout from 250 ms to one hour
   * @return this builder
   */
  public ReflexDatabaseBuilder poolTimeout(Duration timeout) {
    this.poolTimeout = Settings.checkPoolTimeout(timeout, "poolTimeout", String.valueOf(timeout));
    return this;
  }

  /**
   * Logs every SQL statement through the ORM's own logging (default off, or {@code REFLEX_DB_ECHO}).
   *
   * @param echo {@code true} to log statements
   * @return this builder
   */
  public ReflexDatabaseBuilder echo(boolean echo) {
    this.echo = echo;
    return this;
  }

  /**
   * Checks at build, before the ORM starts, that every changeset of the changelog {@code reflex-db update} uses
   * ({@code liquibase.properties}, else {@code db/changelog/db.changelog-master.yaml}, in the working directory or
   * on the class path) has run on the database; {@link #build()} then fails with
   * {@link PendingChangesetsException}, saying how many have not and to run {@code reflex-db update}. Off by
   * default: nothing migrates or reads the changelog unless asked. Reading the changelog needs reflex-orm-migrations
   * on the class path or module path.
   *
   * <p>Without the check, a statement that finds a table or column missing carries the same count (see
   * {@link PendingChangesetsException}).
   *
   * @apiNote Costs a read of the changelog and of the database's {@code DATABASECHANGELOG} at each build.
   * @param check {@code true} to check
   * @return this builder
   */
  public ReflexDatabaseBuilder checkChangelog(boolean check) {
    this.checkChangelog = check;
    return this;
  }

  /**
   * Checks the settings, finds the provider, starts the pool and bootstraps the ORM.
   *
   * @apiNote Expensive: call once per database and share the result.
   * @return the running database
   * @throws InvalidUrlException when the URL cannot be understood
   * @throws InvalidConfigurationException when a setting has a value that is not allowed
   * @throws NoProviderException when no provider is present
   * @throws UnknownProviderException when the chosen provider is not present
   * @throws UnableToConnectException when the database cannot be reached
   * @throws ProviderFailedException when the ORM fails to bootstrap
   * @throws PendingChangesetsException when {@link #checkChangelog(boolean)} asks and changesets have not run
   */
  public ReflexDatabase build() {
    return ReflexDatabase.start(resolve());
  }

  /** Parses the URL; one set outside the code says which setting to fix. */
  private static DatabaseUrl parse(Settings.Value value) {
    try {
      return UrlParser.parse(value.value());
    } catch (InvalidUrlException e) {
      if (value.origin().startsWith("builder")) {
        throw e;
      }
      throw new InvalidUrlException(e.getMessage() + " (set by " + value.origin() + ")", e);
    }
  }

  ResolvedSettings resolve() {
    DatabaseUrl parsed = null;
    String origin = "builder dataSource";
    if (dataSource == null) {
      Settings.Value value = url != null ? new Settings.Value(url, "builder url") : settings.url();
      parsed = parse(value);
      origin = value.origin();
      if (origin.equals("default")) {
        LOG.info("REFLEX_DB_URL is not set: using the SQLite file reflex.db in {}", System.getProperty("user.dir"));
      }
    }
    Settings.Value choice = provider != null ? new Settings.Value(provider, "builder provider") : settings.provider();
    return new ResolvedSettings(parsed, origin, dataSource, poolSize != null ? poolSize : settings.poolSize(),
        poolTimeout != null ? poolTimeout : settings.poolTimeout(), echo != null ? echo : settings.echo(),
        ProviderDiscovery.select(choice), types, configurers, checkChangelog);
  }
}
