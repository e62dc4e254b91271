package dev.reflex.orm.migrations.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.database.Database;
import liquibase.sqlgenerator.core.LockDatabaseChangeLogGenerator;

/**
 * Liquibase's lock row, DATABASECHANGELOGLOCK, as {@code Migrations} and the {@code reflex-db} command read it:
 * who holds it and since when, for the message; whether this JVM's own run left it set because Liquibase's release
 * failed (on SQLite, "cannot rollback - no transaction is active" after SQLITE_BUSY ends the release before its
 * update; on any server, a link lost during the release); and, for {@code Migrations}, that row freed.
 *
 * <p>A row is this JVM's when its LOCKEDBY is the one Liquibase writes here and that holds this JVM's mark: Liquibase
 * writes {@code HOST#DESCRIPTION (ADDRESS)}, the description taken from {@code liquibase.hostDescription} once, when
 * its lock generator is loaded, so this class sets that property, where nobody has, to a token of its own JVM. Runs
 * in one JVM take turns ({@code Migrations}; the command runs once a JVM), so a row with this JVM's mark, seen after
 * this JVM's run, is that run's. Where the mark is not in effect (the property was set by the user, or Liquibase
 * wrote locks in this JVM before), ownership cannot be proven: no row is freed, nor said to be this run's.
 *
 * <p>Thread-safe (stateless but for the JVM's mark).
 */
public final class ChangelogLock {
  private static final String HOST_DESCRIPTION = "liquibase.hostDescription";
  /** This JVM's mark: its process id and a random token, so that a reused process id is not taken for it. */
  private static final String MARK = "reflex-" + ProcessHandle.current().pid() + "-"
      + UUID.randomUUID().toString().substring(0, 8);

  static {
    if (System.getProperty(HOST_DESCRIPTION) == null) {
      System.setProperty(HOST_DESCRIPTION, MARK);
    }
  }

  /** Who holds the lock and since when, as the row says; {@code null} values where it says nothing. */
  public record Holder(String lockedBy, String granted) {
    @Override
    public String toString() {
      return (lockedBy == null ? "an unnamed run" : lockedBy) + " since "
          + (granted == null ? "an unknown time" : granted);
    }
  }

  private final String table;

  private ChangelogLock(String table) {
    this.table = table;
  }

  /**
   * The lock table of a database, as Liquibase names it (its schema, catalog and table name settings).
   *
   * @param database Liquibase's view of the database
   * @return the lock
   */
  public static ChangelogLock of(Database database) {
    return new ChangelogLock(database.escapeTableName(database.getLiquibaseCatalogName(),
        database.getLiquibaseSchemaName(), database.getDatabaseChangeLogLockTableName()));
  }

  /** Loads the class, and so sets this JVM's mark before Liquibase's lock generator reads it. */
  public static void markThisJvm() {
    // the static initializer does the work
  }

  /**
   * Reads who holds the lock, on a connection of its own.
   *
   * @param dataSource the database
   * @return the holder, or {@code null} when the lock is free or cannot be read
   */
  public Holder holder(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return holder(connection);
    } catch (SQLException e) {
      return null;
    }
  }

  /**
   * Reads who holds the lock, in one query.
   *
   * @param connection a connection to the database
   * @return the holder, or {@code null} when the lock is free
   * @throws SQLException when the row cannot be read
   */
  public Holder holder(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
        "SELECT LOCKED, LOCKEDBY, LOCKGRANTED FROM " + table + " WHERE ID = 1")) {
      // LOCKGRANTED as text: SQLite keeps it as text, which Liquibase fails to read back as a date
      return row.next() && row.getBoolean(1) ? new Holder(row.getString(2), row.getString(3)) : null;
    }
  }

  /**
   * Whether a holder is this JVM: its LOCKEDBY is the one Liquibase writes here, with this JVM's mark in it.
   *
   * @param holder who holds the lock, or {@code null}
   * @return {@code false} also when the mark is not in effect, since then nothing proves it
   */
  public static boolean isThisJvm(Holder holder) {
    String own = OwnLockedBy.value();
    return holder != null && own.contains(MARK) && own.equals(holder.lockedBy());
  }

  /** @return the lock table, as Liquibase names it in SQL (schema, catalog and quoting as its settings say) */
  @Override
  public String toString() {
    return table;
  }

  /**
   * Frees the lock if this JVM's run holds it.
   *
   * @param dataSource the database
   * @return whether a row of this JVM's was freed
   * @throws SQLException when the row could not be read or updated
   */
  public boolean releaseOwn(DataSource dataSource) throws SQLException {
    String own = OwnLockedBy.value();
    if (!isThisJvm(holder(dataSource))) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
          + " SET LOCKED = ?, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1 AND LOCKEDBY = ?")) {
        update.setBoolean(1, false);
        update.setString(2, own);
        return update.executeUpdate() > 0;
      }
    }
  }

  /** Reads what Liquibase writes into LOCKEDBY in this JVM: its generator keeps the parts to itself. */
  private static final class OwnLockedBy extends LockDatabaseChangeLogGenerator {
    static String value() {
      return hostname + hostDescription + " (" + hostaddress + ")";
    }
  }
}
