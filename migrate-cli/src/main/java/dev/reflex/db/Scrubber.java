package dev.reflex.db;

import dev.reflex.orm.internal.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes secrets from a line of output: every URL that holds one is replaced by its masked form, then
 * every known password by {@value Secrets#MASK}. URLs go first, so that a URL stays readable.
 *
 * <p>Immutable once built; thread-safe.
 */
final class Scrubber {
  private final Map<String, String> replacements = new LinkedHashMap<>();

  /**
   * Adds a URL to show masked wherever it appears.
   *
   * @param url a URL, or {@code null}
   * @return this scrubber
   */
  Scrubber url(String url) {
    if (url != null && !url.isEmpty()) {
      String masked = Secrets.mask(url);
      if (!masked.equals(url)) {
        replacements.put(url, masked);
      }
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
      replacements.put(password, Secrets.MASK);
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
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      result = result.replace(replacement.getKey(), replacement.getValue());
    }
    return result;
  }
}
