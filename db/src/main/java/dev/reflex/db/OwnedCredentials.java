package dev.reflex.db;

import java.util.Locale;
import liquibase.command.CommandScope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.ProvidedValue;

/**
 * The user and password of the database reflex-db works on, given to Liquibase above every other source of its
 * configuration. {@code REFLEX_DB_URL} owns the URL, the user and the password as one unit: a URL without a
 * password means no password, not the one in {@code liquibase.properties} or {@code LIQUIBASE_COMMAND_PASSWORD},
 * and a URL without a user means the driver's default user, as in the application. Liquibase takes an empty
 * value for "not set" and would go on to the next source, so the value is provided here instead of on its command
 * line. A {@code --username} or {@code --password} the user gives on the command line is not overridden.
 *
 * <p>Immutable and thread-safe.
 */
final class OwnedCredentials implements ConfigurationValueProvider {
  private static final String SOURCE = "the database URL of reflex-db";

  private final boolean ownsUser;
  private final String user;
  private final boolean ownsPassword;
  private final String password;

  /**
   * Creates the provider.
   *
   * @param ownsUser whether to provide the user (the user gave no {@code --username})
   * @param user the user, {@code null} for the driver's default
   * @param ownsPassword whether to provide the password (the user gave no {@code --password})
   * @param password the password, {@code null} for none
   */
  OwnedCredentials(boolean ownsUser, String user, boolean ownsPassword, String password) {
    this.ownsUser = ownsUser;
    this.user = user;
    this.ownsPassword = ownsPassword;
    this.password = password;
  }

  @Override
  public int getPrecedence() {
    return Integer.MAX_VALUE;
  }

  @Override
  public ProvidedValue getProvidedValue(String... keyAndAliases) {
    for (String key : keyAndAliases) {
      if (ownsUser && isCommandSetting(key, "username")) {
        return new ProvidedValue(keyAndAliases[0], key, user, SOURCE, this);
      }
      if (ownsPassword && isCommandSetting(key, "password")) {
        return new ProvidedValue(keyAndAliases[0], key, password, SOURCE, this);
      }
    }
    return null;
  }

  @Override
  public void validate(CommandScope commandScope) {
    // nothing to check: the values come from the URL, which is checked when it is parsed
  }

  /** {@code liquibase.command.username} or {@code liquibase.command.update.username}, not {@code referenceUsername}. */
  static boolean isCommandSetting(String key, String name) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.startsWith("liquibase.command.") && lower.endsWith("." + name);
  }
}
