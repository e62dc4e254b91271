package dev.reflex.orm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.CommitOutcomeUnknownException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToCommitException;
import dev.reflex.orm.UnableToConnectException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one transaction contract every provider keeps, on every database. A provider's test extends this
 * class and says how its ORM reads and writes a {@code book} row; the assertions are the same for all.
 *
 * <p>The table is created here with plain SQL: providers never generate schema.
 */
public abstract class ProviderContract {

  /** How one ORM reads and writes the {@code book (id, title)} table through its own session object. */
  public interface Books {
    void insert(ReflexSession session, long id, String title);

    /** @return the title, or {@code null} when there is no such row */
    String title(ReflexSession session, long id);

    void rename(ReflexSession session, long id, String title);

    void delete(ReflexSession session, long id);
  }

  /** @return the provider's name, chosen explicitly so other providers on the class path do not matter */
  protected abstract String provider();

  /** @return the classes to register: entities, mappers or SqlObject types */
  protected abstract Class<?>[] registered();

  /** @return how this provider's ORM handles a book */
  protected abstract Books books();

  /** @return the ORM's own types that {@code ReflexSession.unwrap} must hand out */
  protected abstract List<Class<?>> nativeTypes();

  /**
   * Reads a book's title through the ORM's own session, opened by hand from the ORM's engine-level object
   * ({@code db.unwrap(...)}) as an application that does not use {@code ReflexSession} would: open, begin a
   * transaction, read, commit, close.
   *
   * @param db the database
   * @param id the book's id
   * @return the title, or {@code null} when there is no such row
   */
  protected abstract String titleThroughOwnSession(ReflexDatabase db, long id);

  @Nested
  class LazyConnection extends LazyConnectionContract {
    LazyConnection() {
      super(provider(), registered(), nativeTypes().get(0));
    }
  }

  private ReflexDatabase open(TestDatabase database) throws SQLException {
    return open(database.freshUrl());
  }

  private ReflexDatabase open(String url) throws SQLException {
    return withTable(ReflexDatabase.builder().url(url).provider(provider()).register(registered()).poolSize(4)
        .build());
  }

