package dev.reflex.db;

import dev.reflex.db.autogenerate.AutogenerateFailure;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs reflex-db's own commands, {@code init}, {@code check} and {@code revision}, with picocli: exit 0 when all is
 * well,
 * 1 on failure, 2 on a usage error, and one line, never a stack trace unless asked for.
 *
 * <p>Liquibase's options before the command work as they do before Liquibase's commands: its settings
 * ({@code --log-level}, {@code --log-file}, {@code --changelog-lock-wait-time-in-minutes}, ...) hold while the
 * command runs, and its command arguments ({@code --contexts}) count as the command's own where it has them.
 *
 * <p>Not thread-safe; used once.
 */
final class OwnCommands {
  /** Options that may stand before our commands: they are read wherever they are given. */
  private static final Set<String> BEFORE_COMMAND = Set.of("--verbose", "--log-level", "--url", "--username",
      "--password", "--changelog-file", "--defaults-file", "--search-path");

  private OwnCommands() {}

  /**
   * Runs {@code init}, {@code check} or {@code revision}.
   *
   * @param arguments the command line
   * @param target the database
   * @param output the scrubbing streams
   * @return the exit code
   */
  static int execute(Arguments arguments, Target target, Output output) {
    String command = arguments.command();
    Object handler = command.equals("init") ? new InitCommand(target)
        : command.equals("revision") ? new RevisionCommand(arguments, target) : new CheckCommand(arguments, target);
    CommandLine line = new CommandLine(handler).setCommandName("reflex-db " + command);
    Map<String, Object> settings = new HashMap<>();
    List<String> rest = new ArrayList<>();
    List<String> unknown = arguments.unknownOptionsBefore();
    if (!unknown.isEmpty()) {
      return usage(output, "unknown option " + unknown.get(0) + " before " + command, command);
    }
    for (OptionSpec option : arguments.liquibaseOptionsBefore()) {
      String key = LiquibaseOptions.configurationKey(option);
      String own = ownName(line, option);
      if (BEFORE_COMMAND.contains(option.names()[0])) {
        continue;
      }
      if (key != null) {
        settings.put(key, option.getValue());
      } else if (own != null) {
        rest.add(own + "=" + option.getValue());
      } else {
        return usage(output, "the option " + arguments.typedBefore(option) + " does not apply to " + command, command);
      }
    }
    rest.addAll(arguments.afterCommand());
    line.setOut(new PrintWriter(System.out, true));
    line.setParameterExceptionHandler((e, args) -> usage(output, e.getMessage(), command));
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof CommandFailure || e instanceof AutogenerateFailure) {
        output.report("reflex-db: " + e.getMessage());
      } else {
        output.report(Failure.fromException(e, command, target));
      }
      if (arguments.verbose()) {
        e.printStackTrace(System.err);
      }
      return 1;
    });
    try (Logging.LogFile logFile = Logging.toFile(arguments.value("log-file"), arguments.value("log-level"),
        target.scrubber())) {
      // Liquibase reads its settings from the scope, as its own command line sets them
      return Scope.child(settings, () -> line.execute(rest.toArray(String[]::new)));
    } catch (Exception e) {
      output.report(Failure.fromException(e, command, target));
      return 1;
    }
  }

  /** @return the name under which the command takes a Liquibase command argument, or {@code null} */
  private static String ownName(CommandLine line, OptionSpec option) {
    for (String name : option.names()) {
      if (line.getCommandSpec().findOption(name) != null) {
        return name;
      }
    }
    return null;
  }

  private static int usage(Output output, String problem, String command) {
    output.report("reflex-db: " + problem + "; run `reflex-db " + command + " --help` for its options");
    return 2;
  }
}
