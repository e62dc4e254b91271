package dev.reflex.db.autogenerate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark of ownership a revision stores with the scratch database it creates ({@code COMMENT ON DATABASE} on
 * PostgreSQL, the database's {@code COMMENT} on MariaDB): which run made it, on which host, in which process, since
 * when. A leftover is found only by this mark, never by its name, and removed only when the mark proves its run
 * over: same host, and its process gone (or its pid now held by a process that started after the run began).
 *
 * <p>Immutable and thread-safe.
 */
final class ScratchMark {
  /** {@code RFLX} in ASCII: the {@code PRAGMA application_id} of a scratch SQLite file. */
  static final int SQLITE_APPLICATION_ID = 0x52464c58;

  private static final String PREFIX = "reflex-db scratch ";
  private static final Pattern FORMAT =
      Pattern.compile("reflex-db scratch run=(\\w+) host=(\\S+) pid=(\\d+) started=(\\S+)");
  /** A run on this host whose process is alive and younger than this is one in progress: not worth a line. */
  private static final Duration IN_PROGRESS = Duration.ofHours(1);

  private final String run;
  private final String host;
  private final long pid;
  private final Instant started;

  private ScratchMark(String run, String host, long pid, Instant started) {
    this.run = run;
    this.host = host;
    this.pid = pid;
    this.started = started;
  }

  /** @return the mark of this process's run */
  static ScratchMark thisRun() {
    return new ScratchMark(UUID.randomUUID().toString().replace("-", "").substring(0, 12), thisHost(),
        ProcessHandle.current().pid(), Instant.now());
  }

  /**
   * Reads a mark.
   *
   * @param text a database comment
   * @return the mark, or empty when the text is not one
   */
  static Optional<ScratchMark> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = FORMAT.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ScratchMark(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(3)),
          Instant.parse(matcher.group(4))));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** @return the text stored with the scratch database; only letters, digits and {@code =.:_- } */
  String text() {
    return PREFIX + "run=" + run + " host=" + host + " pid=" + pid + " started=" + started;
  }

  /** @return why the run is provably over, or {@code null} when it may still be going */
  String over() {
    return host.equals(thisHost()) ? over(pid, started) : null;
  }

  /**
   * Whether a process of this host that began its work at {@code since} is provably over.
   *
   * @param pid its process id
   * @param since when it began, or later
   * @return why it is over, or {@code null} when it may still be running
   */
  static String over(long pid, Instant since) {
    if (pid <= 0) {
      return null; // no pid recorded (yet): nothing proves the run over
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return "its process " + pid + " on this host is no longer running";
    }
    Optional<Instant> start = process.get().info().startInstant();
    if (start.isPresent() && start.get().isAfter(since)) {
      return "its process " + pid + " on this host is no longer running (the pid now belongs to a process started"
          + " at " + start.get() + ", after the run began)";
    }
    return null;
  }

  /** @return whether this run may still be going and is worth naming: another host's, or an old one */
  boolean worthNaming() {
    return !host.equals(thisHost()) || started.isBefore(Instant.now().minus(IN_PROGRESS));
  }

  /** @return the run, for messages: {@code run R (pid P on host H, started T)} */
  String describe() {
    return "run " + run + " (pid " + pid + " on host " + host + ", started " + started + ")";
  }

  /** @return this host's name, as marks store it */
  static String thisHost() {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      name = System.getenv().getOrDefault("HOSTNAME", "unknown");
    }
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
