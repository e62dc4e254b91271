package dev.reflex.orm.test.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The mark of ownership the extension writes on every database it makes, stored with the database itself
 * (PostgreSQL {@code COMMENT ON DATABASE}, MariaDB's schema comment) and written by nothing else: which run made
 * the database, as which user, in which process on which machine, and the server's time when that run last said
 * it was alive (its heartbeat, in seconds since 1970). A database without it is never the extension's to drop.
 *
 * <p>Immutable and thread-safe.
 *
 * @param run the run's id, the {@code RUN} in the names {@code reflex_template_RUN_n} and {@code reflex_test_RUN_n}
 * @param database the database's own name, compared exactly with the name it is found under
 * @param user the database user that made it
 * @param host the host name of the machine the run's JVM ran on
 * @param machine what tells that machine and its process space apart ({@link ThisProcess#MACHINE}), or {@code -}
 * @param pid the run's JVM process id on that machine
 * @param reserved on a PostgreSQL template, the highest {@code n} of the clones {@code reflex_test_RUN_n} the run
 *     may have begun to make, written before their {@code CREATE DATABASE}; else 0
 * @param heartbeat the server's clock, in seconds, when the run last renewed its marks
 */
record Mark(String run, String database, String user, String host, String machine, long pid, long reserved,
    long heartbeat) {
  /** How every mark begins. */
  static final String PREFIX = "reflex-orm-test mark";
  private static final Pattern RUN = Pattern.compile("[0-9a-f]{8}");
  /** Characters a value may hold: no space, quote or backslash, so that the mark is one plain SQL literal. */
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:@%\\[\\]-]{1,200}");

  /**
   * @param database the database this run made
   * @param user the database user it made it as
   * @param heartbeat the server's clock, in seconds
   * @return this process's mark for it
   */
  static Mark ours(String database, String user, long heartbeat) {
    return new Mark(Template.RUN, database, plain(user), ThisProcess.HOST, ThisProcess.MACHINE, ThisProcess.PID, 0,
        heartbeat);
  }

  /** @return the mark as stored: space-separated {@code key=value} pairs after {@link #PREFIX} */
  String text() {
    return PREFIX + " run=" + run + " db=" + database + " user=" + user + " host=" + host + " machine=" + machine
        + " pid=" + pid + " reserved=" + reserved + " heartbeat=" + heartbeat;
  }

  /** @return the same mark, renewed at the server's time {@code now}, with the clones reserved so far */
  Mark beat(long now, long reserved) {
    return new Mark(run, database, user, host, machine, pid, reserved, now);
  }

  /** @return whether the run lived in a process this JVM can see: same host, same machine, same process space */
  boolean sameMachine() {
    return !machine.equals("-") && machine.equals(ThisProcess.MACHINE) && host.equals(ThisProcess.HOST);
  }

  /**
   * @param comment a database's comment, or {@code null}
   * @return the mark it holds, or {@code null} when it is not exactly a mark (then the database is not ours)
   */
  static Mark parse(String comment) {
    if (comment == null || !comment.startsWith(PREFIX + " ")) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    for (String pair : comment.substring(PREFIX.length() + 1).split(" ", -1)) {
      int equals = pair.indexOf('=');
      if (equals < 1 || values.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
        return null;
      }
    }
    if (values.size() != 8 || !RUN.matcher(values.getOrDefault("run", "")).matches()) {
      return null;
    }
    for (String value : values.values()) {
      if (!VALUE.matcher(value).matches()) {
        return null;
      }
    }
    try {
      return new Mark(values.get("run"), values.get("db"), values.get("user"), values.get("host"),
          values.get("machine"), Long.parseLong(values.get("pid")), Long.parseLong(values.get("reserved")),
          Long.parseLong(values.get("heartbeat")));
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  /** @return the value with every character a mark may not hold replaced by {@code _} */
  static String plain(String value) {
    String plain = value == null || value.isEmpty() ? "-" : value.replaceAll("[^A-Za-z0-9._:@%\\[\\]-]", "_");
    return plain.length() > 200 ? plain.substring(0, 200) : plain;
  }
}
