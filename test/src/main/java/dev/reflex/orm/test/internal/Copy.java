package dev.reflex.orm.test.internal;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One migrated database handed to a test class or a test, with its pool; closing it closes the pool and
 * drops the database.
 *
 * <p>Not thread-safe: closed once, by the extension.
 */
public final class Copy implements AutoCloseable {
  private final String name;
  private final HikariDataSource pool;
  private final Runnable drop;

  Copy(String name, HikariDataSource pool, Runnable drop) {
    this.name = name;
    this.pool = pool;
    this.drop = drop;
  }

  /** @return the database's name, for messages */
  public String name() {
    return name;
  }

  /** @return its pool */
  public HikariDataSource pool() {
    return pool;
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      drop.run();
    }
  }
}
