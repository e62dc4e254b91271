package dev.reflex.db;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --reference-url} of Liquibase's {@code diff} and {@code diff-changelog} in any form reflex-orm accepts
 * ({@code postgresql://user:secret@host/db}), handed to Liquibase as a JDBC URL with its user and password as
 * {@code --reference-username} and {@code --reference-password}, and masked in all output like the target's.
 *
 * <p>Thread-safe (stateless).
 */
final class ReferenceUrl {
  private ReferenceUrl() {}

  /**
   * Rewrites the user's {@code --reference-url}, if any.
   *
   * @param arguments the user's command line
   * @param scrubber where the reference's secrets are added
   * @param replacements receives the JDBC form of the URL
   * @param line receives the reference's user and password, as options before the command
   */
  static void apply(Arguments arguments, Scrubber scrubber, Map<String, String> replacements, List<String> line) {
    String given = arguments.value("reference-url");
    if (given == null || given.isBlank()) {
      return;
    }
    scrubber.url(given);
    if (given.toLowerCase(Locale.ROOT).startsWith("hibernate:")) {
      throw new CommandFailure("reflex-db has no liquibase-hibernate (it does not work with Hibernate 7 on Liquibase"
          + " 4.33); run `reflex-db revision --autogenerate -m MESSAGE --entities PACKAGE` to compare the entities"
          + " with the database");
    }
    DatabaseUrl parsed = UrlParser.parse(given);
    scrubber.url(parsed.jdbcUrlWithParameters()).password(parsed.password());
    replacements.put("reference-url", parsed.jdbcUrlWithParameters());
    if (parsed.user() != null && arguments.value("reference-username") == null) {
      line.add("--reference-username=" + parsed.user());
    }
    if (parsed.password() != null && arguments.value("reference-password") == null) {
      line.add("--reference-password=" + parsed.password());
    }
  }
}
