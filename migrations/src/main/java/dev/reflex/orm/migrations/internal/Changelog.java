package dev.reflex.orm.migrations.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The changelog every command uses, always spelled the same way: Liquibase records a changeset under the
 * path of its changelog, so {@code ./db/x.yaml} and {@code /home/app/db/x.yaml} would each run it again.
 * Taken from {@code --changelog-file}, else the defaults file ({@code liquibase.properties}), else
 * {@value #DEFAULT_PATH}, and made relative to the working directory when it lies inside it.
 *
 * <p>Not API: used by {@code Migrations} and the {@code reflex-db} command, and may change without notice.
 *
 * <p>Immutable and thread-safe.
 */
public final class Changelog {
  /** Where {@code reflex-db init} writes the changelog, and where it is looked for when nothing names one. */
  public static final String DEFAULT_PATH = "db/changelog/db.changelog-master.yaml";
  /** Liquibase's defaults file, in the working directory. */
  public static final String DEFAULTS_FILE = "liquibase.properties";

  private final String path;
  private final String origin;
  private final String searchPath;
  private final Properties defaults;

  private Changelog(String path, String origin, String searchPath, Properties defaults) {
    this.path = path;
    this.origin = origin;
    this.searchPath = searchPath;
    this.defaults = defaults;
  }

  /**
   * Resolves the changelog from the three settings that can name it, as {@code reflex-db} does.
   *
   * @param given the changelog path given explicitly, or {@code null}
   * @param defaultsFile the defaults file, or {@code null} for {@value #DEFAULTS_FILE}
   * @param searchPathGiven the search path given explicitly, or {@code null}
   * @return the changelog
   */
  public static Changelog resolve(String given, String defaultsFile, String searchPathGiven) {
    Properties defaults = load(Path.of(defaultsFile != null ? defaultsFile : DEFAULTS_FILE));
    String searchPath = first(searchPathGiven, defaults, "searchPath", "liquibase.searchPath");
    if (given != null) {
      return new Changelog(canonical(given, searchPath), "--changelog-file", searchPath, defaults);
    }
    String named = first(null, defaults, "changelogFile", "changeLogFile", "liquibase.command.changelogFile",
        "liquibase.command.changeLogFile");
    if (named != null) {
      return new Changelog(canonical(named, searchPath), defaultsFile != null ? defaultsFile : DEFAULTS_FILE,
          searchPath, defaults);
    }
    return new Changelog(DEFAULT_PATH, "default", searchPath, defaults);
  }

  /** @return whether a search path was configured, so the changelog is read from there and nowhere else */
  public boolean searchPathConfigured() {
    return !inWorkingDirectory(searchPath);
  }

  /** @return the path to hand to Liquibase */
  public String path() {
    return path;
  }

  /** @return where the path came from: {@code --changelog-file}, the defaults file, or {@code default} */
  public String origin() {
    return origin;
  }

  /** @return the search path to read the changelog from: as configured, else the working directory */
  public String searchPath() {
    return searchPath != null ? searchPath : ".";
  }

  /**
   * Returns whether the changelog is known to be missing: only a file changelog read from the working
   * directory can be checked before Liquibase runs.
   *
   * @return {@code true} when the file certainly does not exist
   */
  public boolean missing() {
    return inWorkingDirectory(searchPath) && !path.startsWith("classpath:") && !Files.isRegularFile(Path.of(path));
  }

  /**
   * Returns a setting of the defaults file.
   *
   * @param keys the keys it may be written as
   * @return the value, or {@code null}
   */
  public String setting(String... keys) {
    return first(null, defaults, keys);
  }

  /** The one spelling of a changelog path: relative to the working directory when it lies inside it. */
  public static String canonical(String path, String searchPath) {
    if (path.startsWith("classpath:") || !inWorkingDirectory(searchPath)) {
      return path;
    }
    Path workingDirectory = Path.of("").toAbsolutePath();
    Path absolute = workingDirectory.resolve(path).normalize();
    Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static boolean inWorkingDirectory(String searchPath) {
    return searchPath == null || searchPath.equals(".") || searchPath.equals("./");
  }

  private static String first(String given, Properties defaults, String... keys) {
    if (given != null) {
      return given;
    }
    for (String key : keys) {
      String value = defaults.getProperty(key);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return properties;
  }
}
