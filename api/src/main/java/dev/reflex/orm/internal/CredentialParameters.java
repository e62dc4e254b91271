package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Takes the credentials a JDBC URL carries in its query ({@code user}, {@code password}, {@code sslpassword} and
 * every other parameter whose name holds "password") out of it, as connection properties: a driver logs the URL it
 * is handed (pgJDBC at FINE, "Connecting with URL: ..."; HikariCP at DEBUG, "Loaded driver ... for jdbcUrl=..."),
 * and every driver that {@code DriverManager} asks in turn sees it, so no URL handed to a driver holds a secret.
 *
 * <p>Thread-safe (stateless).
 */
final class CredentialParameters {
  /** A URL without its credential parameters, and those parameters by name, decoded as the driver decodes them. */
  record Split(String url, Properties credentials) {}

  private CredentialParameters() {}

  /**
   * @param jdbcUrl a JDBC URL
   * @param kind its kind of database
   * @return the URL without credential parameters, and those parameters
   */
  static Split split(String jdbcUrl, DatabaseKind kind) {
    Properties credentials = new Properties();
    int question = jdbcUrl.indexOf('?');
    // H2 writes its settings after ';', and its PASSWORD is taken out by JdbcCredentials
    if (question < 0 || kind == DatabaseKind.H2) {
      return new Split(jdbcUrl, credentials);
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : jdbcUrl.substring(question + 1).split("&")) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("user") || lower.contains("password")) {
        String value = equals < 0 ? "" : parameter.substring(equals + 1);
        credentials.setProperty(name, decode(value, kind));
      } else {
        kept.add(parameter);
      }
    }
    return new Split(jdbcUrl.substring(0, question) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)),
        credentials);
  }

  /** pgJDBC percent-decodes its URL's parameters (as form data: '+' is a space); other drivers take them as written. */
  private static String decode(String value, DatabaseKind kind) {
    if (kind != DatabaseKind.POSTGRESQL) {
      return value;
    }
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
