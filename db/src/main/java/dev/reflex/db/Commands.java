package dev.reflex.db;

import java.util.Locale;
import liquibase.Scope;
import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandDefinition;
import liquibase.command.CommandFactory;

/**
 * What reflex-db asks of Liquibase's command definitions, so that it never keeps a list of its own.
 *
 * <p>Thread-safe (stateless).
 */
final class Commands {
  private Commands() {}

  /**
   * Returns whether a Liquibase command cannot run without a changelog.
   *
   * @param command the command as typed, e.g. {@code update-sql}, or {@code null}
   * @return {@code true} when Liquibase declares the changelog a required argument of the command
   */
  static boolean needsChangelog(String command) {
    if (command == null) {
      return false;
    }
    try {
      CommandDefinition definition = Scope.getCurrentScope().getSingleton(CommandFactory.class)
          .getCommandDefinition(camelCase(command));
      CommandArgumentDefinition<?> changelog = definition.getArguments().get("changelogFile");
      return changelog != null && changelog.isRequired();
    } catch (IllegalArgumentException e) {
      // not a command Liquibase knows: it says so itself, with its suggestions
      return false;
    }
  }

  /**
   * Returns whether a Liquibase command connects to the database.
   *
   * @param command the command as typed, e.g. {@code update}
   * @return {@code true} when Liquibase declares a database URL among the command's arguments
   */
  static boolean connects(String command) {
    try {
      return Scope.getCurrentScope().getSingleton(CommandFactory.class).getCommandDefinition(camelCase(command))
          .getArguments().containsKey("url");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Returns whether Liquibase has a command of this name.
   *
   * @param command the command as typed, e.g. {@code update-sql}
   * @return {@code true} when Liquibase defines it
   */
  static boolean exists(String command) {
    try {
      Scope.getCurrentScope().getSingleton(CommandFactory.class).getCommandDefinition(camelCase(command));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** @return the command's name in Liquibase's camel case: {@code update-sql} is {@code updateSql} */
  static String camelCase(String command) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : command.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
