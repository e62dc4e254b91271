package dev.reflex.orm.test;

/** How the tests of one class are kept apart. */
public enum Isolation {
  /**
   * The tests of a class share one migrated database; each test's {@code ReflexSession} (and the ORM session
   * resolved from it) is rolled back after the test, as Spring's transactional tests are. Work a test commits
   * itself stays for the rest of the class: use {@link #FRESH_DATABASE} for code that commits.
   */
  ROLLBACK,
  /**
   * Each test gets a migrated database of its own, dropped after it: on PostgreSQL a clone of a database
   * migrated once per run ({@code CREATE DATABASE ... TEMPLATE}), on SQLite a copy of a migrated file, on H2
   * a script of a migrated database run into a new one, elsewhere a new database the changelog is applied to.
   */
  FRESH_DATABASE
}
