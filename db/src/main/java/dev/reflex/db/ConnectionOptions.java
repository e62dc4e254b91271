package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import picocli.CommandLine.Option;

/**
 * The connection options that reflex-db's own commands accept after their name, as Liquibase's do. {@link Target}
 * and {@link Changelog} read them wherever they stand on the command line; they are declared here, once, so that
 * picocli accepts them and lists them in each command's help.
 */
final class ConnectionOptions {
  @Option(names = "--url", paramLabel = "URL", description = "The database, as a JDBC or REFLEX_DB_URL-style URL;"
      + " default REFLEX_DB_URL.")
  String url;

  @Option(names = "--username", paramLabel = "USER", description = "The user, when the URL has none.")
  String username;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "The password, when the URL has none.")
  String password;

  @Option(names = "--changelog-file", paramLabel = "PATH", description = "The master changelog; default from"
      + " liquibase.properties, else " + Changelog.DEFAULT_PATH + ".")
  String changelogFile;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;
}
