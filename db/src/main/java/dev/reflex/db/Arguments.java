package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The command line as declared to picocli: reflex-db's own global options, Liquibase's global options (see
 * {@link LiquibaseOptions}), then the command and its arguments, kept as typed for the command. Option names
 * are matched as Liquibase matches them: without case, in their kebab and camel spellings, so
 * {@code --changelog-file} and {@code --changeLogFile} are one option.
 *
 * <p>Immutable after {@link #parse} and thread-safe.
 */
@Command(name = "reflex-db")
final class Arguments {
  @Option(names = "--verbose", description = "Show Liquibase's full output and stack traces.")
  private boolean verbose;

  @Option(names = {"-h", "--help"}, description = "Show the one-screen help.")
  private boolean help;

  @Option(names = "--help-all", description = "Liquibase's full help.")
  private boolean helpAll;

  @Option(names = {"-V", "--version"}, description = "Show the versions (also -v: names are matched without case).")
  private boolean version;

  /** The command name and everything after it: picocli stops at the first positional parameter. */
  @Parameters(paramLabel = "COMMAND")
  private List<String> command = new ArrayList<>();

  /** Options before the command that neither reflex-db nor Liquibase knows: Liquibase reports them. */
  @Unmatched
  private List<String> unknownBefore = new ArrayList<>();

  private List<String> all = List.of();
  private ParseResult before;
  private ParseResult after;

  private Arguments() {}

  /**
   * Parses a command line: the options before the command with reflex-db's and Liquibase's global options,
   * and, for the values reflex-db reads, the command's own arguments with {@link LiquibaseOptions#read()}.
   *
   * @param args the command line
   * @return the parsed arguments
   * @throws CommandLine.ParameterException when an option lacks its value
   */
  static Arguments parse(String[] args) {
    Arguments arguments = new Arguments();
    CommandLine global = new CommandLine(arguments);
    LiquibaseOptions.configure(global, LiquibaseOptions.global(global.getCommandSpec()));
    global.setStopAtPositional(true);
    arguments.all = List.of(args);
    arguments.before = global.parseArgs(args);
    CommandLine read = LiquibaseOptions.configure(new CommandLine(CommandSpec.create()), LiquibaseOptions.read());
    arguments.after = read.parseArgs(arguments.afterCommand().toArray(String[]::new));
    return arguments;
  }

  /** @return every argument as given */
  List<String> all() {
    return all;
  }

  /** @return the command name in lower case, or {@code null} when there is none */
  String command() {
    return command.isEmpty() ? null : command.get(0).toLowerCase(Locale.ROOT);
  }

  /** @return the arguments after the command name, as typed */
  List<String> afterCommand() {
    return command.isEmpty() ? List.of() : command.subList(1, command.size());
  }

  /** @return whether the user asked for details: {@code --verbose} before the command, or any {@code --log-level} */
  boolean verbose() {
    return verbose || value("log-level") != null;
  }

  /** @return whether {@code --verbose} stands before the command */
  boolean verboseOption() {
    return verbose;
  }

  /** @return whether {@code -h} or {@code --help} stands before the command */
  boolean help() {
    return help;
  }

  /** @return whether {@code --help-all} stands before the command */
  boolean helpAll() {
    return helpAll;
  }

  /** @return whether {@code -V}, {@code -v} or {@code --version} stands before the command */
  boolean version() {
    return version;
  }

  /**
   * Returns the options given before the command, each by its first name, then those nobody declares as typed.
   *
   * @return e.g. {@code --verbose}, {@code --url}, {@code --log-file}, {@code --no-such-option}
   */
  List<String> optionsBefore() {
    List<String> names = new ArrayList<>();
    before.matchedOptions().forEach(option -> names.add(option.names()[0]));
    unknownBefore.stream().filter(arg -> arg.startsWith("-")).forEach(arg -> names.add(arg.split("=", 2)[0]));
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
    before.matchedOptions().stream().filter(option -> option.userObject() == null).forEach(options::add);
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
    return unknownBefore.stream().filter(arg -> arg.startsWith("-")).map(arg -> arg.split("=", 2)[0]).toList();
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
    List<String> line = new ArrayList<>(unknownBefore);
    line.addAll(LiquibaseOptions.given(before, replacements));
    if (!command.isEmpty()) {
      line.add(command.get(0));
    }
    line.addAll(after.unmatched());
    line.addAll(LiquibaseOptions.given(after, replacements));
    return line;
  }
}
