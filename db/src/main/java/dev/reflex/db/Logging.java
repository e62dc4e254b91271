package dev.reflex.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import java.util.stream.Collectors;

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

  /**
   * Sends the log of one of reflex-db's own commands to a file, as Liquibase's {@code --log-file} does for its
   * commands: only there, at the level asked for ({@code INFO} when none), every line scrubbed of secrets.
   *
   * @param path the file, appended to; {@code null} for none
   * @param level the {@code --log-level}, or {@code null}
   * @param scrubber removes the secrets
   * @return the file, to close when the command ends
   * @throws IOException when the file cannot be opened
   */
  static LogFile toFile(String path, String level, Scrubber scrubber) throws IOException {
    if (path == null) {
      return new LogFile(null, null, List.of());
    }
    Level parsed = parse(level);
    Formatter plain = new SimpleFormatter();
    StreamHandler handler = new StreamHandler(Files.newOutputStream(Path.of(path), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND), new Formatter() {
          @Override
          public String format(LogRecord logRecord) {
            return plain.format(logRecord).lines().map(scrubber::scrub)
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
          }
        });
    handler.setLevel(parsed);
    List<Handler> console = List.of(ROOT.getHandlers());
    console.forEach(ROOT::removeHandler);
    Level before = ROOT.getLevel();
    ROOT.addHandler(handler);
    ROOT.setLevel(parsed);
    return new LogFile(handler, before, console);
  }

  /** The log file of a command; closing it puts the console handlers back. Not thread-safe. */
  static final class LogFile implements AutoCloseable {
    private final Handler handler;
    private final Level before;
    private final List<Handler> console;

    private LogFile(Handler handler, Level before, List<Handler> console) {
      this.handler = handler;
      this.before = before;
      this.console = console;
    }

    @Override
    public void close() {
      if (handler == null) {
        return;
      }
      ROOT.removeHandler(handler);
      handler.close();
      console.forEach(ROOT::addHandler);
      ROOT.setLevel(before);
    }
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
