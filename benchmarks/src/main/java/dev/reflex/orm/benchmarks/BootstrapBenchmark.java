package dev.reflex.orm.benchmarks;

import dev.reflex.orm.ReflexDatabase;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Each provider's bootstrap (pool plus ORM) on H2 in memory: a single shot in a fresh JVM, ten forks. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = Fixture.QUIET)
public class BootstrapBenchmark {
  @Param({"hibernate", "mybatis", "jdbi"})
  public String provider;

  /** Builds a database, opens one session, closes everything. */
  @Benchmark
  public String bootstrap() {
    try (ReflexDatabase db = ReflexDatabase.builder().url("h2://").provider(provider)
        .register(Book.class, BookMapper.class).build()) {
      db.session().close();
      return db.provider();
    }
  }
}
