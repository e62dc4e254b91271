package dev.reflex.orm.internal.jdbc;

import dev.reflex.orm.internal.Secrets;

/**
 * The providers' way to the one masking helper ({@link Secrets}), for a URL an ORM reports on its own, such as the
 * JDBC URL of Hibernate's start-up "Database info" block.
 *
 * <p>Thread-safe (stateless).
 */
public final class MaskedUrls {
  private MaskedUrls() {}

  /**
   * Masks every password a URL holds, as {@link Secrets#mask} does.
   *
   * @param url a JDBC or database URL, or {@code null}
   * @return the URL with its passwords replaced by {@code ***}; {@code null} for {@code null}
   */
  public static String mask(String url) {
    return Secrets.mask(url);
  }
}
