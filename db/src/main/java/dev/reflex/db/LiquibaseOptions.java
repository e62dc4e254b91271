package dev.reflex.db;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandDefinition;
import liquibase.command.CommandFactory;
import liquibase.configuration.ConfigurationDefinition;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.integration.commandline.LiquibaseCommandLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Liquibase's options as picocli declarations: those it takes before the command, named as its own command
 * line names them (this class extends it for its {@code toArgNames}, nothing else), so that reflex-db finds
 * the command after them; and the options whose values reflex-db reads wherever they stand. Liquibase's
 * command line still parses every one of them itself.
 *
 * <p>Thread-safe (stateless); each call returns new declarations.
 */
final class LiquibaseOptions extends LiquibaseCommandLine {
  /** The Liquibase options whose values reflex-db reads, before or after the command. */
  private static final List<String> READ = List.of("url", "username", "password", "changelog-file", "defaults-file",
      "search-path", "log-level", "show-banner", "reference-url", "reference-username", "reference-password");

  private LiquibaseOptions() {}

  /** @return the options reflex-db reads, each in its kebab and camel spelling, taking one value */
  static List<OptionSpec> read() {
    List<OptionSpec> options = new ArrayList<>();
    for (String name : READ) {
      String camel = "--" + Commands.camelCase(name);
      options.add(option(camel.equals("--" + name) ? List.of(camel) : List.of("--" + name, camel)));
    }
    return options;
  }

  /**
   * Returns the options Liquibase takes before the command, every one taking one value as in Liquibase's
   * command line, and the options reflex-db reads; none named as one of reflex-db's own (a command's
   * {@code --verbose} is Liquibase's only after the command).
   *
   * @param own reflex-db's own options
   * @return the declarations
   */
  static List<OptionSpec> global(CommandSpec own) {
    List<OptionSpec> options = read();
    Set<String> taken = new LinkedHashSet<>();
    own.optionsMap().keySet().forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
    options.forEach(option -> List.of(option.names()).forEach(name -> taken.add(name.toLowerCase(Locale.ROOT))));
    LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
    for (ConfigurationDefinition<?> definition : configuration.getRegisteredDefinitions(false)) {
      add(options, taken, definition.getKey(), toArgNames(definition));
    }
    // Liquibase also takes its "legacy global arguments" (--driver, --contexts, ...) before the command: a
    // subset of the commands' arguments, which it keeps to itself
    for (CommandDefinition command : Scope.getCurrentScope().getSingleton(CommandFactory.class).getCommands(false)) {
      for (CommandArgumentDefinition<?> argument : command.getArguments().values()) {
        add(options, taken, null, toArgNames(argument));
      }
    }
    return options;
  }

  private static void add(List<OptionSpec> options, Set<String> taken, String key, String... spellings) {
    List<String> names = new ArrayList<>();
    for (String name : spellings) {
      if (taken.add(name.toLowerCase(Locale.ROOT))) {
        names.add(name);
      }
    }
    if (!names.isEmpty()) {
      options.add(option(names, key));
    }
  }

  /**
   * Returns the Liquibase configuration key an option before the command sets, such as
   * {@code liquibase.changelogLockWaitTimeInMinutes} for {@code --changelog-lock-wait-time-in-minutes}.
   *
   * @param option an option from {@link #global}
   * @return the key, or {@code null} for the options reflex-db reads and Liquibase's command arguments
   */
  static String configurationKey(OptionSpec option) {
    String key = option.descriptionKey();
    return key == null || key.isEmpty() ? null : key;
  }

  /**
   * Adds the declarations to a command line and parses as Liquibase does: names without case, the last of an
   * option given twice, and what is not declared kept for Liquibase.
   *
   * @param line the command line
   * @param options the declarations
   * @return the line
   */
  static CommandLine configure(CommandLine line, List<OptionSpec> options) {
    CommandSpec spec = line.getCommandSpec();
    options.forEach(spec::addOption);
    return line.setOptionsCaseInsensitive(true).setUnmatchedArgumentsAllowed(true).setOverwrittenOptionsAllowed(true);
  }

  /**
   * Returns the declared options that were given, as {@code --name=value} with the name as typed, and new
   * values where given.
   *
   * @param result what picocli parsed
   * @param replacements new values by option name without dashes, e.g. {@code changelog-file}
   * @return the options
   */
  static List<String> given(ParseResult result, Map<String, String> replacements) {
    List<String> line = new ArrayList<>();
    for (OptionSpec option : result.matchedOptions()) {
      if (Arguments.OWN.equals(option.userObject())) {
        continue; // reflex-db's own
      }
      String value = replacements.getOrDefault(option.names()[0].substring(2), option.getValue());
      line.add(typed(option, result.originalArgs()) + "=" + value);
    }
    return line;
  }

  /** Liquibase takes some options before the command in one spelling only, so the user's is kept. */
  static String typed(OptionSpec option, List<String> args) {
    for (String arg : args) {
      String name = arg.split("=", 2)[0];
      for (String declared : option.names()) {
        if (declared.equalsIgnoreCase(name)) {
          return name;
        }
      }
    }
    return option.names()[0];
  }

  private static OptionSpec option(List<String> names) {
    return option(names, null);
  }

  /** The configuration key rides in the description key, which nothing else here uses. */
  private static OptionSpec option(List<String> names, String key) {
    OptionSpec.Builder builder = OptionSpec.builder(names.toArray(String[]::new)).type(String.class).arity("1");
    if (key != null) {
      builder.descriptionKey(key);
    }
    return builder.build();
  }
}
