package dev.reflex.orm.benchmarks;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * ReflexSession, the ORM's own session and raw JDBC with 64 threads on the 10-connection pool, side by side in one
 * run: time is cut into phases of {@value #PHASE_MILLIS} ms, and in each phase all 64 threads run one side, the three
 * sides taking turns. A phase's throughput counts the operations begun after its first {@value #SETTLE_MILLIS} ms,
 * once the previous side's operations have drained; each round of three phases gives the three throughputs a few
 * hundred milliseconds apart, so their ratios are free of the fork-to-fork noise that separate trials carry. The
 * throughput JMH prints mixes the three sides and is not the result: the {@code PHASED} lines are, one per measured
 * iteration, with the ratios per round ({@code phased.py} makes the table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(64)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 6)
@Fork(value = 2, jvmArgsAppend = Fixture.QUIET)
public class PhasedSessionBenchmark {
  static final long PHASE_MILLIS = 300;
  static final long SETTLE_MILLIS = 30;
  private static final long PHASE_NANOS = TimeUnit.MILLISECONDS.toNanos(PHASE_MILLIS);
  private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
  private static final int MAX_PHASES = 4096;

  @Param({"hibernate", "mybatis", "jdbi"})
  public String provider;

  @Param({"h2", "postgresql"})
  public String database;

  private final SessionBenchmark sessions = new SessionBenchmark();
  private final RawJdbcBenchmark raw = new RawJdbcBenchmark();
  private final Queue<long[]> counts = new ConcurrentLinkedQueue<>();
  private volatile long start;
  private boolean measuring;

  /** One thread's count of operations begun in each phase of the current iteration. */
  @State(Scope.Thread)
  public static class Counts {
    long[] begun = new long[MAX_PHASES];

    @Setup(Level.Trial)
    public void register(PhasedSessionBenchmark benchmark) {
      benchmark.counts.add(begun);
    }

    @Setup(Level.Iteration)
    public void clear() {
      Arrays.fill(begun, 0);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    sessions.provider = provider;
    sessions.database = database;
    sessions.setUp();
    raw.database = database;
    raw.setUp();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    raw.tearDown();
    sessions.tearDown();
  }

  @Setup(Level.Iteration)
  public void beginIteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
    start = System.nanoTime();
  }

  /** Prints the throughput ratios of each complete round of this iteration: reflex/raw, own/raw, reflex/own. */
  @TearDown(Level.Iteration)
  public void endIteration() {
    if (!measuring) {
      return;
    }
    long[] total = new long[MAX_PHASES];
    for (long[] begun : counts) {
      for (int phase = 0; phase < MAX_PHASES; phase++) {
        total[phase] += begun[phase];
      }
    }
    int complete = (int) Math.min(MAX_PHASES, (System.nanoTime() - start) / PHASE_NANOS) - 1; // the last may be cut
    List<String> rounds = new ArrayList<>();
    for (int round = 0; 3 * round + 2 < complete; round++) {
      double reflex = total[3 * round];
      double own = total[3 * round + 1];
      double rawJdbc = total[3 * round + 2];
      rounds.add(String.format(Locale.ROOT, "%.4f/%.4f/%.4f", reflex / rawJdbc, own / rawJdbc, reflex / own));
    }
    System.out.println("PHASED " + provider + " " + database + " " + String.join(" ", rounds));
  }

  /** One operation of the side whose phase it is; counted for that phase unless it begins while the last drains. */
  @Benchmark
  public String phased(Counts counts) throws SQLException {
    long elapsed = System.nanoTime() - start;
    int phase = (int) Math.min(MAX_PHASES - 1, elapsed / PHASE_NANOS);
    if (elapsed % PHASE_NANOS >= SETTLE_NANOS) {
      counts.begun[phase]++;
    }
    switch (phase % 3) {
      case 0:
        return sessions.reflexSession();
      case 1:
        return sessions.nativeSession();
      default:
        return raw.rawJdbc();
    }
  }
}
