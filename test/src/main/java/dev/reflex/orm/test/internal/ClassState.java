package dev.reflex.orm.test.internal;

import dev.reflex.orm.ReflexConfigurer;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexDatabaseBuilder;
import dev.reflex.orm.test.Isolation;

/**
 * What one test class holds: its settings, the ORM bootstrapped once on a {@link TrackingDataSource}, and
 * the copy of the template its current test runs on (one for the class with {@link Isolation#ROLLBACK}, one
 * per test with {@link Isolation#FRESH_DATABASE}).
 *
 * <p>Not thread-safe: JUnit calls it from one thread per class unless tests run in parallel, which
 * {@link Isolation#FRESH_DATABASE} does not support within one class.
 */
public final class ClassState implements AutoCloseable {
  private final TestSettings settings;
  private final Template template;
  private final TrackingDataSource dataSource;
  private final ReflexDatabase database;
  private Copy current;

  /**
   * Makes the class's first copy and bootstraps the ORM on it.
   *
   * @param settings what the class asked for
   * @param template the migrated template
   */
  public ClassState(TestSettings settings, Template template) {
    this.settings = settings;
    this.template = template;
    this.current = template.copy();
    this.dataSource = new TrackingDataSource(current.pool());
    try {
      ReflexDatabaseBuilder builder = ReflexDatabase.builder().dataSource(dataSource)
          .register(settings.types().toArray(Class<?>[]::new))
          .configure(settings.configurers().toArray(ReflexConfigurer[]::new));
      if (settings.provider() != null) {
        builder.provider(settings.provider());
      }
      this.database = builder.build();
    } catch (RuntimeException e) {
      current.close();
      throw e;
    }
  }

  /** @return the class's database */
  public ReflexDatabase database() {
    return database;
  }

  /** @return the data source the ORM takes its connections from */
  public TrackingDataSource dataSource() {
    return dataSource;
  }

  /** Before a test: a new copy when the last test's was dropped. */
  public void beforeTest() {
    if (current == null) {
      current = template.copy();
      dataSource.switchTo(current.pool());
    }
  }

  /** After a test: with {@link Isolation#FRESH_DATABASE}, its copy is dropped. */
  public void afterTest() {
    if (settings.isolation() == Isolation.FRESH_DATABASE && current != null) {
      Copy done = current;
      current = null;
      done.close();
    }
  }

  @Override
  public void close() {
    try {
      database.close();
    } finally {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
