package dev.reflex.orm.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Where every provider takes a session's connection: from the pool, with auto-commit off, that is, inside a
 * transaction; and where it gives it back.
 *
 * <p>A connection whose begin fails is evicted from the pool, never given back: sqlite-jdbc marks a connection
 * auto-commit off before it runs {@code BEGIN IMMEDIATE} and keeps the mark when that fails ({@code SQLITE_BUSY}),
 * and HikariCP, which saw the call fail, does not reset it; the pool would lend the connection again as if it were
 * inside a transaction while every statement on it commits at once.
 *
 * <p>On a SQLite pool every session begins {@code IMMEDIATE}, so it is a writer: the sessions of the pool take turns
 * at a fair Java semaphore before they take a connection, for as long as the pool's connection timeout. A thread
 * waiting there parks, and a virtual thread frees its carrier; in SQLite's native busy handler it would hold the
 * carrier, so that the virtual thread holding the lock might never run again to release it. SQLite's own
 * {@code busy_timeout} still serves writers of other processes.
 *
 * <p>Thread-safe.
 */
public final class Transactions {
  private final DataSource dataSource;
  private final Semaphore writer;
  private final long waitMillis;
  private final Set<Connection> writing = ConcurrentHashMap.newKeySet();

  private Transactions(DataSource dataSource, Semaphore writer, long waitMillis) {
    this.dataSource = dataSource;
    this.writer = writer;
    this.waitMillis = waitMillis;
  }

  /**
   * Serves a provider's data source; one instance per provider engine, shared by all its sessions.
   *
   * @param dataSource the data source from the provider's context
   * @return the connection source
   */
  public static Transactions of(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource) {
      HikariDataSource pool = (HikariDataSource) dataSource;
      if (pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
        return new Transactions(pool, new Semaphore(1, true), pool.getConnectionTimeout());
      }
    }
    return new Transactions(dataSource, null, 0);
  }

  /**
   * Takes a connection and begins a transaction on it by turning auto-commit off.
   *
   * @return the connection, inside a transaction; give it back with {@link #close(Connection)}
   * @throws SQLException when no connection can be had or the transaction cannot begin; a
   *     {@link WriterBusyException} when another writer holds a SQLite file's lock longer than the wait
   */
  public Connection open() throws SQLException {
    takeTurn();
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      endTurn();
      throw e;
    }
    try {
      if (connection.getAutoCommit()) {
        connection.setAutoCommit(false);
      }
    } catch (SQLException | RuntimeException e) {
      discard(connection, e);
      endTurn();
      if (writer != null && e instanceof SQLException && String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
        throw new WriterBusyException("another writer (another process, such as `reflex-db update`, or a connection"
            + " outside reflex-orm's sessions) held the SQLite file's write lock for more than " + waitMillis + " ms",
            e);
      }
      throw e;
    }
    if (writer != null) {
      writing.add(connection);
    }
    return connection;
  }

  /**
   * Gives a connection back: closing it returns it to the pool, which rolls back what was not committed.
   *
   * @param connection a connection from {@link #open()}, or any other connection of the data source
   * @throws SQLException when closing fails; the session's turn ends all the same
   */
  public void close(Connection connection) throws SQLException {
    try {
      connection.close();
    } finally {
      if (writer != null && writing.remove(connection)) {
        writer.release();
      }
    }
  }

  private void takeTurn() throws SQLException {
    if (writer == null) {
      return;
    }
    try {
      if (!writer.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new WriterBusyException("another session of this application held the SQLite file's write lock for"
            + " more than " + waitMillis + " ms (" + writer.getQueueLength() + " more sessions waiting)", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for the SQLite file's write lock", e);
    }
  }

  private void endTurn() {
    if (writer != null) {
      writer.release();
    }
  }

  /** Makes sure no other session ever gets a connection whose begin failed. */
  private void discard(Connection connection, Exception failure) {
    if (dataSource instanceof HikariDataSource) {
      ((HikariDataSource) dataSource).evictConnection(connection);
      return;
    }
    Release.after(failure, () -> connection.setAutoCommit(true), connection::close);
  }
}
