package dev.reflex.db;

import dev.reflex.orm.internal.Secrets;
import dev.reflex.orm.migrations.internal.ChangelogLock;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * The {@code reflex-db} entry point: routes {@code init}, {@code check} and {@code revision} to our commands,
 * help and version to our own texts ({@code help [liquibase|COMMAND]} too), and everything else to Liquibase's
 * command line.
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
    startProcess();
    System.exit(run(args));
  }

  /**
   * What a process that runs reflex-db does first, before Liquibase or a driver is used: shows Liquibase's command
   * line one command ({@link CommandFocus}), and points the SQLite driver at the launcher's copy of its native
   * library ({@link SqliteLibrary}). Only the time a command takes changes.
   */
  static void startProcess() {
    CommandFocus.install();
    SqliteLibrary.useKeptCopy();
  }

  /**
   * Runs reflex-db with the process's standard streams wrapped, so that no password is ever printed.
   *
   * @param args the command line
   * @return 0 on success, 1 on failure, 2 on a usage error (Liquibase's own codes for its commands)
   */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  /**
   * Runs reflex-db in a process that goes on afterwards (the Maven plugin): what it prints goes to the streams
   * given, scrubbed of secrets as on the console, and the process's own streams and logging level are put back
   * when it returns. Its one-line failure is the last line that starts with {@code reflex-db: } on {@code err}.
   *
   * @param args the command line, as typed after {@code reflex-db}
   * @param out where its standard output goes
   * @param err where its standard error goes
   * @return 0 on success, 1 on failure, 2 on a usage error (Liquibase's own codes for its commands)
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintStream processOut = System.out;
    PrintStream processErr = System.err;
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    try {
      Logging.configure(null, false);
      // before Liquibase writes a lock row, so that the row names this JVM and LockCheck can tell it is this run's
      ChangelogLock.markThisJvm();
      Arguments arguments;
      try {
        arguments = Arguments.parse(args);
      } catch (CommandLine.ParameterException e) {
        err.println("reflex-db: " + Secrets.mask(e.getMessage()) + "; run `reflex-db --help` for the options");
        return 2;
      }
      Target database = Target.resolve(arguments);
      Output output = new Output(out, err, database.scrubber(), arguments.verbose());
      System.setOut(output.out());
      System.setErr(output.err());
      Logging.configure(arguments.value("log-level"), arguments.verbose());
      try {
        return dispatch(arguments, database, output);
      } finally {
        output.flush();
      }
    } finally {
      System.setOut(processOut);
      System.setErr(processErr);
      root.setLevel(level);
    }
  }

  private static int dispatch(Arguments arguments, Target database, Output output) {
    String command = arguments.command();
    if (command == null && arguments.version()) {
      Help.printVersion(System.out);
      return 0;
    }
    if (command == null && arguments.helpAll()) {
      return Help.printLiquibaseHelp();
    }
    if (command == null && (arguments.help() || arguments.all().isEmpty())) {
      Help.printUsage(System.out);
      return arguments.all().isEmpty() ? 2 : 0;
    }
    if ("help".equals(command)) {
      return help(arguments.afterCommand(), database, output);
    }
    if (command != null && !OWN_COMMANDS.contains(command)
        && (arguments.afterCommand().contains("--help") || arguments.afterCommand().contains("-h"))) {
      // a command's help needs neither a changelog nor a database
      return commandHelp(command, output);
    }
    if (command != null && OWN_COMMANDS.contains(command)) {
      if (!command.equals("init")) {
        announce(database, output);
      }
      return OwnCommands.execute(arguments, database, output);
    }
    if (command != null && !Commands.exists(command)) {
      return unknownCommand(command, output);
    }
    if (command != null && Commands.connects(command)) {
      announce(database, output);
    }
    return new LiquibaseRun(arguments, database, output).execute();
  }

  /**
   * Says on standard error, before a command connects, which database the server picks when the URL names none
   * (PostgreSQL: the one named as the user, which went unsaid): one line, on every command that connects. A URL that
   * names its database, or does not parse (the command's failure names it), says nothing here.
   */
  private static void announce(Target database, Output output) {
    String note = database.noDatabaseNote();
    if (note != null) {
      output.report("reflex-db: " + note);
    }
  }

  /** {@code reflex-db help}, {@code help liquibase}, {@code help COMMAND}. */
  private static int help(List<String> topic, Target database, Output output) {
    if (topic.isEmpty()) {
      Help.printUsage(System.out);
      return 0;
    }
    if (topic.get(0).equalsIgnoreCase("liquibase")) {
      return Help.printLiquibaseHelp();
    }
    if (OWN_COMMANDS.contains(topic.get(0))) {
      return OwnCommands.execute(Arguments.parse(new String[] {topic.get(0), "--help"}), database, output);
    }
    return commandHelp(topic.get(0), output);
  }

  private static int commandHelp(String command, Output output) {
    if (!Commands.exists(command)) {
      return unknownCommand(command, output);
    }
    return Help.printCommandHelp(command);
  }

  /** A usage error, as picocli's are: exit 2, before Liquibase starts or a database is opened. */
  private static int unknownCommand(String command, Output output) {
    output.report("reflex-db: unknown command " + command + "; run `reflex-db --help` for the commands");
    return 2;
  }
}
