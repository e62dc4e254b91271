package dev.reflex.orm.migrations;

import dev.reflex.orm.migrations.internal.LiquibaseSays;
import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.migrations.internal.Changelog;
import dev.reflex.orm.migrations.internal.ChangelogLock;
import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.internal.Secrets;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Turns a failed {@link Migrations} run into one line that says what stopped it and what to do: the changeset that
 * failed (path, id, author), or who holds Liquibase's lock and since when, or the SQLite writer that held the file;
 * and frees the lock the run itself left set.
 *
 * <p>Not thread-safe; one per failure.
 */
final class MigrationFailure {
  private final Changelog changelog;
  private final DataSource dataSource;
  private final ChangelogLock lock;
  private final List<String> secrets;

  /**
   * @param changelog the changelog
   * @param dataSource the database
   * @param lock its lock table, or {@code null} when the run failed before it was known
   * @param secrets the passwords to keep out of the message
   */
  MigrationFailure(Changelog changelog, DataSource dataSource, ChangelogLock lock, List<String> secrets) {
    this.changelog = changelog;
    this.dataSource = dataSource;
    this.lock = lock;
    this.secrets = secrets;
  }

  /**
   * Frees this run's lock when Liquibase could not, and sums the failure up.
   *
   * @param failure what Liquibase threw
   * @param run what the run applied, and the changeset that failed
   * @return the exception to throw, with the failure as its cause
   */
  UnableToMigrateException toException(Exception failure, AppliedChangeSets run) {
    String lockLeft = releaseOwnLock();
    String cause = Secrets.scrub(Failures.rootMessage(failure), secrets);
    int applied = run.appliedCount();
    String message;
    if (run.failed() != null) {
      message = "Applying " + changelog.path() + " failed at changeset " + run.failed() + ": " + cause
          + "; changesets before it stay applied (" + applied + " in this run): fix the changeset and update again";
    } else if (lockHeld(failure)) {
      message = "Applying " + changelog.path() + " did not start: Liquibase's lock on " + database()
          + " (DATABASECHANGELOGLOCK) is held by " + holder() + ": another run is migrating it, or one was killed"
          + " while it held the lock; if no other run is migrating, run `reflex-db release-locks` on that database"
          + " and update again";
    } else if (sqliteBusy(failure)) {
      ChangelogLock.Holder holder = lock == null ? null : lock.holder(dataSource);
      message = "Applying " + changelog.path() + " stopped: another run, or an application's transaction, held the"
          + " write lock of " + database() + " longer than REFLEX_DB_POOL_TIMEOUT (default 30 s) (" + cause + ");"
          + " changesets before stay applied (" + applied + " in this run): update again once it is done, or raise"
          + " REFLEX_DB_POOL_TIMEOUT" + (holder == null ? "" : "; Liquibase's lock is held by " + holder
          + ": `reflex-db release-locks` only if that run was killed");
    } else {
      message = "Applying " + changelog.path() + " failed: " + cause + "; changesets before the failing one stay"
          + " applied (" + applied + " in this run): fix what it names and update again";
    }
    return new UnableToMigrateException(message + lockLeft, failure);
  }

  /**
   * Whether the failure is SQLite's write lock held by another connection: SQLITE_BUSY, or what follows it when
   * Liquibase carries on (sqlite-jdbc could not begin, so there is no transaction to commit or roll back).
   *
   * @param failure the failure
   * @return whether it is
   */
  static boolean sqliteBusy(Throwable failure) {
    return says(failure, LiquibaseSays.SQLITE_BUSY.toLowerCase(Locale.ROOT), "database is locked",
        "no transaction is active");
  }

  private static boolean lockHeld(Throwable failure) {
    return says(failure, "could not acquire change log lock",
        LiquibaseSays.LOCK_TIME_UNREADABLE.toLowerCase(Locale.ROOT));
  }

  private static boolean says(Throwable failure, String... texts) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      for (String text : texts) {
        if (message.contains(text)) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** @return nothing when no lock of this run's is left, else what the user must do about it */
  private String releaseOwnLock() {
    if (lock == null) {
      return "";
    }
    try {
      lock.releaseOwn(dataSource);
      return "";
    } catch (SQLException e) {
      return "; the lock this run took may still be held (" + Secrets.scrub(Failures.rootMessage(e), secrets)
          + "): run `reflex-db release-locks` once no other run is migrating";
    }
  }

  private String holder() {
    ChangelogLock.Holder holder = lock == null ? null : lock.holder(dataSource);
    return holder == null ? "another run" : holder.toString();
  }

  private String database() {
    if (dataSource instanceof HikariDataSource) {
      return Secrets.mask(((HikariDataSource) dataSource).getJdbcUrl());
    }
    return "the database";
  }
}
