package dev.reflex.orm.benchmarks;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Open a session, select one row by primary key, commit, close: through {@link ReflexSession}, and through the
 * same ORM's own session opened by hand on the same HikariCP pool. {@link RawJdbcBenchmark} is the floor. All run
 * in one JMH run, so their ratios are side by side. Run with {@code -t 1} and {@code -t 64} (the pool has 10
 * connections).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = Fixture.QUIET)
public class SessionBenchmark {
  @Param({"hibernate", "mybatis", "jdbi"})
  public String provider;

  @Param({"h2", "postgresql"})
  public String database;

  private ReflexDatabase db;
  private SessionFactory sessionFactory;
  private SqlSessionFactory sqlSessionFactory;
  private Jdbi jdbi;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    db = Fixture.open(provider, database, 10);
    switch (provider) {
      case "hibernate":
        sessionFactory = db.unwrap(SessionFactory.class);
        break;
      case "mybatis":
        sqlSessionFactory = db.unwrap(SqlSessionFactory.class);
        break;
      default:
        jdbi = db.unwrap(Jdbi.class);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    db.close();
  }

  /** Through reflex-orm: {@code ReflexSession}, the ORM's object from {@code unwrap}, commit, close. */
  @Benchmark
  public String reflexSession() {
    try (ReflexSession session = db.session()) {
      String title;
      switch (provider) {
        case "hibernate":
          title = session.unwrap(Session.class).find(Book.class, Fixture.randomId()).getTitle();
          break;
        case "mybatis":
          title = session.unwrap(SqlSession.class).getMapper(BookMapper.class).find(Fixture.randomId()).getTitle();
          break;
        default:
          title = session.unwrap(Handle.class).createQuery("select title from book where id = :id")
              .bind("id", Fixture.randomId()).mapTo(String.class).one();
      }
      session.commit();
      return title;
    }
  }

  /** The same ORM's own session, opened by hand on the same pool, in a transaction, committed, closed. */
  @Benchmark
  public String nativeSession() {
    switch (provider) {
      case "hibernate":
        try (Session session = sessionFactory.openSession()) {
          session.beginTransaction();
          String title = session.find(Book.class, Fixture.randomId()).getTitle();
          session.getTransaction().commit();
          return title;
        }
      case "mybatis":
        try (SqlSession session = sqlSessionFactory.openSession(false)) {
          String title = session.getMapper(BookMapper.class).find(Fixture.randomId()).getTitle();
          session.commit(true);
          return title;
        }
      default:
        try (Handle handle = jdbi.open()) {
          handle.begin();
          String title = handle.createQuery("select title from book where id = :id").bind("id", Fixture.randomId())
              .mapTo(String.class).one();
          handle.commit();
          return title;
        }
    }
  }
}
