package dev.reflex.orm.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB driver's high-availability mode in a {@code mariadb://} or {@code mysql://} URL: written as the
 * query parameter {@code haMode} (the driver's own name for the setting), it becomes the mode part of the JDBC URL,
 * where the driver reads it ({@code jdbc:mariadb:sequential://h1,h2/db}). Several hosts without {@code haMode} mean
 * {@code sequential}: each host in the order written, as libpq and pgJDBC do with several hosts (the driver alone
 * would use only the first). The modes are the driver's own ({@link MariaDbModes}). Every other parameter passes
 * through unchanged.
 *
 * <p>Thread-safe (stateless).
 */
final class MariaDbParameters {
  private MariaDbParameters() {}

  /**
   * Builds the JDBC URL's start and query.
   *
   * @param hosts the hosts, as {@code host:port,host:port}
   * @param hostCount how many hosts there are
   * @param query the text after '?', without it; may be empty
   * @param masked the URL to show in a message
   * @return {@code jdbc:mariadb:[mode:]//hosts/}, then the database, then the query are the caller's
   */
  static String[] toJdbc(String hosts, int hostCount, String query, String masked) {
    String mode = hostCount > 1 ? "sequential" : null;
    List<String> rest = new ArrayList<>();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      if (pair.startsWith("haMode=")) {
        // the driver's own modes and spellings, from the driver itself (MariaDbModes)
        mode = MariaDbModes.jdbcMode(UrlParser.decode(pair.substring("haMode=".length()), "haMode", masked), masked);
      } else if (!pair.isEmpty()) {
        rest.add(pair);
      }
    }
    String prefix = "jdbc:mariadb:" + (mode == null || mode.isEmpty() ? "" : mode + ":") + "//" + hosts + "/";
    return new String[] {prefix, String.join("&", rest)};
  }
}
