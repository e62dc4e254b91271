package dev.reflex.db;

import dev.reflex.orm.internal.Secrets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes secrets from a line of output: every URL that holds one is replaced by its masked form, then every
 * known password is masked where it stands as a credential ({@link Secrets#scrub}): in a URL's user info, as a
 * {@code password=} value, or quoted as a value, never as a substring of other words. URLs go first, so that
 * a URL stays readable.
 *
 * <p>Thread-safe: a command may add a secret (a scratch database's URL) while {@link Output} filters lines with
 * it; a line is scrubbed with every secret added before it is written. Secrets are only ever added.
 */
final class Scrubber {
  // replaced whole on each addition (copy on write): scrub reads a consistent snapshot without a lock
  private volatile Map<String, String> urls = Map.of();
  private volatile Set<String> passwords = Set.of();

  /**
   * Adds a URL to show masked wherever it appears, and the passwords it holds never to show elsewhere.
   *
   * @param url a URL, or {@code null}
   * @return this scrubber
   */
  synchronized Scrubber url(String url) {
    if (url != null && !url.isEmpty()) {
      String masked = Secrets.mask(url);
      if (!masked.equals(url)) {
        Map<String, String> more = new LinkedHashMap<>(urls);
        more.put(url, masked);
        urls = Collections.unmodifiableMap(more);
      }
      addPasswords(Secrets.passwords(url));
    }
    return this;
  }

  /**
   * Adds a password never to show.
   *
   * @param password a password, or {@code null}
   * @return this scrubber
   */
  synchronized Scrubber password(String password) {
    if (password != null && !password.isEmpty()) {
      addPasswords(List.of(password));
    }
    return this;
  }

  private void addPasswords(Collection<String> added) {
    Set<String> more = new LinkedHashSet<>(passwords);
    more.addAll(added);
    passwords = Collections.unmodifiableSet(more);
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
