package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.UserApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Pick a provider jar", as users do it: separate JVMs on the module path ({@code java --module-path ... -m})
 * and the class path ({@code java -cp ...}), with no other flag, with one provider's jars, two, or none.
 */
class ProviderJarTest {
  private static final String PROBE_MAIN = String.join("\n",
      "package probe;",
      "import dev.reflex.orm.Reflex;",
      "public class Main {",
      "  public static void main(String[] args) {",
      "    Reflex.database().ping();",
      "    System.out.println(\"provider=\" + Reflex.database().provider());",
      "  }",
      "}");

  /** An application that names no ORM: it requires the API only, and prints the provider it got. */
  private static UserApp probe() {
    return new UserApp(Map.of(
        "module-info.java", "module probe { requires dev.reflex.orm; }",
        "probe/Main.java", PROBE_MAIN)).env("REFLEX_DB_URL", "sqlite://");
  }

  private static UserApp.Result run(UserApp app, boolean modulePath, List<Path> path) {
    return modulePath ? app.runOnModulePath(path, "probe/probe.Main") : app.runOnClassPath(path, "probe.Main");
  }

  private static List<Path> twoProviders() {
    List<Path> path = new ArrayList<>(Examples.lib("jdbi", jar -> true));
    path.addAll(Examples.lib("mybatis", jar -> jar.startsWith("reflex-orm-mybatis") || jar.startsWith("mybatis")));
    return path;
  }

  @ParameterizedTest(name = "{0} on the module path: {1}")
  @CsvSource({"hibernate, true", "hibernate, false", "mybatis, true", "mybatis, false", "jdbi, true", "jdbi, false"})
  void oneProviderJarRunsTheExampleWithItsOwnOrm(String flavour, boolean modulePath) throws Exception {
    UserApp app = new UserApp(Map.of());
    Path database = app.dir().resolve("reflex.db");
    Examples.migrate("sqlite:///" + database);
    // no REFLEX_DB_URL: the default, reflex.db in the working directory
    List<Path> runtime = Examples.runtime(flavour);
    String main = "bookshelf." + flavour + ".Main";
    UserApp.Result result = modulePath
        ? app.runJava("--module-path", UserApp.join(runtime), "-m", "bookshelf." + flavour + "/" + main, "Dune")
        : app.runJava("-cp", UserApp.join(runtime), main, "Dune");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(flavour + ": 1 Dune (written by " + flavour + ")")
        .contains("REFLEX_DB_URL is not set: using the SQLite file reflex.db in " + app.dir())
        .doesNotContain("WARN");
  }

  @ParameterizedTest(name = "module path: {0}")
  @ValueSource(booleans = {true, false})
  void noProviderJarEndsWithTheErrorNamingTheArtifacts(boolean modulePath) {
    List<Path> apiOnly = Examples.lib("jdbi", jar -> !jar.startsWith("reflex-orm-jdbi") && !jar.startsWith("jdbi3"));
    UserApp.Result result = run(probe(), modulePath, apiOnly);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("dev.reflex.orm.NoProviderException: No reflex-orm provider found on the"
        + " class path or module path: add dev.reflex:reflex-orm-hibernate, dev.reflex:reflex-orm-mybatis or"
        + " dev.reflex:reflex-orm-jdbi");
  }

  @ParameterizedTest(name = "module path: {0}")
  @ValueSource(booleans = {true, false})
  void twoProviderJarsWarnOnceAndUseOne(boolean modulePath) {
    UserApp.Result result = run(probe(), modulePath, twoProviders());
    assertThat(result.exitCode()).as(result.output()).isZero();
    String used = result.output().contains("provider=jdbi") ? "jdbi" : "mybatis";
    assertThat(result.output()).contains("provider=" + used).containsOnlyOnce("WARN")
        .contains("Several reflex-orm providers found: ").contains("jdbi (").contains("mybatis (")
        .contains("using " + used + ". Choose one with REFLEX_ORM_PROVIDER");
    if (modulePath) {
      assertThat(result.output()).contains("jdbi (module dev.reflex.orm.jdbi)")
          .contains("mybatis (module dev.reflex.orm.mybatis)");
    } else {
      assertThat(result.output()).containsPattern("jdbi \\(/\\S+/reflex-orm-jdbi-[^/]+\\.jar\\)");
    }
  }

  @ParameterizedTest(name = "{0} by environment, module path: {1}")
  @CsvSource({"jdbi, true", "mybatis, true", "jdbi, false", "mybatis, false"})
  void anExplicitChoiceByEnvironmentWinsWithoutAWarning(String provider, boolean modulePath) {
    UserApp.Result result = run(probe().env("REFLEX_ORM_PROVIDER", provider), modulePath, twoProviders());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("provider=" + provider).doesNotContain("WARN");
  }

  @ParameterizedTest(name = "{0} by system property, module path: {1}")
  @CsvSource({"jdbi, true", "mybatis, true", "jdbi, false", "mybatis, false"})
  void anExplicitChoiceBySystemPropertyWinsOverTheEnvironment(String provider, boolean modulePath) {
    UserApp app = probe().env("REFLEX_ORM_PROVIDER", "hibernate").jvmOption("-Dreflex.orm.provider=" + provider);
    UserApp.Result result = run(app, modulePath, twoProviders());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("provider=" + provider).doesNotContain("WARN");
  }

  @Test
  void anUnknownExplicitChoiceEndsWithTheProvidersFound() {
    UserApp.Result result = run(probe().env("REFLEX_ORM_PROVIDER", "hibernat"), true, twoProviders());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("dev.reflex.orm.UnknownProviderException: REFLEX_ORM_PROVIDER names the"
        + " provider \"hibernat\", which is not on the class path or module path (found: ")
        .contains("jdbi (module dev.reflex.orm.jdbi)").contains("mybatis (module dev.reflex.orm.mybatis)");
  }
}
