package dev.reflex.orm.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking helper: every path that shows a URL or a message that may hold one goes through it.
 *
 * <p>A value that does not parse as a URL is masked as if it did: whatever stands where a password could
 * stand is hidden, so that an error about a malformed URL never shows its password. A known password is
 * removed from a text only where it stands as one, never as a substring of other words.
 *
 * <p>Thread-safe (stateless).
 */
public final class Secrets {
  /** What stands in for a password wherever one would be shown. */
  public static final String MASK = "***";

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;](?:[a-z_.]*password|passwd|pwd|pass)=)([^&;#]*)");
  /** A database URL's own scheme followed by one slash, not two: a typo the mask should show, not hide. */
  private static final Pattern ONE_SLASH =
      Pattern.compile("(?i)(postgres|postgresql|mariadb|mysql|h2|sqlite)(\\+[a-z0-9]+)?:/(?!/)");
  private static final String PASSWORD_KEY = "(?i)((?:password|passwd|pwd|pass)['\"]?\\s{0,3}[=:]\\s{0,3}['\"]?)";

  private Secrets() {}

  /**
   * Masks the password in a URL of any form we accept, or in a value meant as one: {@code scheme://user:secret@host}
   * becomes {@code scheme://user:***@host}, {@code password=secret} parameters become {@code password=***},
   * Oracle's {@code jdbc:oracle:thin:user/secret@host} becomes {@code jdbc:oracle:thin:user/***@host}, and
   * {@code scheme://user:secret}, whose {@code @host} is missing, becomes {@code scheme://user:***}.
   *
   * @param url a URL, possibly malformed; {@code null} gives {@code null}
   * @return the URL with every password replaced by {@value #MASK}
   */
  public static String mask(String url) {
    if (url == null) {
      return null;
    }
    int[] range = passwordRange(url);
    String masked = range == null ? url : url.substring(0, range[0]) + MASK + url.substring(range[1]);
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
  }

  /**
   * Returns the passwords that {@link #mask} hides in a URL, as written and percent-decoded, so that they can be
   * removed from a driver's message that shows them out of the URL.
   *
   * @param url a URL, possibly malformed, or {@code null}
   * @return the passwords, without empty ones
   */
  public static List<String> passwords(String url) {
    Set<String> found = new LinkedHashSet<>();
    if (url != null) {
      int[] range = passwordRange(url);
      if (range != null) {
        found.add(url.substring(range[0], range[1]));
      }
      Matcher parameter = PASSWORD_PARAMETER.matcher(url);
      while (parameter.find()) {
        found.add(parameter.group(2));
      }
    }
    List<String> passwords = new ArrayList<>();
    for (String password : found) {
      passwords.add(password);
      passwords.add(decoded(password));
    }
    passwords.removeIf(String::isEmpty);
    return List.copyOf(new LinkedHashSet<>(passwords));
  }

  /**
   * Removes known secrets from a text (an exception message from a driver, a line of tool output) where each
   * stands as a credential: in a URL's user info ({@code user:secret@}, {@code user/secret@}), as the value of a
   * password setting ({@code password=secret}, {@code PASSWORD: 'secret'}), or quoted on its own. Elsewhere the
   * same letters are left alone, so that the password {@code e} does not turn {@code reflex} into {@code r***fl***x}.
   *
   * @param text the text, or {@code null}
   * @param secrets the secrets; {@code null} and empty ones are skipped
   * @return the text with each secret, as written and percent-encoded, replaced by {@value #MASK}
   */
  public static String scrub(String text, Iterable<String> secrets) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = scrubOne(scrubOne(result, secret), URLEncoder.encode(secret, StandardCharsets.UTF_8));
      }
    }
    return result;
  }

  private static String scrubOne(String text, String secret) {
    if (!text.contains(secret)) {
      return text;
    }
    String quoted = Pattern.quote(secret);
    String mask = Matcher.quoteReplacement(MASK);
    // user:secret@ and user/secret@, also as a driver shows a user info it misread as a port ("port : secret@host")
    String result = text.replaceAll("(?<=[:/] ?)" + quoted + "(?=@)", mask);
    result = result.replaceAll(PASSWORD_KEY + quoted, "$1" + mask);
    return result.replaceAll("(?<=['\"])" + quoted + "(?=['\"])", mask);
  }

  /** Where the password stands in a URL, as {start, end}, or {@code null}; the rule is {@link Authority}'s. */
  private static int[] passwordRange(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0 && url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return oraclePasswordRange(url);
    }
    Matcher oneSlash = ONE_SLASH.matcher(url);
    if (scheme < 0 && oneSlash.lookingAt()) {
      // "postgresql:/app@db/x", a slash short: the scheme is shown, and what stands before '@' is masked whole
      // when it has no ':' (a user name or a password: which, no one can tell)
      String rest = url.substring(oneSlash.end());
      int at = Authority.credentialsEnd(rest);
      if (at < 0) {
        return null;
      }
      int colon = rest.indexOf(':');
      int from = colon >= 0 && colon < at ? colon + 1 : 0;
      return new int[] {oneSlash.end() + from, oneSlash.end() + at};
    }
    // a value whose scheme is missing or misspelt is read from its start, as if it had one
    int start = scheme < 0 ? 0 : scheme + 3;
    String rest = url.substring(start);
    int at = Authority.credentialsEnd(rest);
    int colon = rest.indexOf(':');
    if (at >= 0) {
      return colon >= 0 && colon < at ? new int[] {start + colon + 1, start + at} : null;
    }
    int question = rest.indexOf('?');
    if (colon >= 0 && !Authority.isHostsAndPath(question < 0 ? rest : rest.substring(0, question))) {
      // user:secret with its @host forgotten: the rest would otherwise be shown as a port
      return new int[] {start + colon + 1, url.length()};
    }
    return null;
  }

  /** Oracle's {@code jdbc:oracle:thin:user/password@...} is the one JDBC form with credentials but no "//". */
  private static int[] oraclePasswordRange(String url) {
    Matcher oracle = Pattern.compile("(?i)^jdbc:oracle:\\w+:").matcher(url);
    int at = url.lastIndexOf('@');
    if (!oracle.lookingAt() || at < oracle.end()) {
      return null;
    }
    int slash = url.indexOf('/', oracle.end());
    return slash >= 0 && slash < at ? new int[] {slash + 1, at} : null;
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