  /** Counts the rows on a connection of its own, straight to the server, past any proxy and pool. */
  private static int countDirectly(String url) throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from book")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static ReflexDatabase withTable(ReflexDatabase db) throws SQLException {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table book (id bigint primary key, title varchar(200) not null)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
    return db;
  }

  private static int count(ReflexDatabase db) throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from book")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String titleOf(ReflexDatabase db, Books books, long id) {
    return db.<String, RuntimeException>transaction(s -> books.title(s, id));
  }

  private static int activeConnections(ReflexDatabase db) {
    return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void sessionHandsOutTheOrmsOwnObjects(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database); ReflexSession session = db.session()) {
      assertThat(session.provider()).isEqualTo(provider());
      for (Class<?> type : nativeTypes()) {
        assertThat(session.unwrap(type)).as("unwrap(%s)", type.getName()).isInstanceOf(type);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void createReadUpdateDeleteThroughTheOrm(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      db.transaction(s -> {
        books.insert(s, 1, "Dune");
        return null;
      });
      assertThat(titleOf(db, books, 1)).isEqualTo("Dune");
      db.transaction(s -> {
        books.rename(s, 1, "Dune Messiah");
        return null;
      });
      assertThat(titleOf(db, books, 1)).isEqualTo("Dune Messiah");
      db.transaction(s -> {
        books.delete(s, 1);
        return null;
      });
      assertThat(titleOf(db, books, 1)).isNull();
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void commitMakesWorkVisibleAndRollbackDiscardsIt(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "kept");
        session.commit();
        books.insert(session, 2, "discarded");
        session.rollback();
        assertThat(books.title(session, 2)).isNull();
        books.insert(session, 3, "kept too");
        session.commit();
      }
      assertThat(count(db)).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void closeRollsBackUncommittedWork(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "never committed");
      }
      assertThat(count(db)).isZero();
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void workAfterACommitIsRolledBackOnClose(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "committed");
        session.commit();
        books.insert(session, 2, "after the commit, never committed");
      }
      try (ReflexSession session = db.session()) {
        books.insert(session, 3, "committed");
        session.commit();
        // work on the session's own connection is the session's too, though the ORM saw none of it
        try (Statement statement = session.unwrap(Connection.class).createStatement()) {
          statement.executeUpdate("insert into book (id, title) values (4, 'on the connection, never committed')");
        }
      }
      assertThat(count(db)).isEqualTo(2);
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSessionCommitsAndSwitchesAutoCommitAsTheOrmsOwnSession(TestDatabase database) throws SQLException {
    Books books = books();
    try (TransactionCalls recorder = new TransactionCalls(database);
        ReflexDatabase db = withTable(ReflexDatabase.builder().dataSource(recorder.pool()).provider(provider())
            .register(registered()).build())) {
      db.transaction(s -> {
        books.insert(s, 1, "Dune");
        return null;
      });
      // each way once before recording: an ORM's first use may do work of its own
      assertThat(titleThroughOwnSession(db, 1)).isEqualTo("Dune");
      assertThat(titleOf(db, books, 1)).isEqualTo("Dune");

      recorder.clear();
      assertThat(titleThroughOwnSession(db, 1)).isEqualTo("Dune");
      List<String> own = recorder.changes();
      recorder.clear();
      assertThat(titleOf(db, books, 1)).isEqualTo("Dune");
      List<String> session = recorder.changes();

      assertThat(own).contains("commit()");
      assertThat(session).as("what a session changed, against the ORM's own session's %s (all calls: %s)", own,
          recorder.calls()).isEqualTo(own);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anApplicationsOwnDataSourceGetsItsConnectionBackRolledBackInAutoCommit(TestDatabase database)
      throws SQLException {
    Books books = books();
    // the table lives in a reflex-orm database; the application's own data source lends one of its connections
    try (ReflexDatabase owner = open(database); Connection connection = owner.dataSource().getConnection()) {
      OneConnectionDataSource own = new OneConnectionDataSource(connection);
      try (ReflexDatabase db = ReflexDatabase.builder().dataSource(own).provider(provider()).register(registered())
          .build()) {
        try (ReflexSession session = db.session()) {
          books.insert(session, 1, "committed");
          session.commit();
          books.insert(session, 2, "never committed");
        }
        assertThat(connection.getAutoCommit()).as("auto-commit as the data source lent it").isTrue();
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select count(*) from book")) {
          rows.next();
          assertThat(rows.getInt(1)).isEqualTo(1);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void exceptionInsideTransactionRollsBackAndIsRethrown(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      IllegalStateException failure = new IllegalStateException("work failed");
      assertThatThrownBy(() -> db.transaction(s -> {
        books.insert(s, 1, "half done");
        throw failure;
      })).isSameAs(failure);
      assertThat(count(db)).isZero();
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void failedCommitRollsBackIsRethrownAndReturnsTheConnection(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      assertThatThrownBy(() -> db.transaction(s -> {
        books.insert(s, 1, "lost with its connection");
        s.unwrap(Connection.class).close(); // the connection dies under the ORM: the commit must fail
        return null;
      })).isInstanceOf(UnableToCommitException.class).hasMessageContaining("rolled back");
      assertThat(count(db)).isZero();
      assertThat(activeConnections(db)).isZero();
      assertThat(titleOf(db, books, 1)).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aCommitLostInFlightIsReportedAsOutcomeUnknownAndTheServerKeptTheRow(TestDatabase database)
      throws Exception {
    Books books = books();
    String url = database.freshUrl();
    try (TcpProxy proxy = TcpProxy.inFrontOf(url); ReflexDatabase db = open(proxy.url(url))) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "committed, but the answer was lost");
        proxy.cutAfter("COMMIT"); // the server gets the COMMIT and answers; the client never hears it
        assertThatThrownBy(session::commit).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("The connection was lost while the commit was in flight, so the outcome is"
                + " unknown: the server may have committed (")
            .hasMessageEndingWith("; check whether the work is in the database before running it again, or make"
                + " the work idempotent");
        assertThat(proxy.cuts()).isEqualTo(1);
        // the session goes on, on a fresh connection
        books.insert(session, 2, "after the loss");
        session.commit();
      }
      assertThat(countDirectly(url)).as("rows on the server: the lost commit's and the next one's").isEqualTo(2);
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aServerThatStopsAnsweringFailsTheCommitWithinTheSocketTimeout(TestDatabase database) throws Exception {
    String url = database.freshUrl();
    // the test's own bound, in the URL (seconds for pgJDBC, milliseconds for MariaDB): short, to stay fast
    String bound = database == TestDatabase.POSTGRESQL ? "?socketTimeout=2" : "?socketTimeout=2000";
    try (TcpProxy proxy = TcpProxy.inFrontOf(url); ReflexDatabase db = open(proxy.url(url) + bound)) {
      try (ReflexSession session = db.session()) {
        // on the connection, so that the row is on the server now: an ORM may hold it until the commit's flush,
        // and a server frozen during that flush's statement never got the commit (a plain rollback)
        try (Statement statement = session.unwrap(Connection.class).createStatement()) {
          statement.executeUpdate("insert into book (id, title) values (1, 'the server froze before it answered')");
        }
        proxy.freeze(); // nothing passes any more, and nothing closes, as with a frozen server or a dead link
        long start = System.nanoTime();
        Throwable failure = TcpProxy.within(Duration.ofSeconds(60), session::commit);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.println(provider() + " on a frozen " + database + " link: the commit failed after " + millis
            + " ms: " + failure);
        assertThat(failure).as("after %s ms", millis).isInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("The connection was lost while the commit was in flight, so the outcome is"
                + " unknown");
        assertThat(millis).as("milliseconds the commit waited").isBetween(1_900L, 30_000L);
      }
      proxy.close(); // the server is gone for good: the pool stops waiting for it
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
  void aCommitTheServerRefusesIsReportedAsRolledBack(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database)) {
      try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("create table pair (id int, constraint pair_id unique (id) deferrable initially deferred)");
      }
      try (ReflexSession session = db.session()) {
        try (Statement statement = session.unwrap(Connection.class).createStatement()) {
          statement.executeUpdate("insert into pair values (1), (1)"); // checked only at the commit
        }
        assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class)
            .isNotInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("Commit failed and the transaction was rolled back: ")
            .hasMessageContaining("pair_id");
        try (Statement statement = session.unwrap(Connection.class).createStatement()) {
          statement.executeUpdate("insert into pair values (2)");
        }
        session.commit();
      }
      try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select count(*) from pair")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void afterALostConnectionTheSessionGoesOnWithAFreshOne(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      try (ReflexSession session = db.session()) {
        books.insert(session, 1, "committed");
        session.commit();
        books.insert(session, 2, "lost with its connection");
        session.unwrap(Connection.class).close(); // the connection dies under the ORM, before the commit
        assertThatThrownBy(session::commit).isInstanceOf(UnableToCommitException.class)
            .isNotInstanceOf(CommitOutcomeUnknownException.class)
            .hasMessageStartingWith("Commit failed and the transaction was rolled back: ");
        books.insert(session, 3, "on a fresh connection");
        assertThat(books.title(session, 3)).isEqualTo("on a fresh connection");
        session.commit();
        books.insert(session, 4, "lost again, then rolled back by hand");
        session.unwrap(Connection.class).close();
        session.rollback();
        assertThat(books.title(session, 4)).isNull();
        books.insert(session, 5, "on another fresh connection");
        session.commit();
      }
      assertThat(count(db)).isEqualTo(3);
      assertThat(titleOf(db, books, 2)).isNull();
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aThousandSessionsInARowLeaveNoActiveConnection(TestDatabase database) throws SQLException {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      db.transaction(s -> {
        books.insert(s, 1, "Dune");
        return null;
      });
      for (int i = 0; i < 1000; i++) {
        try (ReflexSession session = db.session()) {
          assertThat(books.title(session, 1)).isEqualTo("Dune");
        }
      }
      assertThat(activeConnections(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eightThreadsOfTwoHundredTransactionsKeepEveryRow(TestDatabase database) throws Exception {
    Books books = books();
    try (ReflexDatabase db = open(database)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          long base = t * 1000L;
          futures.add(pool.submit(() -> {
            for (int i = 0; i < 200; i++) {
              long id = base + i;
              db.transaction(s -> {
                books.insert(s, id, "book " + id);
                return null;
              });
            }
            return null;
          }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(count(db)).isEqualTo(1600);
      assertThat(activeConnections(db)).isZero();
    }
  }

  /**
   * Another writer (here a plain connection of this JVM, standing for another process or a {@code reflex-db update})
   * holds the SQLite file's write lock for longer than the pool timeout, so that sessions fail to begin. Once it lets
   * go, no pooled connection may be left believing it is in a transaction while it commits every statement at once:
   * work that threw and sessions closed without commit leave no row, and commits succeed.
   */
  @Test
  void aBeginThatFindsTheSqliteFileLockedFailsTheSessionAndLeavesNoConnectionInAutoCommit() throws SQLException {
    Books books = books();
    String url = TestDatabase.SQLITE_FILE.freshUrl();
    try (ReflexDatabase db = withTable(ReflexDatabase.builder().url(url).provider(provider()).register(registered())
        .poolSize(4).poolTimeout(Duration.ofMillis(500)).build())) {
      db.transaction(s -> {
        books.insert(s, 1, "before the lock");
        return null;
      });
      try (Connection writer = TestDatabases.connect(url); Statement statement = writer.createStatement()) {
        statement.execute("begin immediate");
        for (int i = 0; i < 6; i++) {
          assertThatThrownBy(() -> db.transaction(s -> s.unwrap(Connection.class)))
              .isInstanceOf(UnableToConnectException.class)
              .hasMessageContaining("No transaction could begin on")
              .hasMessageContaining("another writer")
              .hasMessageContaining("REFLEX_DB_POOL_TIMEOUT")
              .hasMessageNotContaining("database server");
        }
        statement.execute("rollback");
      }
      for (int i = 0; i < 8; i++) {
        long id = 100 + i;
        assertThatThrownBy(() -> db.transaction(s -> {
          books.insert(s, id, "thrown");
          throw new IllegalStateException("work failed");
        })).isInstanceOf(IllegalStateException.class);
        try (ReflexSession session = db.session()) {
          books.insert(session, 200 + i, "never committed");
        }
        db.transaction(s -> {
          books.insert(s, 300 + id, "committed");
          return null;
        });
      }
      assertThat(count(db)).as("the first row and the eight committed ones").isEqualTo(9);
      assertThat(activeConnections(db)).isZero();
    }
  }
}
