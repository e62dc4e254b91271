package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line as declared to picocli: reflex-db's own global options, Liquibase's global options (see
 * {@link LiquibaseOptions}), then the command and its arguments, kept as typed for the command. Option names
 * are matched as Liquibase matches them: without case, in their kebab and camel spellings, so
 * {@code --changelog-file} and {@code --changeLogFile} are one option.
 *
 * <p>Immutable after {@link #parse} and thread-safe.
 */
final class Arguments {
  /** Marks reflex-db's own options, apart from Liquibase's. */
  static final String OWN = "reflex-db";

  private final List<String> all;
  private final ParseResult before;
  private final ParseResult after;

  private Arguments(List<String> all, ParseResult before, ParseResult after) {
    this.all = all;
    this.before = before;
    this.after = after;
  }

  /**
   * Returns reflex-db's own options, valid before the command only, and the command with what follows it:
   * declared by hand, not with annotations, whose reading (reflection, a proxy class for each annotation) costs a
   * JVM that has just started tens of milliseconds.
   */
  private static CommandSpec own() {
    CommandSpec spec = CommandSpec.create().name("reflex-db");
    spec.addOption(flag("Show Liquibase's full output and stack traces.", "--verbose"));
    spec.addOption(flag("Show the one-screen help.", "-h", "--help"));
    spec.addOption(flag("Liquibase's full help.", "--help-all"));
    spec.addOption(flag("Show the versions (also -v: names are matched without case).", "-V", "--version"));
    // the command name and everything after it: picocli stops at the first positional parameter
    spec.addPositional(PositionalParamSpec.builder().paramLabel("COMMAND").arity("0..*").type(List.class)
        .auxiliaryTypes(String.class).build());
    return spec;
  }

  private static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).arity("0").type(boolean.class).userObject(OWN).description(description).build();
  }

  /**
   * Parses a command line: the options before the command with reflex-db's and Liquibase's global options,
   * and, for the values reflex-db reads, the command's own arguments with {@link LiquibaseOptions#read()}.
   * Liquibase's global options are declared only where an option before the command needs them to be read: one
   * neither reflex-db's own nor one it reads. Declaring them asks Liquibase for every setting and every argument of
   * every command, about a tenth of a run, and the options most command lines give before the command
   * ({@code --url}, {@code --changelog-file}) are read the same way without them.
   *
   * @param args the command line
   * @return the parsed arguments
   * @throws CommandLine.ParameterException when an option lacks its value
   */
  static Arguments parse(String[] args) {
    return parse(args, false);
  }

  /**
   * Parses a command line, with Liquibase's global options declared where needed, or always.
   *
   * @param args the command line
   * @param everyOption whether to declare Liquibase's global options even where no option before the command
   *     needs them (for the tests that prove it makes no difference)
   * @return the parsed arguments
   */
  static Arguments parse(String[] args, boolean everyOption) {
    CommandLine global = new CommandLine(own());
    List<OptionSpec> read = LiquibaseOptions.read();
    boolean needed = everyOption || !onlyOwnOrReadBefore(args, global.getCommandSpec(), read);
    LiquibaseOptions.configure(global, needed ? LiquibaseOptions.global(global.getCommandSpec()) : read);
    global.setStopAtPositional(true);
    ParseResult before = global.parseArgs(args);
    List<String> command = commandAndAfter(before);
    String[] rest = command.isEmpty() ? new String[0] : command.subList(1, command.size()).toArray(String[]::new);
    CommandLine after = LiquibaseOptions.configure(new CommandLine(CommandSpec.create()), LiquibaseOptions.read());
    return new Arguments(List.of(args), before, after.parseArgs(rest));
  }

  private static List<String> commandAndAfter(ParseResult before) {
    return before.hasMatchedPositional(0) ? before.matchedPositional(0).stringValues() : List.of();
  }

  /**
   * Returns whether every argument before the command is one of reflex-db's own options or one it reads, given
   * as Liquibase's global options declared too would read it the same way: a flag alone, an option with its value
   * after {@code =}, or in the next argument when that does not start with a dash.
   */
  private static boolean onlyOwnOrReadBefore(String[] args, CommandSpec own, List<OptionSpec> read) {
    Map<String, OptionSpec> names = new HashMap<>();
    for (OptionSpec option : own.options()) {
      List.of(option.names()).forEach(name -> names.put(name.toLowerCase(Locale.ROOT), option));
    }
    for (OptionSpec option : read) {
      List.of(option.names()).forEach(name -> names.put(name.toLowerCase(Locale.ROOT), option));
    }
    for (int i = 0; i < args.length && args[i].startsWith("-"); i++) {
      String[] nameAndValue = args[i].split("=", 2);
      OptionSpec option = names.get(nameAndValue[0].toLowerCase(Locale.ROOT));
      if (option == null || option.arity().max() == 0 && nameAndValue.length == 2) {
        return false;
      }
      if (option.arity().max() > 0 && nameAndValue.length == 1) {
        i++;
        if (i == args.length || args[i].startsWith("-")) {
          return false;
        }
      }
    }
    return true;
  }

  /** @return every argument as given */
  List<String> all() {
    return all;
  }

  /** @return the command name in lower case, or {@code null} when there is none */
  String command() {
    List<String> command = commandAndAfter(before);
    return command.isEmpty() ? null : command.get(0).toLowerCase(Locale.ROOT);
  }

  /** @return the arguments after the command name, as typed */
  List<String> afterCommand() {
    List<String> command = commandAndAfter(before);
    return command.isEmpty() ? List.of() : command.subList(1, command.size());
  }

  /** @return whether the user asked for details: {@code --verbose} before the command, or any {@code --log-level} */
  boolean verbose() {
    return verboseOption() || value("log-level") != null;
  }

  /** @return whether {@code --verbose} stands before the command */
  boolean verboseOption() {
    return before.hasMatchedOption("--verbose");
  }

  /** @return whether {@code -h} or {@code --help} stands before the command */
  boolean help() {
    return before.hasMatchedOption("--help");
  }

  /** @return whether {@code --help-all} stands before the command */
  boolean helpAll() {
    return before.hasMatchedOption("--help-all");
  }

  /** @return whether {@code -V}, {@code -v} or {@code --version} stands before the command */
  boolean version() {
    return before.hasMatchedOption("--version");
  }

  /**
   * Returns the options given before the command, each by its first name, then those nobody declares as typed.
   *
   * @return e.g. {@code --verbose}, {@code --url}, {@code --log-file}, {@code --no-such-option}
   */
  List<String> optionsBefore() {
    List<String> names = new ArrayList<>();
    before.matchedOptions().forEach(option -> names.add(option.names()[0]));
    names.addAll(unknownOptionsBefore());
    return names;
  }

  /**
   * Returns the options given before the command that reflex-db and Liquibase declare, but for reflex-db's own
   * ({@code --verbose}, {@code --help}, ...).
   *
   * @return each option with its value
   */
  List<OptionSpec> liquibaseOptionsBefore() {
    List<OptionSpec> options = new ArrayList<>();
    before.matchedOptions().stream().filter(option -> !OWN.equals(option.userObject())).forEach(options::add);
    return options;
  }

  /**
   * @param option an option given before the command
   * @return its name as the user typed it, e.g. {@code --contexts} for Liquibase's {@code --context-filter}
   */
  String typedBefore(OptionSpec option) {
    return LiquibaseOptions.typed(option, before.originalArgs());
  }

  /** @return the options before the command that nobody declares, as typed */
  List<String> unknownOptionsBefore() {
    return before.unmatched().stream().filter(arg -> arg.startsWith("-")).map(arg -> arg.split("=", 2)[0]).toList();
  }

  /**
   * Returns the value of an option given before or after the command, as {@code --name=value} or
   * {@code --name value}.
   *
   * @param name the option's name without dashes, e.g. {@code changelog-file}
   * @return the value, or {@code null} when the option is not given
   */
  String value(String name) {
    String given = before.matchedOptionValue("--" + name, null);
    return given != null ? given : after.matchedOptionValue("--" + name, null);
  }

  /**
   * Resolves the changelog this command line names: {@code --changelog-file}, else the defaults file, else the
   * default path.
   *
   * @return the changelog
   */
  Changelog changelog() {
    return Changelog.resolve(value("changelog-file"), value("defaults-file"), value("search-path"));
  }

  /**
   * Returns the line for Liquibase: our own options removed, the arguments reflex-db does not read as typed,
   * and the options it reads as {@code --name=value}, some with new values, e.g. an explicit
   * {@code --changelog-file} in its one canonical spelling.
   *
   * @param replacements new values by option name without dashes, e.g. {@code changelog-file}
   * @return Liquibase's arguments
   */
  List<String> forLiquibase(Map<String, String> replacements) {
    List<String> line = new ArrayList<>(before.unmatched());
    line.addAll(LiquibaseOptions.given(before, replacements));
    List<String> command = commandAndAfter(before);
    if (!command.isEmpty()) {
      line.add(command.get(0));
    }
    line.addAll(after.unmatched());
    line.addAll(LiquibaseOptions.given(after, replacements));
    return line;
  }
}
