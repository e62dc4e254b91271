package dev.reflex.orm.test.internal;

import dev.reflex.orm.DatabaseKind;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The databases of earlier runs that ended without dropping them (a JVM killed, a debugger stopped), found so
 * that a run drops them. A run names its databases {@code reflex_template_RUN_n} and {@code reflex_test_RUN_n},
 * and marks its administrative connection for as long as it lives, from before its first database is made until
 * after its last is dropped: on PostgreSQL with {@code application_name = 'reflex-orm-test RUN'}, on MariaDB and
 * MySQL with the named lock {@code reflex-orm-test RUN}. A database whose run has no marked connection left is
 * no one's. Only the databases the user owns (PostgreSQL) or sees (MariaDB) are looked at; on other servers,
 * none.
 *
 * <p>Thread-safe (stateless).
 */
final class Leftovers {
  private static final System.Logger LOG = System.getLogger("dev.reflex.orm.test");
  private static final String MARK = "reflex-orm-test ";
  private static final String NAMES = "'^reflex_(template|test)_[0-9a-f]{8}_[0-9]+$'";
  private static final int NAMED = 5;

  private Leftovers() {}

  /** @return the statement that marks a connection as this run's, or {@code null} on other servers */
  static String mark(DatabaseKind kind) {
    switch (kind) {
      case POSTGRESQL:
        return "SET application_name = '" + MARK + Template.RUN + "'";
      case MARIADB:
      case MYSQL:
        return "SELECT GET_LOCK('" + MARK + Template.RUN + "', 0)";
      default:
        return null;
    }
  }

  /**
   * Finds the databases of ended runs, and says so in one INFO line when there are some.
   *
   * @param server a connection of this run, marked
   * @return their names
   */
  static List<String> find(Server server) {
    if (mark(server.base().kind()) == null) {
      return List.of();
    }
    String query = server.base().kind() == DatabaseKind.POSTGRESQL
        ? "SELECT d.datname FROM pg_database d WHERE d.datname ~ " + NAMES
            + " AND pg_has_role(d.datdba, 'USAGE') AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a"
            + " WHERE a.application_name = '" + MARK + "' || substring(d.datname FROM '^reflex_[a-z]+_([0-9a-f]{8})_'))"
            + " ORDER BY 1"
        : "SELECT schema_name FROM information_schema.schemata WHERE schema_name REGEXP " + NAMES
            + " AND IS_USED_LOCK(CONCAT('" + MARK + "', SUBSTRING_INDEX(SUBSTRING_INDEX(schema_name, '_', 3), '_',"
            + " -1))) IS NULL ORDER BY 1";
    List<String> found =
        server.strings(query, "look for the databases of test runs that ended without dropping them");
    if (!found.isEmpty()) {
      LOG.log(Level.INFO, "reflex-orm-test drops " + found.size() + " database" + (found.size() == 1 ? "" : "s")
          + " left by test runs that ended without dropping them: "
          + String.join(", ", found.subList(0, Math.min(NAMED, found.size())))
          + (found.size() > NAMED ? " and " + (found.size() - NAMED) + " more" : ""));
    }
    return found;
  }
}
