package dev.reflex.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line as reflex-db sees it before handing it on: where the command name is, our own
 * {@code --verbose} flag, and the options whose values reflex-db must know ({@code --url},
 * {@code --changelog-file}, ...). Option names are matched as Liquibase matches them: without case and
 * dashes, so {@code --changelog-file} and {@code --changeLogFile} are one option.
 *
 * <p>Immutable and thread-safe.
 */
final class Arguments {
  /** Options before the command that take no value; every other option there is followed by its value. */
  private static final Set<String> FLAGS = Set.of("-h", "--help", "--help-all", "-v", "-V", "--version", "--verbose");

  private final List<String> all;
  private final int commandIndex;

  private Arguments(List<String> all, int commandIndex) {
    this.all = all;
    this.commandIndex = commandIndex;
  }

  /**
   * Finds the command name: the first word that is neither an option nor an option's value.
   *
   * @param args the command line
   * @return the parsed arguments
   */
  static Arguments parse(String[] args) {
    List<String> all = List.of(args);
    int i = 0;
    while (i < all.size()) {
      String arg = all.get(i);
      if (!arg.startsWith("-")) {
        return new Arguments(all, i);
      }
      boolean takesValue = !arg.contains("=") && !FLAGS.contains(arg);
      i += takesValue ? 2 : 1;
    }
    return new Arguments(all, -1);
  }

  /** @return every argument as given */
  List<String> all() {
    return all;
  }

  /** @return the command name in lower case, or {@code null} when there is none */
  String command() {
    return commandIndex < 0 ? null : all.get(commandIndex).toLowerCase(Locale.ROOT);
  }

  /** @return the arguments after the command name */
  List<String> afterCommand() {
    return commandIndex < 0 ? List.of() : all.subList(commandIndex + 1, all.size());
  }

  /** @return whether the user asked for details: {@code --verbose} before the command, or any {@code --log-level} */
  boolean verbose() {
    return has("--verbose") || value("log-level") != null;
  }

  /**
   * Returns whether one of the given flags appears before the command name.
   *
   * @param flags e.g. {@code -h}, {@code --help}
   * @return whether one is there
   */
  boolean has(String... flags) {
    int end = commandIndex < 0 ? all.size() : commandIndex;
    for (String arg : all.subList(0, end)) {
      for (String flag : flags) {
        if (arg.equals(flag)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns the value of an option given anywhere on the line, as {@code --name=value} or {@code --name value}.
   *
   * @param name the option's name without dashes, e.g. {@code changelog-file}
   * @return the value, or {@code null} when the option is not given
   */
  String value(String name) {
    for (int i = 0; i < all.size(); i++) {
      String arg = all.get(i);
      if (!arg.startsWith("--")) {
        continue;
      }
      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg : arg.substring(0, equals);
      if (key(option).equals(key(name))) {
        if (equals >= 0) {
          return arg.substring(equals + 1);
        }
        return i + 1 < all.size() ? all.get(i + 1) : "";
      }
    }
    return null;
  }

  /**
   * Returns the line for Liquibase: our {@code --verbose} removed, and the values of some options replaced,
   * e.g. an explicit {@code --changelog-file} by its one canonical spelling.
   *
   * @param replacements new values by option name without dashes, e.g. {@code changelog-file}
   * @return Liquibase's arguments
   */
  List<String> forLiquibase(Map<String, String> replacements) {
    Map<String, String> byKey = new HashMap<>();
    replacements.forEach((name, value) -> byKey.put(key(name), value));
    List<String> result = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      String arg = all.get(i);
      if (arg.equals("--verbose") && (commandIndex < 0 || i < commandIndex)) {
        continue;
      }
      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg : arg.substring(0, equals);
      String replacement = arg.startsWith("--") ? byKey.get(key(option)) : null;
      if (replacement != null) {
        result.add(option + "=" + replacement);
        i += equals < 0 ? 1 : 0;
        continue;
      }
      result.add(arg);
    }
    return result;
  }

  private static String key(String option) {
    return option.replace("-", "").toLowerCase(Locale.ROOT);
  }
}
