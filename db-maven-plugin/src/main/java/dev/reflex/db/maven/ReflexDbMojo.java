package dev.reflex.db.maven;

import dev.reflex.db.ReflexDb;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that runs one reflex-db command in Maven's process: the same code as the {@code reflex-db} command, with
 * the database from {@code REFLEX_DB_URL} (or {@code -Dreflex.db.url=}), its output as lines of Maven's log (see
 * {@link FailureLine}), and its one-line failure as the goal's failure. reflex-db scrubs every line of passwords
 * before it reaches the log.
 *
 * <p>Not thread-safe (nor are its goals in a parallel build): reflex-db takes the process's standard streams
 * while it runs.
 */
abstract class ReflexDbMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  /** Skips the goal, e.g. a {@code check} bound to {@code verify} in a build without a database. */
  @Parameter(property = "reflex-db.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The reflex-db command line of this goal, as typed after {@code reflex-db}.
   *
   * @return the arguments
   * @throws MojoExecutionException when the goal's configuration cannot make one
   */
  abstract List<String> arguments() throws MojoExecutionException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("reflex-db: skipped (reflex-db.skip is set)");
      return;
    }
    requireProjectFolder();
    List<String> arguments = arguments();
    Charset charset = Charset.defaultCharset();
    FailureLine failure = new FailureLine(getLog()::info, getLog()::warn);
    int exitCode;
    try (LogLines outLines = new LogLines(charset, getLog()::info);
        LogLines errLines = new LogLines(charset, failure);
        PrintStream out = new PrintStream(outLines, true, charset);
        PrintStream err = new PrintStream(errLines, true, charset)) {
      exitCode = ReflexDb.run(arguments.toArray(String[]::new), out, err);
      out.flush();
      err.flush();
    }
    String line = failure.finish(exitCode);
    if (exitCode != 0) {
      throw new MojoFailureException(line != null ? line
          : "reflex-db " + arguments.get(0) + " failed with exit code " + exitCode + " and no message; run mvn"
          + " reflex-db:liquibase -Dargs=\"--verbose " + arguments.get(0) + "\" for the details");
    }
  }

  /**
   * reflex-db reads the changelog, liquibase.properties and a relative SQLite path from the working directory, and
   * Liquibase records each changeset under its changelog's path relative to it: run elsewhere, the same changeset
   * would count as new. The goal runs where the command would, or not at all.
   */
  private void requireProjectFolder() throws MojoFailureException {
    Path project;
    Path working;
    try {
      project = basedir.toPath().toRealPath();
      working = Path.of("").toRealPath();
    } catch (IOException e) {
      throw new MojoFailureException("reflex-db: cannot read the project's folder " + basedir + ": " + e.getMessage(),
          e);
    }
    if (!project.equals(working)) {
      throw new MojoFailureException("reflex-db: the goal runs in the project's folder, as the command does"
          + " (Liquibase records changesets under paths relative to it), but Maven runs in " + working
          + "; run mvn in " + project);
    }
  }
}
