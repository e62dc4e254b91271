package dev.reflex.db;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Runs reflex-db's own commands, {@code init}, {@code check} and {@code revision}, with picocli: exit 0 when all is
 * well,
 * 1 on failure, 2 on a usage error, and one line, never a stack trace unless asked for.
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
    for (String option : arguments.optionsBefore()) {
      if (!BEFORE_COMMAND.contains(option)) {
        output.report("reflex-db: unknown option " + option + " before " + command + "; run `reflex-db "
            + command + " --help` for its options");
        return 2;
      }
    }
    Object handler = command.equals("init") ? new InitCommand(target)
        : command.equals("revision") ? new RevisionCommand(arguments, target) : new CheckCommand(arguments, target);
    CommandLine line = new CommandLine(handler).setCommandName("reflex-db " + command);
    line.setOut(new PrintWriter(System.out, true));
    line.setParameterExceptionHandler((e, args) -> {
      output.report("reflex-db: " + e.getMessage() + "; run `reflex-db " + command + " --help` for its options");
      return 2;
    });
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof CommandFailure) {
        output.report("reflex-db: " + e.getMessage());
      } else {
        output.report(Failure.fromException(e, command, target));
      }
      if (arguments.verbose()) {
        e.printStackTrace(System.err);
      }
      return 1;
    });
    List<String> rest = arguments.afterCommand();
    return line.execute(rest.toArray(String[]::new));
  }
}
