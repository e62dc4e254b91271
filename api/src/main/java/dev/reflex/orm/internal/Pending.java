package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.InvalidConfigurationException;
import dev.reflex.orm.PendingChangesetsException;
import dev.reflex.orm.UnableToConnectException;
import dev.reflex.orm.spi.ChangelogStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the API can say about the changesets a database has not run: through {@link ChangelogStatus} when
 * reflex-orm-migrations provides it (the count, read with Liquibase), else what plain JDBC tells of the database's
 * {@code DATABASECHANGELOG}. It reads on a connection of its own, outside the pool: the pool may be full, and the
 * session whose statement failed may be in a failed transaction.
 *
 * <p>Thread-safe.
 */
public final class Pending {
  private static final Logger LOG = LoggerFactory.getLogger(Pending.class);
  private static final String UPDATE = "run `reflex-db update`";

  /** Opens a connection to the database, outside any pool; the caller closes it. */
  @FunctionalInterface
  public interface Opener {
    /**
     * @return a new connection, in auto-commit mode
     * @throws SQLException when the database cannot be reached
     */
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final DatabaseKind kind;
  private final String where;

  private Pending(Opener opener, DatabaseKind kind, String where) {
    this.opener = opener;
    this.kind = kind;
    this.where = where;
  }

  /**
   * For reflex-orm's own pool: connections made by the driver with the pool's URL and the URL's credentials.
   *
   * @param url the database
   * @param jdbcUrl the pool's JDBC URL (an in-memory database's shared one)
   * @return the reader
   */
  public static Pending of(DatabaseUrl url, String jdbcUrl) {
    Properties properties = url.credentials();
    // bounded, as the pool's own connections are: a note must not hang the failure it explains
    if (url.kind() == DatabaseKind.POSTGRESQL) {
      properties.setProperty("loginTimeout", "10");
      properties.setProperty("socketTimeout", "60");
    } else if (url.kind() == DatabaseKind.MARIADB || url.kind() == DatabaseKind.MYSQL) {
      properties.setProperty("connectTimeout", "10000");
      properties.setProperty("socketTimeout", "60000");
    }
    return new Pending(() -> Drivers.forUrl(jdbcUrl, url.masked()).connect(jdbcUrl, properties), url.kind(),
        url.masked());
  }

  /**
   * For an application's own data source, whose connections are all this can use.
   *
   * @param dataSource the data source
   * @param kind the database's kind
   * @return the reader
   */
  public static Pending of(DataSource dataSource, DatabaseKind kind) {
    return new Pending(dataSource::getConnection, kind, "the application's DataSource");
  }

  /**
   * Says what the database lacks of the changelog, for the failure of a statement that found a table or column
   * missing: {@code 2 changesets of db/changelog/db.changelog-master.yaml have not run on this database
   * (sqlite:///reflex.db): run `reflex-db update`}.
   *
   * @return the clause, or {@code null} when nothing can be said (the database cannot be asked either)
   */
  public String note() {
    ChangelogStatus service = service();
    if (service != null) {
      try (Connection connection = opener.open()) {
        ChangelogStatus.Status status = service.status(connection);
        if (status != null) {
          return describe(status);
        }
      } catch (Exception e) {
        LOG.debug("Reading the changelog's status for the note of a missing table failed", e);
      }
    }
    try (Connection connection = opener.open()) {
      return fromTheTable(connection);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Reading DATABASECHANGELOG for the note of a missing table failed", e);
      return null;
    }
  }

  /**
   * The check at build: every changeset of the changelog has run on the database.
   *
   * @throws PendingChangesetsException when some have not
   * @throws InvalidConfigurationException when reflex-orm-migrations is absent or no changelog is found
   * @throws UnableToConnectException when the database or the changelog cannot be read
   */
  public void check() {
    ChangelogStatus service = service();
    if (service == null) {
      throw new InvalidConfigurationException("checkChangelog(true) needs reflex-orm-migrations, which reads the"
          + " changelog: add dev.reflex:reflex-orm-migrations to the application's dependencies, or leave the check"
          + " out");
    }
    ChangelogStatus.Status status;
    try (Connection connection = opener.open()) {
      status = service.status(connection);
    } catch (Exception e) {
      throw new UnableToConnectException("Unable to check the changelog against " + where + ": "
          + Failures.rootMessage(e) + "; check that the database is running and the changelog reads with"
          + " `reflex-db status`", e);
    }
    if (status == null) {
      throw new InvalidConfigurationException("checkChangelog(true) found no changelog where `reflex-db update`"
          + " looks (liquibase.properties, else db/changelog/db.changelog-master.yaml, in the working directory "
          + System.getProperty("user.dir") + " or on the class path): create one with `reflex-db init`, or leave"
          + " the check out");
    }
    if (status.unrun() > 0) {
      throw new PendingChangesetsException(describe(status) + ", then start again", null);
    }
    LOG.debug("Every changeset of {} has run on {}", status.changelog(), where);
  }

  private String describe(ChangelogStatus.Status status) {
    int unrun = status.unrun();
    if (unrun == 0) {
      return "every changeset of " + status.changelog() + " has run on this database (" + where + "), and none"
          + " makes what is missing: add a changeset (`reflex-db revision`) or fix the mapping";
    }
    return unrun + (unrun == 1 ? " changeset of " : " changesets of ") + status.changelog()
        + (unrun == 1 ? " has" : " have") + " not run on this database (" + where + "): " + UPDATE;
  }

  /** What plain JDBC tells: whether the database has a DATABASECHANGELOG, how many rows, and the last run. */
  private String fromTheTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*), max(DATEEXECUTED) from DATABASECHANGELOG")) {
      rows.next();
      int ran = rows.getInt(1);
      if (ran == 0) {
        return "no changeset has run on this database (" + where + "; its DATABASECHANGELOG is empty): " + UPDATE;
      }
      return ran + (ran == 1 ? " changeset has" : " changesets have") + " run on this database (" + where
          + "), the last at " + rows.getString(2) + ": if the changelog holds more, " + UPDATE
          + " (with reflex-orm-migrations on the path, this says how many)";
    } catch (SQLException e) {
      if (MissingObjects.isMissing(e, kind)) {
        return "no changeset has run on this database (" + where + " has no DATABASECHANGELOG table): " + UPDATE;
      }
      throw e;
    }
  }

  private static ChangelogStatus service() {
    Iterator<ChangelogStatus> services = ServiceLoader.load(ChangelogStatus.class).iterator();
    try {
      return services.hasNext() ? services.next() : null;
    } catch (ServiceConfigurationError e) {
      LOG.warn("The changelog status service cannot be loaded ({}): a missing table's failure will not count the"
          + " changesets that have not run", e.getMessage());
      return null;
    }
  }
}
