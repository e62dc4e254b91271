package dev.reflex.orm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * libpq's connection parameters in a {@code postgresql://} URL, given to pgJDBC with libpq's meaning: renamed
 * where pgJDBC has another name, mapped where it has other values, passed through where both agree, and refused,
 * naming the parameter, where pgJDBC cannot honour it. Parameters that are not libpq's (pgJDBC's own, such as
 * {@code targetServerType} or {@code socketTimeout}) pass through unchanged.
 *
 * <p>Thread-safe (stateless).
 */
final class LibpqParameters {
  /** libpq name to pgJDBC name, where the values mean the same. */
  private static final Map<String, String> RENAMED = Map.of(
      "application_name", "ApplicationName",
      "gssencmode", "gssEncMode",
      "krbsrvname", "kerberosServerName",
      "channel_binding", "channelBinding",
      "require_auth", "requireAuth",
      "sslnegotiation", "sslNegotiation");

  /** Named and meant alike in libpq and pgJDBC. */
  private static final Set<String> SHARED = Set.of("sslmode", "sslcert", "sslkey", "sslrootcert", "sslpassword",
      "options", "gsslib", "service", "replication", "user", "password");

  /** libpq parameters pgJDBC has no way to honour, with what to do instead. */
  private static final Map<String, String> REFUSED = Map.ofEntries(
      Map.entry("host", "write the hosts before the path: postgresql://host1:5432,host2:5432/db"),
      Map.entry("hostaddr", "write the address as the host"),
      Map.entry("port", "write the port after the host: postgresql://host:5433/db"),
      Map.entry("dbname", "write the database as the path: postgresql://host/db"),
      Map.entry("passfile", "leave it out: pgJDBC reads ~/.pgpass, or PGPASSFILE, on its own"),
      Map.entry("keepalives_idle", "leave it out: pgJDBC uses the operating system's keepalive times"),
      Map.entry("keepalives_interval", "leave it out: pgJDBC uses the operating system's keepalive times"),
      Map.entry("keepalives_count", "leave it out: pgJDBC uses the operating system's keepalive times"),
      Map.entry("tcp_user_timeout", "use pgJDBC's socketTimeout (seconds) for a bound on a silent server"),
      Map.entry("sslcompression", "leave it out: SSL compression is disabled everywhere"),
      Map.entry("sslcrl", "leave it out, or configure revocation in the JVM's trust settings"),
      Map.entry("sslcrldir", "leave it out, or configure revocation in the JVM's trust settings"),
      Map.entry("sslcertmode", "leave it out: pgJDBC sends a client certificate when sslcert is given"),
      Map.entry("sslsni", "leave it out: Java sends SNI for host names, as libpq does with sslsni=1"),
      Map.entry("ssl_min_protocol_version", "set jdk.tls.client.protocols for the JVM instead"),
      Map.entry("ssl_max_protocol_version", "set jdk.tls.client.protocols for the JVM instead"),
      Map.entry("requiressl", "write sslmode=require"),
      Map.entry("requirepeer", "leave it out: it applies to Unix-domain sockets, which pgJDBC does not use"),
      Map.entry("gssdelegation", "leave it out: pgJDBC does not delegate GSSAPI credentials"),
      Map.entry("client_encoding", "leave it out: pgJDBC always talks UTF8 with the server"));

  /** Values of refused parameters that ask for what pgJDBC does anyway: dropped, not refused. */
  private static final Map<String, Set<String>> ALREADY_SO = Map.of(
      "sslsni", Set.of("1"),
      "client_encoding", Set.of("utf8", "utf-8", "unicode"));

  /** libpq's target_session_attrs to pgJDBC's targetServerType (see the README's URL table for the fine print). */
  private static final Map<String, String> TARGETS = Map.of(
      "any", "any",
      "read-write", "primary",
      "primary", "primary",
      "read-only", "secondary",
      "standby", "secondary",
      "prefer-standby", "preferSecondary");

  private LibpqParameters() {}

  /**
   * Turns the query of a {@code postgresql://} URL into pgJDBC's.
   *
   * @param query the text after '?', without it; may be empty
   * @param masked the URL to show in a message
   * @return the query for the JDBC URL, without '?'; empty when there is none
   * @throws dev.reflex.orm.InvalidUrlException naming a libpq parameter pgJDBC cannot honour, or a value it
   *     does not take
   */
  static String toJdbc(String query, String masked) {
    if (query.isEmpty()) {
      return "";
    }
    List<String> out = new ArrayList<>();
    String fallbackName = null;
    boolean named = false;
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (ALREADY_SO.getOrDefault(name, Set.of()).contains(value.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (REFUSED.containsKey(name)) {
        throw UrlParser.invalid(masked, "has the libpq parameter \"" + name + "\", which pgJDBC cannot honour: "
            + REFUSED.get(name));
      }
      switch (name) {
        case "target_session_attrs":
          out.add("targetServerType=" + choose(name, value, TARGETS, masked));
          break;
        case "load_balance_hosts":
          out.add("loadBalanceHosts=" + choose(name, value, Map.of("disable", "false", "random", "true"), masked));
          break;
        case "keepalives":
          out.add("tcpKeepAlive=" + choose(name, value, Map.of("1", "true", "0", "false"), masked));
          break;
        case "connect_timeout":
          out.add("connectTimeout=" + connectTimeout(value, masked));
          break;
        case "fallback_application_name":
          fallbackName = value;
          break;
        default:
          named |= name.equals("application_name") || name.equals("ApplicationName");
          out.add(SHARED.contains(name) ? pair : RENAMED.getOrDefault(name, name) + (equals < 0 ? "" : "=" + value));
      }
    }
    if (fallbackName != null && !named) {
      out.add("ApplicationName=" + fallbackName);
    }
    return String.join("&", out);
  }

  private static String choose(String name, String value, Map<String, String> choices, String masked) {
    String decoded = UrlParser.decode(value, name, masked).toLowerCase(Locale.ROOT);
    String chosen = choices.get(decoded);
    if (chosen == null) {
      throw UrlParser.invalid(masked, "has " + name + "=" + value + ": libpq takes "
          + String.join(", ", choices.keySet().stream().sorted().toList()));
    }
    return chosen;
  }

  /** libpq: seconds per host; zero, negative or absent waits forever; 1 counts as 2. pgJDBC: 0 waits forever. */
  private static int connectTimeout(String value, String masked) {
    try {
      int seconds = Integer.parseInt(UrlParser.decode(value, "connect_timeout", masked).strip());
      return seconds <= 0 ? 0 : Math.max(seconds, 2);
    } catch (NumberFormatException e) {
      throw UrlParser.invalid(masked, "has connect_timeout=" + value + ": write a whole number of seconds");
    }
  }
}
