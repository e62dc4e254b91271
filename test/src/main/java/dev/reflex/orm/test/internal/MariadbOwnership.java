package dev.reflex.orm.test.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On MariaDB 10.5 and later the mark is the database's comment ({@code CREATE DATABASE ... COMMENT}, read from
 * {@code information_schema.SCHEMATA.SCHEMA_COMMENT}). A database has no owner there: the user in the mark stands
 * for one, and a run looks only at databases marked with its own user.
 */
final class MariadbOwnership extends Ownership {
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\..*MariaDB.*");

  /**
   * @param server a connection to a MariaDB or MySQL server
   * @return how it stores marks, or {@code null} when it cannot (MySQL, MariaDB before 10.5)
   */
  static MariadbOwnership of(Server server) {
    return supports(server.strings("SELECT VERSION()", "read the server's version").get(0))
        ? new MariadbOwnership() : null;
  }

  /** @return whether a server of this {@code VERSION()} stores a comment with a database */
  static boolean supports(String version) {
    Matcher matcher = VERSION.matcher(version);
    if (!matcher.matches()) {
      return false; // MySQL
    }
    int major = Integer.parseInt(matcher.group(1));
    return major > 10 || major == 10 && Integer.parseInt(matcher.group(2)) >= 5;
  }

  @Override
  List<String> adminSetup() {
    // the named lock is how versions before the marks judged a run live: a run of one of them on the same server
    // then keeps this run's databases for as long as this connection lives
    return List.of("SET SESSION lock_wait_timeout = 60", "SELECT GET_LOCK('reflex-orm-test " + Template.RUN + "', 0)");
  }

  @Override
  List<String> leftoverSetup() {
    return List.of("SET SESSION lock_wait_timeout = 5", "SET SESSION max_statement_time = 60");
  }

  @Override
  String clock() {
    return "SELECT CURRENT_USER(), UNIX_TIMESTAMP()";
  }

  /** @return the statement that makes a database with its mark, at once */
  String create(Mark mark) {
    return "CREATE DATABASE " + quote(mark.database()) + " COMMENT '" + mark.text() + "'";
  }

  @Override
  String remark(Mark mark) {
    return "ALTER DATABASE " + quote(mark.database()) + " COMMENT = '" + mark.text() + "'";
  }

  @Override
  String marked() {
    return "SELECT SCHEMA_NAME, '', SCHEMA_COMMENT, UNIX_TIMESTAMP() FROM information_schema.SCHEMATA"
        + " WHERE SCHEMA_COMMENT LIKE BINARY '" + Mark.PREFIX + " %' ORDER BY 1";
  }

  @Override
  String drop(String database) {
    return "DROP DATABASE IF EXISTS " + quote(database);
  }

  private static String quote(String database) {
    return "`" + database.replace("`", "``") + "`";
  }
}
