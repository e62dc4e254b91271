package dev.reflex.db;

import dev.reflex.orm.internal.Secrets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Removes secrets from a line of output: every URL that holds one is replaced by its masked form, then every
 * known password is masked where it stands as a credential ({@link Secrets#scrub}): in a URL's user info, as a
 * {@code password=} value, or quoted as a value, never as a substring of other words. URLs go first, so that
 * a URL stays readable.
 *
 * <p>Immutable once built; thread-safe.
 */
final class Scrubber {
  private final Map<String, String> urls = new LinkedHashMap<>();
  private final Set<String> passwords = new LinkedHashSet<>();

  /**
   * Adds a URL to show masked wherever it appears, and the passwords it holds never to show elsewhere.
   *
   * @param url a URL, or {@code null}
   * @return this scrubber
   */
  Scrubber url(String url) {
    if (url != null && !url.isEmpty()) {
      String masked = Secrets.mask(url);
      if (!masked.equals(url)) {
        urls.put(url, masked);
      }
      passwords.addAll(Secrets.passwords(url));
    }
    return this;
  }

  /**
   * Adds a password never to show.
   *
   * @param password a password, or {@code null}
   * @return this scrubber
   */
  Scrubber password(String password) {
    if (password != null && !password.isEmpty()) {
      passwords.add(password);
    }
    return this;
  }

  /**
   * Scrubs a text.
   *
   * @param text the text
   * @return the text without any known secret
   */
  String scrub(String text) {
    String result = text;
    for (Map.Entry<String, String> url : urls.entrySet()) {
      result = result.replace(url.getKey(), url.getValue());
    }
    return Secrets.scrub(result, passwords);
  }
}
