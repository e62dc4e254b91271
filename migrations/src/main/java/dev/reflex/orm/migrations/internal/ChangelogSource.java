package dev.reflex.orm.migrations.internal;

import dev.reflex.orm.migrations.UnableToMigrateException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.resource.SearchPathResourceAccessor;

/**
 * Where {@code Migrations} and the changelog status read a changelog from: the configured search path, else the
 * working directory when the file is there (as {@code reflex-db} reads it), else the class path. One place only, so
 * that a changelog both in the working directory and on the class path is never found twice.
 *
 * <p>Not thread-safe; closed after one run.
 */
public final class ChangelogSource implements AutoCloseable {
  private final ResourceAccessor accessor;

  private ChangelogSource(ResourceAccessor accessor) {
    this.accessor = accessor;
  }

  /**
   * Finds the changelog.
   *
   * @param changelog the resolved changelog
   * @param loader the class loader for class path changelogs
   * @return where to read it
   * @throws UnableToMigrateException when it is in none of those places
   */
  public static ChangelogSource find(Changelog changelog, ClassLoader loader) {
    ChangelogSource source = ifFound(changelog, loader);
    if (source == null) {
      throw new UnableToMigrateException("No changelog: " + changelog.path() + origin(changelog)
          + " is neither a file in the working directory (" + System.getProperty("user.dir")
          + ") nor a class path resource; create one with `reflex-db init`, or name the changelog to apply");
    }
    return source;
  }

  /**
   * Finds the changelog, if it is anywhere.
   *
   * @param changelog the resolved changelog
   * @param loader the class loader for class path changelogs
   * @return where to read it, or {@code null} when it is in none of those places
   * @throws UnableToMigrateException when the configured search path cannot be read
   */
  public static ChangelogSource ifFound(Changelog changelog, ClassLoader loader) {
    if (changelog.searchPathConfigured() || !changelog.missing()) {
      try {
        return new ChangelogSource(new SearchPathResourceAccessor(changelog.searchPath()));
      } catch (RuntimeException e) {
        throw new UnableToMigrateException("The search path " + changelog.searchPath() + " cannot be read: "
            + e.getMessage() + "; fix searchPath in " + Changelog.DEFAULTS_FILE, e);
      }
    }
    String resource = changelog.path().startsWith("classpath:")
        ? changelog.path().substring("classpath:".length()) : changelog.path();
    if (loader.getResource(resource.startsWith("/") ? resource.substring(1) : resource) == null) {
      return null;
    }
    return new ChangelogSource(new ClassLoaderResourceAccessor(loader));
  }

  private static String origin(Changelog changelog) {
    switch (changelog.origin()) {
      case "--changelog-file":
        return ""; // named by the caller, who knows
      case "default":
        return " (the default: no liquibase.properties names one)";
      default:
        return " (named by " + changelog.origin() + ")";
    }
  }

  /** @return Liquibase's view of the place */
  public ResourceAccessor accessor() {
    return accessor;
  }

  @Override
  public void close() {
    try {
      accessor.close();
    } catch (Exception e) {
      // it holds only read-only handles on jars and folders: nothing is lost when one fails to close
    }
  }
}
