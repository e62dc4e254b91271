package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.UserApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's application that tunes the pool: {@code PoolConfigurer}s declared in its module (or in
 * {@code META-INF/services}) and passed to the builder, run in a JVM of its own on the module path and on the class
 * path, with no flag: the application's module requires {@code dev.reflex.orm} only and reads HikariCP through it.
 */
class PoolConfigurerAppTest {
  private static final String CONFIGURER = String.join("\n",
      "package probe;",
      "import com.zaxxer.hikari.HikariConfig;",
      "import dev.reflex.orm.PoolConfigurer;",
      "public class %s implements PoolConfigurer {",
      "  @Override public void configure(HikariConfig config) {",
      "    System.out.println(\"%s ran on \" + config.getPoolName() + \", leakDetectionThreshold=\"",
      "        + config.getLeakDetectionThreshold());",
      "    config.setLeakDetectionThreshold(%d);",
      "  }",
      "}");

  private static final String MAIN = String.join("\n",
      "package probe;",
      "import com.zaxxer.hikari.HikariDataSource;",
      "import dev.reflex.orm.ReflexDatabase;",
      "import dev.reflex.orm.ReflexSession;",
      "public class Main {",
      "  public static void main(String[] args) throws Exception {",
      "    try (ReflexDatabase db = ReflexDatabase.builder().configure(new Passed()).build()) {",
      "      try (ReflexSession session = db.session()) {",
      "        session.unwrap(java.sql.Connection.class); // the session takes its connection at its first unwrap",
      "        Thread.sleep(3500); // held past the threshold: HikariCP reports the leak",
      "      }",
      "      System.out.println(\"pool leakDetectionThreshold=\"",
      "          + ((HikariDataSource) db.dataSource()).getLeakDetectionThreshold());",
      "    }",
      "  }",
      "}");

  @ParameterizedTest(name = "module path: {0}")
  @ValueSource(booleans = {true, false})
  void declaredConfigurersRunFirstThenThePassedOnesOnceEachAndHikariCpActsOnThem(boolean modulePath) {
    UserApp app = new UserApp(Map.of(
        "module-info.java", "module probe { requires dev.reflex.orm;"
            + " provides dev.reflex.orm.PoolConfigurer with probe.Declared, probe.Passed; }",
        "META-INF/services/dev.reflex.orm.PoolConfigurer", "probe.Declared\nprobe.Passed\n",
        "probe/Declared.java", String.format(CONFIGURER, "Declared", "declared", 60_000),
        "probe/Passed.java", String.format(CONFIGURER, "Passed", "passed", 2_000),
        "probe/Main.java", MAIN)).env("REFLEX_DB_URL", "sqlite:///app.db");
    List<Path> path = Examples.lib("jdbi", jar -> true);
    UserApp.Result result = modulePath ? app.runOnModulePath(path, "probe/probe.Main")
        : app.runOnClassPath(path, "probe.Main");
    assertThat(result.exitCode()).as(result.output()).isZero();
    // Passed is both declared and passed: it runs once, as passed, after the declared Declared
    assertThat(result.output()).containsOnlyOnce("declared ran on reflex-").containsOnlyOnce("passed ran on reflex-")
        .contains(", leakDetectionThreshold=60000")
        .containsSubsequence("declared ran on reflex-", "passed ran on reflex-",
            "Connection leak detection triggered for ", "pool leakDetectionThreshold=2000")
        .doesNotContain("IllegalAccess").doesNotContain("add-opens");
  }
}
