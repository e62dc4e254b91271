package dev.reflex.orm.test.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases of earlier runs that ended without dropping them (a JVM killed, a debugger stopped), found so that
 * a run drops them, and nothing else. A database is one only when all of these hold:
 *
 * <ul>
 *   <li>it carries the extension's {@link Mark}, stored with the database, naming its own name exactly, and its name
 *       is exactly {@code reflex_template_RUN_n} or {@code reflex_test_RUN_n} for the mark's run: a database a
 *       person made, whatever its name, has no mark and is never dropped; or, on PostgreSQL, it has no comment at
 *       all, is named exactly {@code reflex_test_RUN_n}, and the marked template of that run reserved {@code n}
 *       before the clone was begun ({@link Heartbeat#reserve}): a clone the server made after its run was killed;
 *   <li>it was made by the current user (on PostgreSQL it is also owned by the current role);
 *   <li>its run is provably over: the run's process ran on this machine, in this process space, and is gone (seen
 *       at once); or the newest heartbeat among the run's databases is older than the grace ({@link #grace()}), by
 *       the server's clock, which a run renews every {@link #interval()} however often its connections are lost.
 * </ul>
 *
 * <p>Thread-safe (stateless).
 */
final class Leftovers {
  /** The system property that sets the grace, in seconds: how long a run's silence must last to prove it over. */
  static final String GRACE_PROPERTY = "reflex.test.leftovers.grace-seconds";
  private static final long DEFAULT_GRACE = 300;
  private static final long MOST_GRACE = 86_400;
  private static final Pattern NAME = Pattern.compile("reflex_(?:template|test)_([0-9a-f]{8})_[1-9][0-9]*");
  private static final Pattern CLONE = Pattern.compile("reflex_test_([0-9a-f]{8})_([1-9][0-9]{0,17})");

  /**
   * An ended run's database.
   *
   * @param database its name
   * @param owner who owns it: the role (PostgreSQL), the user in its mark (MariaDB)
   * @param why why its run is over, for the log
   */
  record Leftover(String database, String owner, String why) {}

  private Leftovers() {}

  /** @return the grace after a run's last heartbeat, from {@value #GRACE_PROPERTY}, 5 minutes unless set */
  static Duration grace() {
    String value = System.getProperty(GRACE_PROPERTY);
    if (value == null || value.isBlank()) {
      return Duration.ofSeconds(DEFAULT_GRACE);
    }
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds >= 1 && seconds <= MOST_GRACE) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw new IllegalArgumentException(GRACE_PROPERTY + " must be a whole number of seconds from 1 to " + MOST_GRACE
        + ", got \"" + value + "\"; leave it unset for " + DEFAULT_GRACE + " s");
  }

  /** @return how often a run renews its heartbeat: a fifth of the grace, from 1 to 30 seconds */
  static Duration interval() {
    return Duration.ofMillis(Math.max(1000, Math.min(30_000, grace().toMillis() / 5)));
  }

  /**
   * Finds the databases of ended runs.
   *
   * @param server a connection to the server
   * @param ownership how the server stores marks
   * @param user the current database user, as {@link Ownership#clock()} reads it
   * @return them, in name order
   */
  static List<Leftover> find(Server server, Ownership ownership, String user) {
    return judge(ownership.findMarked(server), Mark.plain(user), grace());
  }

  /**
   * @param found the databases with a comment that may be a mark
   * @param user the current database user, as marks hold it
   * @param grace how long a run's silence must last
   * @return those of ended runs
   */
  static List<Leftover> judge(List<Ownership.Found> found, String user, Duration grace) {
    Map<String, Long> heartbeats = new HashMap<>();
    Map<String, Mark> templates = new HashMap<>();
    List<Ownership.Found> ours = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    for (Ownership.Found database : found) {
      Mark mark = Mark.parse(database.comment());
      Matcher name = NAME.matcher(database.database());
      if (mark != null && mark.database().equals(database.database()) && name.matches()
          && name.group(1).equals(mark.run()) && !mark.run().equals(Template.RUN) && mark.user().equals(user)) {
        ours.add(database);
        marks.add(mark);
        heartbeats.merge(mark.run(), mark.heartbeat(), Math::max);
        templates.merge(mark.run(), mark, (a, b) -> a.reserved() >= b.reserved() ? a : b);
      }
    }
    for (Ownership.Found database : found) {
      // no mark: a clone the server made after its run was killed, provably the run's if its template reserved it
      Matcher name = CLONE.matcher(database.database());
      Mark template = name.matches() && database.comment() == null ? templates.get(name.group(1)) : null;
      if (template != null && Long.parseLong(name.group(2)) <= template.reserved()) {
        ours.add(database);
        marks.add(template);
      }
    }
    List<Leftover> ended = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      Ownership.Found database = ours.get(i);
      Mark mark = marks.get(i);
      String owner = database.owner().isEmpty() ? mark.user() : database.owner();
      String made = "made by test run " + mark.run() + " (process " + mark.pid() + " on " + mark.host() + ")";
      if (mark.sameMachine()) {
        if (!ThisProcess.alive(mark.pid())) {
          ended.add(new Leftover(database.database(), owner, made + ", which is no longer running"));
        }
        continue; // a process still running there is the run, or one that took its id: kept either way
      }
      long silent = database.now() - heartbeats.get(mark.run());
      if (silent > grace.toSeconds()) {
        ended.add(new Leftover(database.database(), owner, made + ", whose last heartbeat was " + silent
            + " s ago, over the " + grace.toSeconds() + " s grace (" + GRACE_PROPERTY + ")"));
      }
    }
    return ended;
  }
}
