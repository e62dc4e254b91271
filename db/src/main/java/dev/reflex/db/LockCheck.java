package dev.reflex.db;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Drivers;
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
   * @return reflex-db's line saying the lock is still held and what to do, or {@code null} when it is not (or when
   *     the command took no lock, or the row cannot be read: then there is nothing to say for sure)
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
      return null;
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
