package dev.reflex.db;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.configuration.ConfigurationDefinition;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.integration.commandline.LiquibaseCommandLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Liquibase's options as picocli declarations: its global options, named as Liquibase's own command line
 * names them, so that reflex-db finds the command after them; and the options whose values reflex-db reads
 * wherever they stand. Liquibase's command line still parses every one of them itself.
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
      options.add(option(new ArrayList<>(new LinkedHashSet<>(List.of("--" + name, "--" + Commands.camelCase(name))))));
    }
    return options;
  }

  /**
   * Returns Liquibase's global options, every one taking one value as in Liquibase's command line, and the
   * options reflex-db reads.
   *
   * @return the declarations
   */
  static List<OptionSpec> global() {
    List<OptionSpec> options = read();
    Set<String> taken = new LinkedHashSet<>();
    options.forEach(option -> List.of(option.names()).forEach(name -> taken.add(name.toLowerCase(Locale.ROOT))));
    LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
    for (ConfigurationDefinition<?> definition : configuration.getRegisteredDefinitions(false)) {
      List<String> names = new ArrayList<>();
      for (String name : toArgNames(definition)) {
        if (taken.add(name.toLowerCase(Locale.ROOT))) {
          names.add(name);
        }
      }
      if (!names.isEmpty()) {
        options.add(option(names));
      }
    }
    return options;
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
   * Returns the declared options that were given, as {@code --name=value}, with new values where given.
   *
   * @param result what picocli parsed
   * @param replacements new values by option name without dashes, e.g. {@code changelog-file}
   * @return the options, in Liquibase's spelling
   */
  static List<String> given(ParseResult result, Map<String, String> replacements) {
    List<String> line = new ArrayList<>();
    for (OptionSpec option : result.matchedOptions()) {
      if (option.userObject() != null) {
        continue; // reflex-db's own, declared by annotations
      }
      String name = option.names()[0];
      String value = replacements.getOrDefault(name.substring(2), option.getValue());
      line.add(name + "=" + value);
    }
    return line;
  }

  private static OptionSpec option(List<String> names) {
    return OptionSpec.builder(names.toArray(String[]::new)).type(String.class).arity("1").build();
  }
}
