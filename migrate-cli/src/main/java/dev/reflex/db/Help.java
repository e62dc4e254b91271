package dev.reflex.db;

import java.io.PrintStream;
import liquibase.integration.commandline.LiquibaseCommandLine;
import liquibase.util.LiquibaseUtil;

/**
 * {@code reflex-db --help} and {@code --version}: ours first, then Liquibase's.
 *
 * <p>Thread-safe (stateless).
 */
final class Help {
  private Help() {}

  /**
   * Prints our commands, how the database is found, then Liquibase's own help.
   *
   * @param out where to print
   */
  static void printUsage(PrintStream out) {
    out.println("Usage: reflex-db [--verbose] [LIQUIBASE GLOBAL OPTIONS] COMMAND [COMMAND OPTIONS]");
    out.println();
    out.println("Runs Liquibase on the database of REFLEX_DB_URL (then system property reflex.db.url,");
    out.println("default sqlite:///reflex.db), with the changelog of liquibase.properties, else");
    out.println(Changelog.DEFAULT_PATH + ". An explicit --url wins. Exit codes: 0 ok, 1 failure, 2 usage.");
    out.println();
    out.println("reflex-db commands:");
    out.println("  init      Write liquibase.properties and a first changelog (--force overwrites).");
    out.println("  check     Exit 0 when the database is up to date, 1 listing the pending changesets.");
    out.println("  revision  Write a new changelog file (-m MESSAGE) and include it in the master changelog;");
    out.println("            --autogenerate fills it from the Hibernate entities (see revision --help).");
    out.println();
    out.println("  --verbose       Show Liquibase's full output and stack traces.");
    out.println("  -V, --version   Show the versions of reflex-db and Liquibase.");
    out.println();
    out.println("Every other command is Liquibase's own (update, status, history, rollback-count, ...):");
    out.flush();
    new LiquibaseCommandLine().execute(new String[] {"--help"});
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
