package dev.reflex.orm.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.internal.jdbc.MaskedUrls;
import java.sql.Connection;
import javax.sql.DataSource;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.spi.ExtractedDatabaseMetaData;

/**
 * What Hibernate's start-up "Database info" block (HHH10001005) shows for reflex-orm's pool: the JDBC URL (masked),
 * the driver, the pool's name and sizes, and auto-commit off as the pool hands connections over. Without it Hibernate
 * knows nothing of a connection provider that is not its own and shows {@code undefined/unknown} on every line.
 *
 * <p>Immutable and thread-safe.
 */
final class PoolInfo implements DatabaseConnectionInfo {
  private static final String UNKNOWN = "undefined/unknown";

  private final String url;
  private final String driver;
  private final DatabaseVersion version;
  private final String catalog;
  private final String schema;
  private final String isolation;
  private final Integer fetchSize;
  private final String poolName;
  private final Integer minSize;
  private final Integer maxSize;

  PoolInfo(DataSource pool, Dialect dialect, ExtractedDatabaseMetaData metaData) {
    this.url = metaData == null ? null : MaskedUrls.mask(metaData.getUrl());
    this.driver = metaData == null ? null : metaData.getDriver();
    this.version = dialect == null ? null : dialect.getVersion();
    this.catalog = metaData == null ? null : metaData.getConnectionCatalogName();
    this.schema = metaData == null ? null : metaData.getConnectionSchemaName();
    this.isolation = metaData == null ? null : isolationName(metaData.getTransactionIsolation());
    this.fetchSize = metaData == null || metaData.getDefaultFetchSize() <= 0 ? null : metaData.getDefaultFetchSize();
    HikariDataSource hikari = pool instanceof HikariDataSource ? (HikariDataSource) pool : null;
    this.poolName = hikari == null ? pool.getClass().getName() : "HikariCP " + hikari.getPoolName();
    this.minSize = hikari == null ? null : hikari.getMinimumIdle();
    this.maxSize = hikari == null ? null : hikari.getMaximumPoolSize();
  }

  private static String isolationName(int level) {
    switch (level) {
      case Connection.TRANSACTION_NONE: return "NONE";
      case Connection.TRANSACTION_READ_UNCOMMITTED: return "READ_UNCOMMITTED";
      case Connection.TRANSACTION_READ_COMMITTED: return "READ_COMMITTED";
      case Connection.TRANSACTION_REPEATABLE_READ: return "REPEATABLE_READ";
      case Connection.TRANSACTION_SERIALIZABLE: return "SERIALIZABLE";
      default: return null;
    }
  }

  @Override
  public String getJdbcUrl() {
    return url;
  }

  @Override
  public String getJdbcDriver() {
    return driver;
  }

  @Override
  public DatabaseVersion getDialectVersion() {
    return version;
  }

  @Override
  public String getSchema() {
    return schema;
  }

  @Override
  public String getCatalog() {
    return catalog;
  }

  @Override
  public String getAutoCommitMode() {
    // the pool hands connections over with auto-commit off (PooledConnections)
    return "false";
  }

  @Override
  public String getIsolationLevel() {
    return isolation;
  }

  @Override
  public Integer getPoolMinSize() {
    return minSize;
  }

  @Override
  public Integer getPoolMaxSize() {
    return maxSize;
  }

  @Override
  public Integer getJdbcFetchSize() {
    return fetchSize;
  }

  @Override
  public boolean hasSchema() {
    return schema != null;
  }

  @Override
  public boolean hasCatalog() {
    return catalog != null;
  }

  @Override
  public String toInfoString() {
    return "\tDatabase JDBC URL [" + or(url) + "]"
        + "\n\tDatabase driver: " + or(driver)
        + "\n\tDatabase version: " + (version == null ? UNKNOWN : version.toString())
        + "\n\tCatalog/schema: " + or(catalog) + "/" + or(schema)
        + "\n\tAutocommit mode: false (reflex-orm's pool hands connections over in a transaction)"
        + "\n\tIsolation level: " + or(isolation)
        + "\n\tPool: " + poolName
        + "\n\tMinimum pool size: " + or(minSize)
        + "\n\tMaximum pool size: " + or(maxSize);
  }

  private static String or(Object value) {
    return value == null ? UNKNOWN : value.toString();
  }
}
