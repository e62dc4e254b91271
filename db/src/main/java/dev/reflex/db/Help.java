package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import liquibase.integration.commandline.LiquibaseCommandLine;
import liquibase.util.LiquibaseUtil;

/**
 * {@code reflex-db --help}, {@code --help-all}, {@code COMMAND --help} and {@code --version}: ours first, a
 * screen long, with Liquibase's full help one option away.
 *
 * <p>Thread-safe (stateless).
 */
final class Help {
  private Help() {}

  /** reflex-db's own commands, then the Liquibase commands most projects use: name and one line each. */
  private static final String[][] OWN = {
    {"init", "Write liquibase.properties and a first changelog."},
    {"check", "Exit 0 if up to date, else 1 listing what is pending."},
    {"revision", "Write a new changelog file (-m MESSAGE), included in the"},
    {"", "master; --autogenerate fills it from Hibernate entities."},
  };
  private static final String[][] LIQUIBASE = {
    {"update", "Apply the pending changesets."},
    {"update-sql", "Print the SQL update would run; run nothing."},
    {"status", "List the changesets not applied yet."},
    {"history", "List the changesets applied, and when."},
    {"validate", "Check the changelog for errors."},
    {"tag", "Name the current state (--tag=NAME)."},
    {"rollback", "Undo the changesets after a tag (--tag=NAME)."},
    {"rollback-count", "Undo the last N changesets (--count=N)."},
    {"generate-changelog", "Write the schema as a new changelog, never over"},
    {"", "a file: before init, or --changelog-file=NEW.yaml."},
    {"diff-changelog", "Write what --reference-url has more as changesets."},
    {"changelog-sync", "Record every changeset as applied; run nothing."},
    {"release-locks", "Free the lock a killed run left behind."},
  };

  private static final String[][] OPTIONS = {
    {"--url=URL", "This database (reflex-orm or jdbc: URL) instead."},
    {"--changelog-file=F", "This changelog instead."},
    {"--verbose", "Show Liquibase's full output and stack traces."},
    {"-V, --version", "Show the versions of reflex-db, Liquibase and Java."},
    {"-h, --help", "Show this help. COMMAND --help: a command's options."},
    {"--help-all", "Liquibase's full help, every command and option"},
    {"", "(also: reflex-db help liquibase)."},
  };

  /**
   * Prints reflex-db's short help: our commands, the Liquibase commands used most, the main options; one
   * screen, with Liquibase's full help one option away.
   *
   * @param out where to print
   */
  static void printUsage(PrintStream out) {
    out.println("Usage: reflex-db [--verbose] [GLOBAL OPTIONS] COMMAND [COMMAND OPTIONS]");
    out.println();
    out.println("Runs Liquibase on the database of --url, else the system property");
    out.println("reflex.db.url, else REFLEX_DB_URL, else sqlite:///reflex.db, with the changelog");
    out.println("named in liquibase.properties, else " + Changelog.DEFAULT_PATH + ".");
    out.println();
    out.println("reflex-db commands:");
    list(out, OWN);
    out.println();
    out.println("Liquibase commands used most (every Liquibase command works):");
    list(out, LIQUIBASE);
    out.println();
    out.println("Options:");
    list(out, OPTIONS);
    out.println();
    out.println("Exit codes: 0 ok, 1 failure, 2 usage error.");
  }

  private static void list(PrintStream out, String[][] commands) {
    for (String[] command : commands) {
      out.println(String.format("  %-22s%s", command[0], command[1]).stripTrailing());
    }
  }

  /**
   * Prints Liquibase's own full help, every command and global option, after a line saying whose it is.
   *
   * @return Liquibase's exit code
   */
  static int printLiquibaseHelp() {
    System.out.println("Liquibase's own help follows; with reflex-db, type reflex-db where it says liquibase.");
    System.out.println();
    System.out.flush();
    return new LiquibaseCommandLine().execute(new String[] {"--show-banner=false", "--help"});
  }

  /**
   * Prints one Liquibase command's help. Needs no changelog and no database: nothing is read but the
   * command's definition.
   *
   * @param command the command, as typed
   * @return Liquibase's exit code
   */
  static int printCommandHelp(String command) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      exitCode = CommandFocus.on(command, LiquibaseCommandLine::new)
          .execute(new String[] {"--show-banner=false", command, "--help"});
    } finally {
      System.setOut(out);
    }
    out.print(forReflexDb(captured.toString(StandardCharsets.UTF_8)));
    out.flush();
    return exitCode;
  }

  /**
   * Liquibase's help for one command, as reflex-db runs it: the usage line names reflex-db, a first line says where
   * the database and the changelog come from, and {@code --url} and {@code --changelog-file} lose the
   * {@code [REQUIRED]} Liquibase gives them, since reflex-db always supplies both.
   */
  static String forReflexDb(String liquibaseHelp) {
    StringBuilder help = new StringBuilder();
    String nl = System.lineSeparator();
    help.append("reflex-db runs Liquibase's command on the database of --url, else the system")
        .append(nl).append("property reflex.db.url, else REFLEX_DB_URL, else sqlite:///reflex.db, with the changelog")
        .append(nl).append("named in liquibase.properties, else ").append(Changelog.DEFAULT_PATH).append(":")
        .append(nl).append("--url and --changelog-file are optional.").append(nl).append(nl);
    for (String line : liquibaseHelp.split("\\R", -1)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("--url=") || trimmed.startsWith("--changelog-file=")) {
        line = line.replace(" [REQUIRED]", " [reflex-db: optional]");
      }
      help.append(line.replaceFirst("^Usage: liquibase ", "Usage: reflex-db ")).append(nl);
    }
    help.setLength(help.length() - nl.length());
    return help.toString();
  }

  /**
   * Prints reflex-db's version and Liquibase's.
   *
   * @param out where to print
   */
  static void printVersion(PrintStream out) {
    String own = Help.class.getPackage().getImplementationVersion();
    out.println("reflex-db " + (own != null ? own : "(development build)"));
    out.println("Liquibase " + LiquibaseUtil.getBuildVersion());
    out.println("Java " + Runtime.version());
  }
}
