package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.TestDatabases;
import dev.reflex.orm.testing.UserApp;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An application configured with {@code -Dreflex.db.url=...} holding a password, run in a JVM of its own with
 * Hibernate's logging sent to slf4j-simple at DEBUG: Hibernate copies the system properties into its settings and
 * logs them when the factory starts (HHH90020001), and the password must not be among them. No
 * {@code org.jboss.logging.provider} is set: Hibernate's DEBUG lines reach slf4j-simple because the provider routes
 * jboss-logging to SLF4J (through JUL they would not show at all).
 */
class DebugLoggingTest {
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);

  private static final String MAIN = String.join("\n",
      "package app;",
      "import dev.reflex.orm.ReflexDatabase;",
      "public class Main {",
      "  public static void main(String[] args) {",
      "    try (ReflexDatabase db = ReflexDatabase.builder().provider(\"hibernate\").build()) {",
      "      db.ping();",
      "      System.out.println(\"started \" + db);",
      "    }",
      "  }",
      "}");

  @Test
  void hibernatesDebugSettingsShowNoPasswordFromTheSystemProperty() {
    // the test server trusts every local connection, so any password is accepted
    String url = TestDatabases.postgresUrl().replaceFirst("://([^:@/]+)@", "://$1:" + CANARY + "@");
    List<Path> path = new ArrayList<>(UserApp.providerRuntimePath());
    Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(jar -> jar.contains("slf4j-simple") || jar.matches(".*[/\\\\]postgresql-[^/\\\\]*\\.jar"))
        .map(Path::of).forEach(path::add);

    UserApp.Result run = new UserApp(Map.of("app/Main.java", MAIN)).jvmOption("-Dreflex.db.url=" + url)
        // no -Dorg.jboss.logging.provider=slf4j: the provider routes Hibernate's logging to SLF4J itself
        .jvmOption("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug")
        .runOnClassPath(path, "app.Main");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.output()).contains("started ReflexDatabase[provider=hibernate, url=postgresql://postgres:***@", "HHH90020001", "with settings:")
        .doesNotContain(CANARY);
    // Hibernate's "Database info" block shows reflex-orm's pool, not "undefined/unknown" on every line
    assertThat(run.output()).contains("Database JDBC URL [jdbc:postgresql://", "Pool: HikariCP ",
        "Maximum pool size: 10").doesNotContain("undefined/unknown");
  }
}
