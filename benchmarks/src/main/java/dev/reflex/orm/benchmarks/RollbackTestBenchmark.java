package dev.reflex.orm.benchmarks;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.internal.UrlParser;
import dev.reflex.orm.test.Isolation;
import dev.reflex.orm.test.internal.ClassState;
import dev.reflex.orm.test.internal.Copy;
import dev.reflex.orm.test.internal.LeakCheck;
import dev.reflex.orm.test.internal.Template;
import dev.reflex.orm.test.internal.TestSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What {@code ROLLBACK} adds to a test: one test's work (a session, one insert, closed without a commit)
 * through the extension's per-test cycle (before, session, rollback, leak check, after) against the same work
 * on a {@code ReflexDatabase} of its own. The difference is the extension's cost per test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Fixture.QUIET)
public class RollbackTestBenchmark {
  @Param({"sqlite", "postgresql"})
  public String database;

  private Template template;
  private ClassState extension;
  private Copy plainCopy;
  private ReflexDatabase plain;

  @Setup
  public void setUp() {
    template = Template.create(database.equals("sqlite") ? null : UrlParser.parse(Fixture.url("postgresql")),
        Migrations.of(FreshDatabaseBenchmark.CHANGELOG));
    extension = new ClassState(new TestSettings(Isolation.ROLLBACK, null, List.of(), List.of(), "jdbi", null),
        template);
    // the same kind of database, outside the extension: a second copy of the template, on a pool of its own
    plainCopy = template.copy();
    plain = ReflexDatabase.builder().dataSource(plainCopy.pool()).provider("jdbi").build();
  }

  @TearDown
  public void tearDown() {
    plain.close();
    plainCopy.close();
    extension.close();
    template.close();
  }

  /** One ROLLBACK test, as the extension runs it. */
  @Benchmark
  public int extensionTest() {
    extension.beforeTest();
    int rows;
    try (ReflexSession session = extension.database().session()) {
      rows = work(session);
    }
    LeakCheck.afterTest(extension.dataSource(), RollbackTestBenchmark.class, "extensionTest()");
    extension.afterTest();
    return rows;
  }

  /** The same work, with no extension. */
  @Benchmark
  public int plainSession() {
    try (ReflexSession session = plain.session()) {
      return work(session);
    }
  }

  private static int work(ReflexSession session) {
    return session.unwrap(Handle.class).execute("insert into bench_1 (id, name) values (1, 'one')");
  }
}
