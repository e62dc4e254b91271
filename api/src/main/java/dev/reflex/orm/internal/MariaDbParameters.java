package dev.reflex.orm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The MariaDB driver's high-availability mode in a {@code mariadb://} or {@code mysql://} URL: written as the
 * query parameter {@code haMode} (the driver's own name for the setting), it becomes the mode part of the JDBC URL,
 * where the driver reads it ({@code jdbc:mariadb:sequential://h1,h2/db}). Several hosts without {@code haMode} mean
 * {@code sequential}: each host in the order written, as libpq and pgJDBC do with several hosts (the driver alone
 * would use only the first). Every other parameter passes through unchanged.
 *
 * <p>Thread-safe (stateless).
 */
final class MariaDbParameters {
  private static final Set<String> MODES = Set.of("sequential", "loadbalance", "replication");

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
        mode = UrlParser.decode(pair.substring("haMode=".length()), "haMode", masked).toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
          throw UrlParser.invalid(masked, "has " + pair + ": the MariaDB driver's modes are sequential,"
              + " loadbalance and replication");
        }
      } else if (!pair.isEmpty()) {
        rest.add(pair);
      }
    }
    String prefix = "jdbc:mariadb:" + (mode == null ? "" : mode + ":") + "//" + hosts + "/";
    return new String[] {prefix, String.join("&", rest)};
  }
}
