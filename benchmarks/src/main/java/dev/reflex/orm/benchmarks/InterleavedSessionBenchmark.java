package dev.reflex.orm.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link SessionBenchmark}'s two sides, ReflexSession and the ORM's own session, interleaved in one benchmark: each
 * invocation runs a block of {@value #BLOCK} operations of one side and then of the other, the order alternating,
 * and times each block. Both sides then share the JVM's compiled code, the pool, the database and the machine's
 * state down to the millisecond, so the noise that moves a whole fork by 10 to 40% on a 2-core machine falls out of
 * their ratio. JMH reports the two sums of nanoseconds per iteration ({@code reflexNanos}, {@code ownNanos}), for
 * the same number of operations each; {@code interleaved.py} takes their ratio. One thread only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 3, jvmArgsAppend = Fixture.QUIET)
public class InterleavedSessionBenchmark {
  static final int BLOCK = 50;

  @Param({"hibernate", "mybatis", "jdbi"})
  public String provider;

  @Param({"h2", "postgresql"})
  public String database;

  private final SessionBenchmark sessions = new SessionBenchmark();
  private boolean reflexFirst;

  /** The time each side took in the current iteration, in nanoseconds, summed over its blocks. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Nanos {
    public long reflexNanos;
    public long ownNanos;

    @Setup(Level.Iteration)
    public void clear() {
      reflexNanos = 0;
      ownNanos = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    sessions.provider = provider;
    sessions.database = database;
    sessions.setUp();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sessions.tearDown();
  }

  /** One block of each side, in alternating order. */
  @Benchmark
  public void interleaved(Nanos nanos, Blackhole hole) {
    reflexFirst = !reflexFirst;
    if (reflexFirst) {
      nanos.reflexNanos += reflexBlock(hole);
      nanos.ownNanos += ownBlock(hole);
    } else {
      nanos.ownNanos += ownBlock(hole);
      nanos.reflexNanos += reflexBlock(hole);
    }
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private long reflexBlock(Blackhole hole) {
    long start = System.nanoTime();
    for (int i = 0; i < BLOCK; i++) {
      hole.consume(sessions.reflexSession());
    }
    return System.nanoTime() - start;
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private long ownBlock(Blackhole hole) {
    long start = System.nanoTime();
    for (int i = 0; i < BLOCK; i++) {
      hole.consume(sessions.nativeSession());
    }
    return System.nanoTime() - start;
  }
}
