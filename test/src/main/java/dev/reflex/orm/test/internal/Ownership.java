package dev.reflex.orm.test.internal;

import java.util.List;

/**
 * What differs by server in marking databases as the extension's ({@link Mark}) and in finding and dropping those
 * of ended runs: one subclass per kind of server. Servers that cannot store a comment with a database (MySQL,
 * MariaDB before 10.5) have none: there the extension marks nothing and drops no earlier run's database.
 *
 * <p>Thread-safe (stateless).
 */
abstract class Ownership {
  /** A database found with a comment that may be a mark: its name, its owner, the comment, the server's clock. */
  record Found(String database, String owner, String comment, long now) {}

  /** @return statements for an administrative connection: bounded lock waits, and a label where the server has one */
  abstract List<String> adminSetup();

  /** @return statements for the connection that drops ended runs' databases: short lock waits, bounded statements */
  abstract List<String> leftoverSetup();

  /** @return a query of one row: the current database user, and the server's clock in whole seconds */
  abstract String clock();

  /** @return the statement that stores a mark on an existing database, replacing the one it had */
  abstract String remark(Mark mark);

  /**
   * @return a query of the databases the current user could drop that carry a comment like a mark (on PostgreSQL also
   *     those without a comment named like a clone), as {@link Found}
   */
  abstract String marked();

  /** @return the statement that drops a database, its name quoted so that it is matched exactly */
  abstract String drop(String database);

  /** @return the rows of {@link #marked()}, as found on the server */
  final List<Found> findMarked(Server server) {
    return server.rows(marked(), "look for the databases of test runs that ended without dropping them").stream()
        .map(row -> new Found(row.get(0), row.get(1), row.get(2), Long.parseLong(row.get(3))))
        .toList();
  }

  /** @return the current user and the server's clock */
  final Clock clock(Server server) {
    List<String> row = server.rows(clock(), "read the server's clock").get(0);
    return new Clock(row.get(0), Long.parseLong(row.get(1)));
  }

  /**
   * The current user and the server's clock.
   *
   * @param user the database user
   * @param now the server's clock, in seconds since 1970
   */
  record Clock(String user, long now) {}
}
