package dev.reflex.orm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import dev.reflex.orm.PoolConfigurer;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.UnableToConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A session takes its pooled connection at its first {@code unwrap}, as the ORM's own session takes its connection at
 * its first statement: a session opened and not used leaves the pool alone, and an exhausted pool is reported by that
 * first {@code unwrap}, in one line. Every provider's contract test runs it, through {@code ProviderContract}'s nested
 * hook, on the five test databases. HikariCP's own metrics tracker counts the connections the pool lends.
 */
public abstract class LazyConnectionContract {
  private static final int POOL_SIZE = 2;

  private final String provider;
  private final Class<?>[] registered;
  private final Class<?> nativeType;
  private final AtomicLong borrowed = new AtomicLong();

  /**
   * @param provider the provider's name
   * @param registered the classes it registers
   * @param nativeType the ORM's own session type, such as Hibernate's {@code Session}
   */
  protected LazyConnectionContract(String provider, Class<?>[] registered, Class<?> nativeType) {
    this.provider = provider;
    this.registered = registered;
    this.nativeType = nativeType;
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSessionOpenedAndClosedWithoutUseLeavesThePoolAlone(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database)) {
      long before = borrowed.get();
      for (int i = 0; i < 10; i++) {
        db.session().close();
      }
      try (ReflexSession session = db.session()) {
        assertThat(session.provider()).isEqualTo(provider);
        assertThat(active(db)).as("connections lent to an unused session").isZero();
      }
      assertThat(borrowed.get() - before).as("connections the pool lent to unused sessions").isZero();
      assertThat(active(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void moreUnusedSessionsThanThePoolHasConnectionsDoNotExhaustIt(TestDatabase database) throws Exception {
    try (ReflexDatabase db = open(database)) {
      List<ReflexSession> unused = new ArrayList<>();
      try {
        for (int i = 0; i < 3 * POOL_SIZE; i++) {
          unused.add(db.session());
        }
        long before = borrowed.get();
        for (int i = 0; i < 3; i++) {
          boolean valid = db.<Boolean, SQLException>transaction(s -> s.unwrap(Connection.class).isValid(5));
          assertThat(valid).isTrue();
        }
        assertThat(borrowed.get() - before).as("connections lent, one for each transaction").isEqualTo(3);
      } finally {
        unused.forEach(ReflexSession::close);
      }
      assertThat(active(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theFirstUnwrapOfAnExhaustedPoolFailsInOneLineAndLeaksNothing(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database)) {
      List<ReflexSession> holders = holdEveryConnection(db, database);
      try (ReflexSession late = db.session()) {
        long before = borrowed.get();
        assertThatThrownBy(() -> late.unwrap(nativeType)).isInstanceOf(UnableToConnectException.class)
            .hasMessageNotContaining("\n")
            .hasMessageContaining(isSqlite(database) ? "another session of this application held the SQLite file's"
                + " write lock for more than 500 ms" : "No database connection free within 500 ms (pool reflex-")
            .hasMessageContaining(isSqlite(database) ? "No transaction could begin on"
                : "active=" + POOL_SIZE + ", idle=0, waiting=0, maximum " + POOL_SIZE)
            .hasMessageContaining("REFLEX_DB_POOL_TIMEOUT");
        assertThat(borrowed.get() - before).as("connections lent to the failed unwrap").isZero();
        assertThat(active(db)).as("connections lent").isEqualTo(holders.size());
        holders.forEach(ReflexSession::close);
        assertThat(active(db)).as("connections lent once the holders closed").isZero();
        // the failed session holds nothing and may try again
        assertThat(late.unwrap(Connection.class).isValid(5)).isTrue();
        assertThat(late.unwrap(nativeType)).isInstanceOf(nativeType);
        late.commit();
      } finally {
        holders.forEach(ReflexSession::close);
      }
      assertThat(active(db)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void commitAndRollbackOfAnUnusedSessionSucceedWithoutAConnection(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database)) {
      List<ReflexSession> holders = holdEveryConnection(db, database);
      long before = borrowed.get();
      try (ReflexSession unused = db.session()) {
        unused.commit();
        unused.rollback();
        unused.commit();
      } finally {
        holders.forEach(ReflexSession::close);
      }
      assertThat(borrowed.get() - before).as("connections lent to the unused session").isZero();
      assertThat(active(db)).isZero();
    }
  }

  /** Takes every connection a session can have: the pool's, or on SQLite the file's one writer turn. */
  private List<ReflexSession> holdEveryConnection(ReflexDatabase db, TestDatabase database) throws SQLException {
    List<ReflexSession> holders = new ArrayList<>();
    int count = isSqlite(database) ? 1 : POOL_SIZE;
    for (int i = 0; i < count; i++) {
      ReflexSession holder = db.session();
      holders.add(holder);
      assertThat(holder.unwrap(Connection.class).isValid(5)).isTrue();
    }
    assertThat(active(db)).isEqualTo(count);
    return holders;
  }

  private static boolean isSqlite(TestDatabase database) {
    return database == TestDatabase.SQLITE_FILE || database == TestDatabase.SQLITE_MEMORY;
  }

  private ReflexDatabase open(TestDatabase database) {
    // HikariCP records a timed-out wait as an acquisition too, then as a timeout
    MetricsTrackerFactory counting = (String pool, PoolStats stats) -> new IMetricsTracker() {
      @Override
      public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
        borrowed.incrementAndGet();
      }

      @Override
      public void recordConnectionTimeout() {
        borrowed.decrementAndGet();
      }
    };
    return ReflexDatabase.builder().url(database.freshUrl()).provider(provider).register(registered)
        .poolSize(POOL_SIZE).poolTimeout(Duration.ofMillis(500))
        .configure((PoolConfigurer) (HikariConfig config) -> config.setMetricsTrackerFactory(counting)).build();
  }

  private static int active(ReflexDatabase db) {
    return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
  }
}
