package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The other places Liquibase would take the database, the user or the password from, when reflex-db takes all
 * three from its own URL: {@code LIQUIBASE_COMMAND_URL}, {@code LIQUIBASE_COMMAND_USERNAME},
 * {@code LIQUIBASE_COMMAND_PASSWORD} and the same settings in the defaults file. Each that says something else is
 * named once, in one warning, a password as {@value Secrets#MASK}.
 *
 * <p>Thread-safe (stateless).
 */
final class IgnoredSources {
  private IgnoredSources() {}

  /**
   * Returns the warning line, or {@code null} when no other source says anything else.
   *
   * @param target the database, from the URL
   * @param arguments the command line: a {@code --username} or {@code --password} given there is not ignored
   * @param changelog the defaults file's settings
   * @return {@code reflex-db: warning: ...}, or {@code null}
   */
  static String warning(Target target, Arguments arguments, Changelog changelog) {
    DatabaseUrl url = target.require();
    List<String> ignored = new ArrayList<>();
    String defaults = " in " + Changelog.DEFAULTS_FILE;
    String jdbcUrl = url.jdbcUrlWithParameters();
    addIfOther(ignored, "LIQUIBASE_COMMAND_URL", System.getenv("LIQUIBASE_COMMAND_URL"), jdbcUrl, false);
    addIfOther(ignored, "url" + defaults, changelog.setting("url", "liquibase.command.url"), jdbcUrl, false);
    if (arguments.value("username") == null) {
      addIfOther(ignored, "LIQUIBASE_COMMAND_USERNAME", System.getenv("LIQUIBASE_COMMAND_USERNAME"), target.user(),
          false);
      addIfOther(ignored, "username" + defaults, changelog.setting("username", "liquibase.command.username"),
          target.user(), false);
    }
    if (arguments.value("password") == null) {
      addIfOther(ignored, "LIQUIBASE_COMMAND_PASSWORD", System.getenv("LIQUIBASE_COMMAND_PASSWORD"),
          target.password(), true);
      addIfOther(ignored, "password" + defaults, changelog.setting("password", "liquibase.command.password"),
          target.password(), true);
    }
    if (ignored.isEmpty()) {
      return null;
    }
    return "reflex-db: warning: " + String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
        + " ignored; using " + target.origin() + " (" + url.masked() + ") for the database, user and password;"
        + " pass --url (with --username, --password) to choose another database";
  }

  private static void addIfOther(List<String> ignored, String name, String value, String used, boolean secret) {
    if (value == null || value.isBlank() || Objects.equals(value.strip(), used)) {
      return;
    }
    ignored.add(name + " (" + (secret ? Secrets.MASK : Secrets.mask(value.strip())) + ")");
  }
}
