package dev.reflex.orm.internal;

import java.util.regex.Pattern;

/**
 * The one masking helper: every path that shows a URL or a message that may hold one goes through it.
 *
 * <p>Thread-safe (stateless).
 */
public final class Secrets {
  /** What stands in for a password wherever one would be shown. */
  public static final String MASK = "***";

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;](?:password|passwd|pwd|pass)=)[^&;#]*");

  private Secrets() {}

  /**
   * Masks the password in a URL of any form we accept: {@code scheme://user:secret@host} becomes
   * {@code scheme://user:***@host}, and {@code password=secret} parameters become {@code password=***}.
   *
   * @param url a URL, possibly malformed; {@code null} gives {@code null}
   * @return the URL with every password replaced by {@value #MASK}
   */
  public static String mask(String url) {
    if (url == null) {
      return null;
    }
    String masked = url;
    int start = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (start >= 0 && at > start) {
      String userInfo = url.substring(start + 3, at);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        masked = url.substring(0, start + 3) + userInfo.substring(0, colon + 1) + MASK + url.substring(at);
      }
    }
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK.replace("*", "\\*"));
  }

  /**
   * Removes a known secret from a text (an exception message from a driver, a line of tool output).
   *
   * @param text the text, or {@code null}
   * @param secret the secret, or {@code null}/empty for none
   * @return the text with every occurrence of the secret replaced by {@value #MASK}
   */
  public static String scrub(String text, String secret) {
    if (text == null || secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, MASK);
  }
}
