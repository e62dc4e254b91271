package dev.reflex.db;

import dev.reflex.orm.migrations.internal.LiquibaseSays;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * reflex-db's standard streams: every line is scrubbed of secrets. Unless the user asked for details,
 * Liquibase's start-up lines (start time, version, licence notice) are left out, and its error report
 * (details, stack trace, help hints) is held back, to be summed up in one line by {@link Failure}.
 *
 * <p>Thread-safe.
 */
final class Output {

  private final PrintStream realErr;
  private final Scrubber scrubber;
  private final boolean verbose;
  private final PrintStream out;
  private final PrintStream err;
  private final List<String> held = new ArrayList<>();
  private boolean holding;

  /**
   * Wraps the real streams.
   *
   * @param realOut the process's standard output
   * @param realErr the process's standard error
   * @param scrubber removes the secrets
   * @param verbose whether to show everything (still scrubbed)
   */
  Output(PrintStream realOut, PrintStream realErr, Scrubber scrubber, boolean verbose) {
    this.realErr = realErr;
    this.scrubber = scrubber;
    this.verbose = verbose;
    Charset charset = Charset.defaultCharset();
    // Liquibase names a database without a user as null@jdbc:...: the URL alone says it
    UnaryOperator<String> outFilter = line -> LiquibaseSays.withoutNullUser(scrubber.scrub(line));
    this.out = new PrintStream(new LineFilterStream(realOut, outFilter, charset), true, charset);
    this.err = new PrintStream(new LineFilterStream(realErr, this::filterErr, charset), true, charset);
  }

  /** @return the scrubbing standard output */
  PrintStream out() {
    return out;
  }

  /** @return the scrubbing standard error, which holds back Liquibase's error report */
  PrintStream err() {
    return err;
  }

  /** @return the error report held back (or, when verbose, shown), scrubbed, one entry per line */
  synchronized List<String> errorReport() {
    return List.copyOf(held);
  }

  /**
   * Shows what was held back after all, for a command that succeeded although Liquibase printed an error
   * line; when verbose, it has been shown already.
   */
  synchronized void releaseHeld() {
    err.flush();
    if (!verbose) {
      held.forEach(realErr::println);
      realErr.flush();
    }
    held.clear();
    holding = false;
  }

  /** Forgets the error report held back, for a command that is run again. */
  synchronized void discardHeld() {
    err.flush();
    held.clear();
    holding = false;
  }

  /**
   * Prints one line of our own to standard error, scrubbed, never held back.
   *
   * @param line the line
   */
  void report(String line) {
    err.flush();
    realErr.println(scrubber.scrub(line));
    realErr.flush();
  }

  /** Passes on whatever partial lines are buffered. */
  void flush() {
    out.flush();
    err.flush();
  }

  private synchronized String filterErr(String line) {
    String scrubbed = scrubber.scrub(line);
    String text = scrubbed.strip();
    if (!holding && LiquibaseSays.ERROR_STARTS.stream().anyMatch(text::startsWith)) {
      holding = true;
    }
    if (holding && !text.isEmpty()) {
      held.add(text);
    }
    if (verbose) {
      return scrubbed;
    }
    if (holding || text.isEmpty() || LiquibaseSays.NOISE.stream().anyMatch(text::startsWith)) {
      return null;
    }
    return scrubbed;
  }
}
