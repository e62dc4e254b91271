/**
 * reflex-orm-test: a JUnit 5 extension that hands each test a database migrated with the application's
 * changelog, in a session rolled back after the test or in a database of the test's own, and fails a test
 * that leaves a session open.
 *
 * <p>Start with {@link dev.reflex.orm.test.ReflexTest}.
 */
module dev.reflex.orm.test {
  requires transitive dev.reflex.orm;
  requires transitive dev.reflex.orm.migrations;
  requires transitive org.junit.jupiter.api;
  requires com.zaxxer.hikari;
  requires java.logging;

  exports dev.reflex.orm.test;
}
