package dev.reflex.db;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps reflex-db quiet by default. Liquibase logs through java.util.logging, and so, told to, does the
 * MariaDB driver; the root logger is turned off unless the user asked for details. Liquibase's own
 * {@code --log-level} still sets its levels while one of its commands runs.
 *
 * <p>Not thread-safe: called once, at start-up.
 */
final class Logging {
  /** Held so that the configured level is not lost when the logger would otherwise be collected. */
  private static final Logger ROOT = Logger.getLogger("");

  private Logging() {}

  /**
   * Sets the settings that keep output quiet, each only where the user has not set it already.
   *
   * @param level the level asked for with {@code --log-level}, {@code null} for none
   * @param verbose whether the user asked for details
   */
  static void configure(String level, boolean verbose) {
    setDefault("liquibase.analytics.enabled", "false");
    setDefault("liquibase.showBanner", "false");
    // the MariaDB driver would otherwise print its warnings through its own console logger
    setDefault("mariadb.logging.slf4j.enable", "false");
    setDefault("mariadb.logging.fallback", "JDK");
    ROOT.setLevel(verbose ? parse(level) : Level.OFF);
  }

  private static Level parse(String level) {
    if (level == null || level.isBlank()) {
      return Level.INFO;
    }
    switch (level.toLowerCase(Locale.ROOT)) {
      case "debug":
        return Level.FINE;
      case "error":
        return Level.SEVERE;
      case "warn":
        return Level.WARNING;
      default:
        try {
          return Level.parse(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          return Level.INFO;
        }
    }
  }

  private static void setDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
