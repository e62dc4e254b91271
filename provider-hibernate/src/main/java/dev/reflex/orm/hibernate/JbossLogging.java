package dev.reflex.orm.hibernate;

/**
 * Sends Hibernate's logging (jboss-logging) to SLF4J, where reflex-orm and HikariCP log, unless the application chose
 * otherwise. jboss-logging picks JBoss LogManager, Log4j 2 or Logback when it finds them and falls back to
 * {@code java.util.logging} otherwise: an application logging through slf4j-simple or any other SLF4J binding got
 * Hibernate's lines in JUL's two-line format, at JUL's levels, beside everyone else's.
 *
 * <p>Thread-safe (stateless).
 */
final class JbossLogging {
  /** jboss-logging's own switch, read once when its first logger is made. */
  static final String PROVIDER_PROPERTY = "org.jboss.logging.provider";

  private JbossLogging() {}

  /**
   * Sets {@value #PROVIDER_PROPERTY} to {@code slf4j} when it is unset and jboss-logging would otherwise fall back to
   * {@code java.util.logging}: no JBoss LogManager installed as JUL's manager, and no Log4j 2 or Logback to find.
   * Called before Hibernate's first class loads; once jboss-logging has chosen, nothing changes it.
   */
  static void routeToSlf4j() {
    if (System.getProperty(PROVIDER_PROPERTY) != null) {
      return; // the application's choice
    }
    String julManager = System.getProperty("java.util.logging.manager", "");
    if (julManager.contains("jboss")) {
      return;
    }
    ClassLoader loader = org.jboss.logging.Logger.class.getClassLoader();
    if (present("org.apache.logging.log4j.LogManager", loader) || present("ch.qos.logback.classic.Logger", loader)) {
      return; // jboss-logging finds these itself, and both end where the application logs
    }
    System.setProperty(PROVIDER_PROPERTY, "slf4j");
  }

  private static boolean present(String name, ClassLoader loader) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
