package dev.reflex.db;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Drivers;
import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.migrations.internal.ChangelogLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * After a Liquibase command that took DATABASECHANGELOGLOCK, whether the lock it took is still held. Liquibase
 * logs a release that failed (a link lost, a connection left broken by the failure before) only at fine level and
 * exits as if all went well, and the next run then waits up to five minutes for a lock nobody holds any more. One
 * query, on a connection of its own, only after a command that took the lock; the row is this run's when it holds
 * this JVM's mark ({@link ChangelogLock#isThisJvm}).
 *
 * <p>Thread-safe (stateless).
 */
final class LockCheck {
  private LockCheck() {}

  /**
   * Reads the lock row, when this run took the lock.
   *
   * @param target the database
   * @return reflex-db's line saying the lock is still held, or may be, and what to do; {@code null} when it is not,
   *     when the command took no lock, or when the row cannot be read after a release that did not fail
   */
  static String stillHeld(Target target) {
    ChangelogLock lock = WatchedLockService.taken();
    if (lock == null) {
      return null;
    }
    ChangelogLock.Holder holder;
    try (Connection connection = connect(target)) {
      holder = lock.holder(connection);
    } catch (SQLException | RuntimeException e) {
      // unread, the row is this run's only if Liquibase's release failed: then it may be held still
      return WatchedLockService.releaseFailure() == null ? null : "reflex-db: Liquibase could not release its lock"
          + " on " + target.masked() + " (" + lock + "), nor could reflex-db read it back ("
          + Failures.rootMessage(e) + "): the lock may still be held, and every later run"
          + " would wait for it; once no other run is migrating, run `reflex-db release-locks`";
    }
    if (!ChangelogLock.isThisJvm(holder)) {
      return null;
    }
    return "reflex-db: Liquibase's lock on " + target.masked() + " (" + lock + ") is still held by this run ("
        + holder + "): Liquibase could not release it, and every later run would wait for it; run `reflex-db"
        + " release-locks`";
  }

  /** A connection as Liquibase's: the URL it was given, the user and password it was given, the URL's others. */
  private static Connection connect(Target target) throws SQLException {
    DatabaseUrl url = target.require();
    Properties properties = url.credentials();
    properties.remove("user");
    properties.remove("password");
    if (target.user() != null) {
      properties.setProperty("user", target.user());
    }
    if (target.password() != null) {
      properties.setProperty("password", target.password());
    }
    String jdbcUrl = target.jdbcUrl();
    return Drivers.forUrl(jdbcUrl, target.masked()).connect(jdbcUrl, properties);
  }
}
