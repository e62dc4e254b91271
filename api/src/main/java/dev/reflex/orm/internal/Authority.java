package dev.reflex.orm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code user:password@host:port/database} part of a server URL.
 *
 * <p>Immutable and thread-safe.
 */
final class Authority {
  /** One host or host:port, or several separated by commas; an IPv6 host in brackets. */
  private static final String HOST = "(?:\\[[^\\]/]*\\]|[^\\[\\]:/,]*)(?::\\d*)?";
  private static final Pattern HOSTS = Pattern.compile(HOST + "(?:," + HOST + ")*");

  private final String user;
  private final String password;
  private final List<String> hosts;
  private final String database;

  private Authority(String user, String password, List<String> hosts, String database) {
    this.user = user;
    this.password = password;
    this.hosts = hosts;
    this.database = database;
  }

  /**
   * Returns where the credentials end in the part after {@code scheme://}: the index of the '@' before the host,
   * or -1 when there are none. The credentials end at the last '@' before the query, so that an unencoded '@',
   * '/', '?' or '#' in a password is not taken for the host. The query starts at the first '?' after the first
   * '@'; an '@' that comes only after a '?' belongs to the query when what stands before the '?' reads as
   * {@code host:port/database} ({@code db/app?application_name=ops@host1}).
   *
   * @param rest the URL after {@code scheme://}
   * @return the index of the '@' that ends the credentials, or -1
   */
  static int credentialsEnd(String rest) {
    int firstAt = rest.indexOf('@');
    if (firstAt < 0) {
      return -1;
    }
    int question = rest.indexOf('?');
    if (question >= 0 && question < firstAt && isHostsAndPath(rest.substring(0, question))) {
      return -1;
    }
    int query = rest.indexOf('?', firstAt);
    return rest.lastIndexOf('@', query < 0 ? rest.length() : query);
  }

  /**
   * Returns whether a text without credentials reads as hosts, ports and a path; {@code app:secret} does not,
   * as its "port" is not a number: it is a user and password whose {@code @host} is missing.
   *
   * @param text the part after {@code scheme://}, up to the query
   * @return whether it is {@code host:port/...}, with every port a number
   */
  static boolean isHostsAndPath(String text) {
    int slash = text.indexOf('/');
    return HOSTS.matcher(slash < 0 ? text : text.substring(0, slash)).matches();
  }

  /**
   * Parses the part after {@code scheme://} and before the query, whose last '@' ends the credentials (see
   * {@link #credentialsEnd}).
   */
  static Authority parse(String text, String masked, int defaultPort) {
    int at = text.lastIndexOf('@');
    String credentials = at < 0 ? null : text.substring(0, at);
    String location = at < 0 ? text : text.substring(at + 1);
    int slash = location.indexOf('/');
    String hostPort = slash < 0 ? location : location.substring(0, slash);
    String database = slash < 0 ? "" : location.substring(slash + 1);
    String user = null;
    String password = null;
    if (credentials != null) {
      user = user(credentials, masked);
      password = password(credentials, masked);
    }
    List<String> hosts = new ArrayList<>();
    // libpq's multi-host form, which the PostgreSQL and MariaDB drivers share: host1:port1,host2:port2
    String[] list = hostPort.split(",", -1);
    for (String one : list) {
      if (one.isEmpty() && list.length > 1) {
        throw UrlParser.invalid(masked, "has an empty entry in its list of hosts: write host1:port1,host2:port2");
      }
      hosts.add(hostAndPort(one, masked, defaultPort, credentials != null));
    }
    return new Authority(user, password, List.copyOf(hosts), database);
  }

  /** @return the user of {@code user[:password]}, percent-decoded */
  static String user(String credentials, String masked) {
    int colon = credentials.indexOf(':');
    return UrlParser.decode(colon < 0 ? credentials : credentials.substring(0, colon), "user name", masked);
  }

  /** @return the password of {@code user[:password]}, percent-decoded, or {@code null} when there is none */
  static String password(String credentials, String masked) {
    int colon = credentials.indexOf(':');
    return colon < 0 ? null : UrlParser.decode(credentials.substring(colon + 1), "password", masked);
  }

  private static String hostAndPort(String hostPort, String masked, int defaultPort, boolean credentials) {
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw UrlParser.invalid(masked, "has an IPv6 host without its closing ']': write [::1]:5432");
      }
      host = hostPort.substring(0, close + 1);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw UrlParser.invalid(masked, "has text after the IPv6 host: write [host]:port");
        }
        portText = after.substring(1);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      portText = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty() || host.equals("[]")) {
      throw UrlParser.invalid(masked, "has no host: write scheme://user:password@host:port/database");
    }
    return host + ":" + port(portText, masked, defaultPort, credentials);
  }

  private static int port(String text, String masked, int defaultPort, boolean credentials) {
    if (text == null || text.isEmpty()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the same message as an out-of-range port
    }
    if (!credentials && !text.chars().allMatch(Character::isDigit)) {
      // host:secret with no '@' is a user and password whose host is missing: the "port" is not shown
      throw UrlParser.invalid(masked, "has a port that is not a number, or a password without @host: write"
          + " scheme://user:password@host:port/database, with a port from 1 to 65535");
    }
    throw UrlParser.invalid(masked, "has the port \"" + text + "\": a port is a whole number from 1 to 65535");
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** @return {@code host:port}, or {@code host1:port1,host2:port2,...} for several hosts */
  String hostAndPort() {
    return String.join(",", hosts);
  }

  /** @return how many hosts the URL names */
  int hostCount() {
    return hosts.size();
  }

  String database() {
    return database;
  }
}
