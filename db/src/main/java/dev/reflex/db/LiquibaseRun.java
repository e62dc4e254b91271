package dev.reflex.db;

import dev.reflex.orm.migrations.internal.LiquibaseSays;
import dev.reflex.orm.migrations.internal.Changelog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.integration.commandline.LiquibaseCommandLine;

/**
 * Runs one of Liquibase's own commands in-process through Liquibase's own command line, so that its
 * options, output and exit codes are Liquibase's, with the database and the changelog filled in as
 * global options in front of the user's line.
 *
 * <p>Not thread-safe; used once.
 */
final class LiquibaseRun {
  private static final String DATABASECHANGELOG = "DATABASECHANGELOG";
  private final Arguments arguments;
  private final Target target;
  private final Output output;

  /**
   * Prepares the run.
   *
   * @param arguments the user's command line
   * @param target the database
   * @param output the scrubbing streams, already installed as {@code System.out} and {@code System.err}
   */
  LiquibaseRun(Arguments arguments, Target target, Output output) {
    this.arguments = arguments;
    this.target = target;
    this.output = output;
  }

  /**
   * @return Liquibase's exit code, or 1 when reflex-db finds a problem before Liquibase runs, or when the command
   *     left the lock it took held
   */
  int execute() {
    String command = arguments.command();
    List<String> line = new ArrayList<>();
    try {
      Changelog changelog = arguments.changelog();
      if (arguments.value("show-banner") == null) {
        line.add("--show-banner=false");
      }
      if (arguments.verboseOption() && arguments.value("log-level") == null) {
        // Liquibase prints a failure's stack trace only when its logging is on
        line.add("--log-level=severe");
      }
      Map<String, String> replacements = new HashMap<>();
      if (target.explicit()) {
        // the user's own --url, in whatever form the library accepts, reaches Liquibase as a JDBC URL
        replacements.put("url", target.jdbcUrl());
      } else {
        String warning = IgnoredSources.warning(target, arguments, changelog);
        if (warning != null) {
          output.report(warning);
        }
      }
      line.addAll(target.liquibaseOptions(arguments));
      ReferenceUrl.apply(arguments, target.scrubber(), replacements, line);
      boolean given = arguments.value("changelog-file") != null;
      if (!given && !changelog.missing()) {
        line.add("--changelog-file=" + changelog.path());
      }
      if (!given && changelog.missing() && Commands.needsChangelog(command)) {
        output.report(Failure.line(missingChangelog(changelog), command, target));
        return 1;
      }
      if (given) {
        replacements.put("changelog-file", changelog.path());
      }
      line.addAll(arguments.forLiquibase(replacements));
    } catch (CommandFailure e) {
      output.report("reflex-db: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      output.report(Failure.fromException(e, command, target));
      return 1;
    }
    int exitCode = runLiquibase(line);
    output.flush();
    if (exitCode != 0 && lostTheRaceToCreateTheChangelogTable(output.errorReport())) {
      // Liquibase creates DATABASECHANGELOG before it takes DATABASECHANGELOGLOCK (liquibase/liquibase#5254), so
      // on a fresh database one of several runs started together can fail because another has just created the
      // table. Nothing has been applied yet and the table exists now: a second attempt waits for the lock.
      output.discardHeld();
      output.report("reflex-db: another run created " + DATABASECHANGELOG + " at the same moment; trying again");
      exitCode = runLiquibase(line);
      output.flush();
    }
    if (exitCode != 0) {
      output.report(Failure.fromReport(output.errorReport(), command, exitCode, target));
    } else {
      output.releaseHeld();
      if (changesTheDatabase(command)) {
        // Liquibase's summary names no database: say which one was changed, as the application says at start
        System.out.println(target.announcement());
      }
    }
    String lockLeft = LockCheck.stillHeld(target);
    if (lockLeft != null) {
      // a command that did its work and left the lock set has not succeeded: the next run would wait for it
      output.report(lockLeft);
      return exitCode == 0 ? 1 : exitCode;
    }
    return exitCode;
  }

  /**
   * Runs Liquibase's command line in-process; unless the user gave {@code --url}, with the user and password of
   * the database URL above every other source (see {@link OwnedCredentials}).
   */
  private int runLiquibase(List<String> line) {
    WatchedLockService.forget();
    LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
    OwnedCredentials credentials = target.explicit() ? null : new OwnedCredentials(
        arguments.value("username") == null, target.user(), arguments.value("password") == null, target.password());
    if (credentials != null) {
      configuration.registerProvider(credentials);
    }
    try {
      // Liquibase's command line declares only the command it runs: see CommandFocus
      return CommandFocus.on(arguments.command(), LiquibaseCommandLine::new).execute(line.toArray(String[]::new));
    } finally {
      if (credentials != null) {
        configuration.unregisterProvider(credentials);
      }
    }
  }

  /** The update commands that run changesets; their {@code -sql} forms only print them, to standard output. */
  private static boolean changesTheDatabase(String command) {
    String name = Commands.camelCase(command);
    return name.startsWith("update") && !name.endsWith("Sql");
  }

  private static boolean lostTheRaceToCreateTheChangelogTable(List<String> report) {
    // on SQLite the same words stand for a file locked by another writer, which a second attempt would only wait for
    return report.stream().anyMatch(reportLine ->
        reportLine.contains(LiquibaseSays.CHANGELOG_TABLE_NOT_CREATED))
        && report.stream().noneMatch(reportLine -> reportLine.contains(LiquibaseSays.SQLITE_BUSY));
  }

  private static String missingChangelog(Changelog changelog) {
    if (changelog.origin().equals("default")) {
      return "no changelog: " + changelog.path() + " does not exist and no liquibase.properties names one";
    }
    return "the changelog " + changelog.path() + " named by " + changelog.origin() + " does not exist";
  }

}
