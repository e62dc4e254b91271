package dev.reflex.orm.test.internal;

import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * After each test: a connection still lent (a session not closed) fails the test with the test's name and
 * the place the session was opened, after the connection is closed, so its work is rolled back and the
 * next test starts clean. HikariCP's own count of active connections is checked as well.
 *
 * <p>Thread-safe (stateless).
 */
public final class LeakCheck {
  private static final List<String> LIBRARY_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.zaxxer.",
      "dev.reflex.orm.Reflex", "dev.reflex.orm.internal.", "dev.reflex.orm.hibernate.", "dev.reflex.orm.mybatis.",
      "dev.reflex.orm.jdbi.", "dev.reflex.orm.test.internal.", "org.hibernate.", "org.apache.ibatis.", "org.jdbi.",
      "org.junit.", "jakarta.");

  private LeakCheck() {}

  /**
   * Checks the data source after a test.
   *
   * @param dataSource the test class's data source
   * @param testClass the test's class
   * @param testName the test's name, as {@code BookTest.savesABook()}
   * @throws AssertionError when a session or connection is still open
   */
  public static void afterTest(TrackingDataSource dataSource, Class<?> testClass, String testName) {
    List<Map.Entry<Connection, Throwable>> open = dataSource.takeOpen();
    HikariPoolMXBean pool = dataSource.pool().getHikariPoolMXBean();
    int active = pool == null ? 0 : pool.getActiveConnections();
    if (open.isEmpty() && active == 0) {
      return;
    }
    String state = pool == null ? "" : " (HikariCP pool " + dataSource.pool().getPoolName() + ": total="
        + pool.getTotalConnections() + ", active=" + active + ", idle=" + pool.getIdleConnections() + ")";
    String where = open.isEmpty() ? "outside the extension's data source"
        : "opened at " + place(open.get(0).getValue(), testClass);
    AssertionError failure = new AssertionError(testName + " left " + Math.max(open.size(), active)
        + (Math.max(open.size(), active) == 1 ? " session" : " sessions") + " open" + state + ", " + where
        + "; close every session a test opens, best with try-with-resources (reflex-orm-test closed it and"
        + " rolled its work back)", open.isEmpty() ? null : open.get(0).getValue());
    for (Map.Entry<Connection, Throwable> leak : open) {
      try {
        leak.getKey().close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  /** @return the first frame of the test class, else the first frame outside the libraries */
  static String place(Throwable opened, Class<?> testClass) {
    StackTraceElement[] frames = opened.getStackTrace();
    for (StackTraceElement frame : frames) {
      String name = frame.getClassName();
      if (name.equals(testClass.getName()) || name.startsWith(testClass.getName() + "$")) {
        return describe(frame);
      }
    }
    for (StackTraceElement frame : frames) {
      if (LIBRARY_PACKAGES.stream().noneMatch(frame.getClassName()::startsWith)) {
        return describe(frame);
      }
    }
    return frames.length > 0 ? describe(frames[0]) : "an unknown place";
  }

  /** @return {@code Class.method(File.java:12)}, without the class loader and module prefixes */
  private static String describe(StackTraceElement frame) {
    return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
        + frame.getLineNumber() + ")";
  }
}
