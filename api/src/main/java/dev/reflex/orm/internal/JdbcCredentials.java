package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the credentials a user wrote into a {@code jdbc:} URL out of it, so that the pool gets them as its user and
 * password, as it does for the 12-factor forms: HikariCP prints its JDBC URL at DEBUG and masks only its
 * {@code password=} parameters, not a {@code user:secret@} in the authority nor H2's {@code ;PASSWORD=secret}.
 * Drivers take the user and password apart from the URL as they take them in it (pgJDBC and MariaDB's driver read no
 * user info in the URL at all, so such a URL works only this way).
 */
final class JdbcCredentials {
  private static final Pattern H2_PASSWORD = Pattern.compile("(?i);PASSWORD=([^;]*)");

  private JdbcCredentials() {}

  /**
   * @param text a {@code jdbc:} URL as the user wrote it
   * @param masked the same, masked, for messages
   * @return the URL without the credentials, and the credentials as user and password
   */
  static DatabaseUrl parse(String text, String masked) {
    DatabaseKind kind = DatabaseKind.ofJdbcUrl(text);
    if (kind == DatabaseKind.H2) {
      Matcher password = H2_PASSWORD.matcher(text);
      if (password.find()) {
        String rest = text.substring(0, password.start()) + text.substring(password.end());
        return new DatabaseUrl(rest, null, password.group(1), kind, masked);
      }
      return new DatabaseUrl(text, null, null, kind, masked);
    }
    int scheme = text.indexOf("://");
    if (scheme < 0 || text.toLowerCase(Locale.ROOT).startsWith("jdbc:oracle:")) {
      return new DatabaseUrl(text, null, null, kind, masked);
    }
    int start = scheme + 3;
    int end = start;
    while (end < text.length() && "/?;#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    int at = text.lastIndexOf('@', end - 1);
    if (at < start) {
      return new DatabaseUrl(text, null, null, kind, masked);
    }
    String credentials = text.substring(start, at);
    int colon = credentials.indexOf(':');
    String user = UrlParser.decode(colon < 0 ? credentials : credentials.substring(0, colon), "user name", masked);
    String password = colon < 0 ? null : UrlParser.decode(credentials.substring(colon + 1), "password", masked);
    return new DatabaseUrl(text.substring(0, start) + text.substring(at + 1), user, password, kind, masked);
  }
}
