package dev.reflex.orm.benchmarks;

import dev.reflex.orm.ReflexDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * The floor of {@link SessionBenchmark}: the same work in raw JDBC on the same HikariCP pool (10 connections),
 * taking a connection, turning auto-commit off, selecting the row, committing and closing. The pool does not
 * depend on the provider, so this runs once per database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = Fixture.QUIET)
public class RawJdbcBenchmark {
  @Param({"h2", "postgresql"})
  public String database;

  private ReflexDatabase db;
  private DataSource pool;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    db = Fixture.open("jdbi", database, 10);
    pool = db.dataSource();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    db.close();
  }

  /** Raw JDBC on the pool. */
  @Benchmark
  public String rawJdbc() throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement("select title from book where id = ?")) {
        statement.setLong(1, Fixture.randomId());
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          String title = rows.getString(1);
          connection.commit();
          return title;
        }
      }
    }
  }
}
