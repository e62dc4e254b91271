package dev.reflex.db;

import java.io.PrintStream;
import java.util.Set;

/**
 * The {@code reflex-db} entry point: routes {@code init}, {@code check} and {@code revision} to our commands, help and version
 * to our own texts, and everything else to Liquibase's command line.
 *
 * <p>Not thread-safe: it owns the process's standard streams while it runs.
 */
public final class ReflexDb {
  /** Our own commands; every other command name belongs to Liquibase. */
  static final Set<String> OWN_COMMANDS = Set.of("init", "check", "revision");

  private ReflexDb() {}

  /**
   * Runs reflex-db and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs reflex-db with the process's standard streams wrapped, so that no password is ever printed.
   *
   * @param args the command line
   * @return 0 on success, 1 on failure, 2 on a usage error (Liquibase's own codes for its commands)
   */
  public static int run(String[] args) {
    Arguments arguments = Arguments.parse(args);
    Target database = Target.resolve(arguments);
    PrintStream out = System.out;
    PrintStream err = System.err;
    Output output = new Output(out, err, database.scrubber(), arguments.verbose());
    System.setOut(output.out());
    System.setErr(output.err());
    Logging.configure(arguments.value("log-level"), arguments.verbose());
    try {
      return dispatch(arguments, database, output);
    } finally {
      output.flush();
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static int dispatch(Arguments arguments, Target database, Output output) {
    String command = arguments.command();
    if (command == null && arguments.has("-V", "-v", "--version")) {
      Help.printVersion(System.out);
      return 0;
    }
    if (command == null && (arguments.has("-h", "--help") || arguments.all().isEmpty())) {
      Help.printUsage(System.out);
      return arguments.all().isEmpty() ? 2 : 0;
    }
    if (command != null && OWN_COMMANDS.contains(command)) {
      return OwnCommands.execute(arguments, database, output);
    }
    return new LiquibaseRun(arguments, database, output).execute();
  }
}
