package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Pools;
import dev.reflex.orm.internal.Secrets;
import dev.reflex.orm.internal.Settings;
import dev.reflex.orm.internal.UrlParser;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database reflex-db works on: an explicit {@code --url} from the user, else the library's own setting
 * ({@code reflex.db.url}, {@code REFLEX_DB_URL}, default {@code sqlite:///reflex.db}), parsed by the one
 * URL parser of the project. It also knows every secret that must never be printed.
 *
 * <p>Thread-safe. Immutable but for its {@link Scrubber}, which learns the secrets of databases a command adds (a
 * scratch database's URL) and never forgets one.
 */
final class Target {
  private final String text;
  private final String origin;
  private final DatabaseUrl url;
  private final RuntimeException problem;
  private final String user;
  private final String password;
  private final boolean explicit;
  private final String reference;
  private final Scrubber scrubber = new Scrubber();

  private Target(String text, String origin, Arguments arguments) {
    this.text = text;
    this.origin = origin;
    this.explicit = origin.equals("--url");
    this.reference = arguments.value("reference-url");
    DatabaseUrl parsed = null;
    RuntimeException failure = null;
    try {
      parsed = UrlParser.parse(text);
    } catch (RuntimeException e) {
      failure = e;
    }
    this.url = parsed;
    this.problem = failure;
    String givenUser = arguments.value("username");
    String givenPassword = arguments.value("password");
    this.user = givenUser != null ? givenUser : parsed == null ? null : parsed.user();
    this.password = givenPassword != null ? givenPassword : parsed == null ? null : parsed.password();
    scrubber.url(text).url(parsed == null ? null : parsed.jdbcUrlWithParameters())
        .url(System.getenv("LIQUIBASE_COMMAND_URL"))
        .password(password).password(parsed == null ? null : parsed.password())
        .password(System.getenv("LIQUIBASE_COMMAND_PASSWORD")).url(reference)
        .password(arguments.value("reference-password"));
    try {
      // Liquibase also reads a url and a password from its defaults file: never show those either
      Changelog defaults = arguments.changelog();
      scrubber.url(defaults.setting("url", "liquibase.command.url"))
          .password(defaults.setting("password", "liquibase.command.password"))
          .url(defaults.setting("referenceUrl", "liquibase.command.referenceUrl"))
          .password(defaults.setting("referencePassword", "liquibase.command.referencePassword"));
    } catch (UncheckedIOException e) {
      // an unreadable defaults file holds nothing Liquibase could print; Liquibase reports it itself
    }
  }

  /**
   * Resolves the database; never fails, so that help and {@code init} work with a broken URL.
   *
   * @param arguments the command line
   * @return the database, which reports a broken URL when it is used
   */
  static Target resolve(Arguments arguments) {
    String given = arguments.value("url");
    Settings.Value value = given != null ? new Settings.Value(given, "--url") : Settings.fromProcess().url();
    return new Target(value.value(), value.origin(), arguments);
  }

  /** @return what removes this database's secrets (and a stray LIQUIBASE_COMMAND_URL's) from output */
  Scrubber scrubber() {
    return scrubber;
  }

  /**
   * @return where the URL came from: {@code --url}, {@code REFLEX_DB_URL}, {@code system property ...} or {@code
   * default}
   */
  String origin() {
    return origin;
  }

  /** @return the URL as written, password masked */
  String masked() {
    return Secrets.mask(text);
  }

  /** @return the {@code --reference-url} of {@code diff} and {@code diff-changelog} as given, or {@code null} */
  String reference() {
    return reference;
  }

  /** @return whether the user gave {@code --url} on the command line, which wins over everything */
  boolean explicit() {
    return explicit;
  }

  /**
   * @return what {@link DatabaseUrl#noDatabaseNote()} says of the URL, or {@code null} when the URL names a database
   *     or does not parse
   */
  String noDatabaseNote() {
    return problem != null ? null : url.noDatabaseNote();
  }

  /**
   * @return {@code reflex-db: database postgresql://app:***@db/app (REFLEX_DB_URL)}, with the database the server
   *     picks when the URL names none, or {@code null} when the URL does not parse
   */
  String announcement() {
    if (problem != null) {
      return null;
    }
    String from = origin.equals("default") ? "the default: REFLEX_DB_URL is not set" : origin;
    String noDatabase = url.noDatabaseNote();
    return "reflex-db: database " + masked() + " (" + from + ")"
        + (noDatabase == null ? "" : ", which " + noDatabase.substring(noDatabase.indexOf(" names no database") + 1));
  }

  /** @return the parsed URL */
  DatabaseUrl require() {
    if (problem != null) {
      throw problem;
    }
    return url;
  }

  /** @return the JDBC URL Liquibase connects with: on SQLite, waiting for a writer's lock as the library does */
  String jdbcUrl() {
    return Pools.outsideThePool(require(), Settings.fromProcess().poolTimeout());
  }

  /** @return the user name, or {@code null} */
  String user() {
    return user;
  }

  /** @return the password, or {@code null}; never print it */
  String password() {
    return password;
  }

  /**
   * Returns the connection options for Liquibase's command line, as global options before the command
   * (Liquibase 4.33 moves them to the commands that take them): {@code --url} unless the user gave one,
   * and the URL's user and password unless the user gave those.
   *
   * @param arguments the user's command line
   * @return {@code --url=...}, {@code --username=...}, {@code --password=...} as needed
   */
  List<String> liquibaseOptions(Arguments arguments) {
    List<String> options = new ArrayList<>();
    DatabaseUrl parsed = require();
    if (!explicit) {
      options.add("--url=" + jdbcUrl());
    }
    if (parsed.user() != null && arguments.value("username") == null) {
      options.add("--username=" + parsed.user());
    }
    if (parsed.password() != null && arguments.value("password") == null) {
      options.add("--password=" + parsed.password());
    }
    return options;
  }
}
