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
    // where the credentials end is Authority's rule, the one Secrets masks by: what is masked is what is taken out
    int start = scheme + 3;
    int at = Authority.credentialsEnd(text.substring(start));
    if (at < 0) {
      return new DatabaseUrl(text, null, null, kind, masked);
    }
    String credentials = text.substring(start, start + at);
    return new DatabaseUrl(text.substring(0, start) + text.substring(start + at + 1),
        Authority.user(credentials, masked), Authority.password(credentials, masked), kind, masked);
  }
}
