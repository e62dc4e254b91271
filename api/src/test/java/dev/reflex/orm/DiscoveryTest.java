package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Provider discovery as users meet it: the API and real provider modules, compiled from source, loaded in a
 * {@link ModuleLayer} (the module path) and in an isolated class loader (the class path).
 */
class DiscoveryTest {
  enum Path_ { MODULE_PATH, CLASS_PATH }

  @TempDir static Path dir;
  private static Path alpha;
  private static Path beta;
  private static Path broken;
  private static Path probe;

  /** The result of one probe run: what it returned and what it logged. */
  record Outcome(String result, String log) {}

  @BeforeAll
  static void compileModules() {
    alpha = SourceModules.compile(dir.resolve("alpha"), SourceModules.provider("alpha", false));
    beta = SourceModules.compile(dir.resolve("beta"), SourceModules.provider("beta", false));
    broken = SourceModules.compile(dir.resolve("broken"), SourceModules.provider("broken", true));
    probe = SourceModules.compile(dir.resolve("probe"), SourceModules.probe());
  }

  @AfterEach
  void clearChoice() {
    System.clearProperty("reflex.orm.provider");
  }

  private static Outcome run(Path_ path, Path... providers) throws Exception {
    List<Path> paths = new ArrayList<>(SourceModules.runtime());
    paths.add(probe);
    paths.addAll(List.of(providers));
    ClassLoader loader;
    if (path == Path_.MODULE_PATH) {
      ModuleFinder finder = ModuleFinder.of(paths.toArray(Path[]::new));
      Configuration configuration =
          ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("test.probe"));
      ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
          ClassLoader.getPlatformClassLoader());
      loader = layer.findLoader("test.probe");
    } else {
      List<URL> urls = new ArrayList<>();
      for (Path p : paths) {
        urls.add(p.toUri().toURL());
      }
      loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      Object result = Class.forName("test.probe.Probe", true, loader).getMethod("run").invoke(null);
      return new Outcome((String) result, log.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
      thread.setContextClassLoader(context);
    }
  }

  @ParameterizedTest
  @EnumSource(Path_.class)
  void noProviderNamesTheArtifactsAndTheRequiresLine(Path_ path) throws Exception {
    Outcome outcome = run(path);
    assertThat(outcome.result()).isEqualTo("NoProviderException: No reflex-orm provider found on the class path"
        + " or module path: add dev.reflex:reflex-orm-hibernate, dev.reflex:reflex-orm-mybatis or"
        + " dev.reflex:reflex-orm-jdbi (on the module path, also add 'requires dev.reflex.orm.hibernate;' or"
        + " dev.reflex.orm.mybatis or dev.reflex.orm.jdbi to your module-info.java)");
  }

  @ParameterizedTest
  @EnumSource(Path_.class)
  void oneProviderIsUsedWithoutAWord(Path_ path) throws Exception {
    Outcome outcome = run(path, alpha);
    assertThat(outcome.result()).isEqualTo("provider=alpha");
    assertThat(outcome.log()).doesNotContain("WARN");
  }

  @ParameterizedTest
  @EnumSource(Path_.class)
  void severalProvidersGiveOneWarningNamingEachAndTheOneUsed(Path_ path) throws Exception {
    Outcome outcome = run(path, alpha, beta);
    String used = outcome.result().substring("provider=".length());
    assertThat(used).isIn("alpha", "beta");
    String where = path == Path_.MODULE_PATH ? "module test.alpha" : alpha.toString();
    assertThat(outcome.log()).containsOnlyOnce("WARN").contains("Several reflex-orm providers found: ")
        .contains("alpha (" + where + ")").contains("using " + used + ". Choose one with REFLEX_ORM_PROVIDER,"
            + " -Dreflex.orm.provider or ReflexDatabase.builder().provider(name), or keep one provider jar");
  }

  @ParameterizedTest
  @EnumSource(Path_.class)
  void anExplicitChoiceBySystemPropertyWinsSilently(Path_ path) throws Exception {
    System.setProperty("reflex.orm.provider", "beta");
    Outcome outcome = run(path, alpha, beta);
    assertThat(outcome.result()).isEqualTo("provider=beta");
    assertThat(outcome.log()).doesNotContain("WARN");
  }

  @ParameterizedTest
  @EnumSource(Path_.class)
  void anUnknownExplicitChoiceListsWhatWasFound(Path_ path) throws Exception {
    System.setProperty("reflex.orm.provider", "gamma");
    Outcome outcome = run(path, alpha);
    String where = path == Path_.MODULE_PATH ? "module test.alpha" : alpha.toString();
    assertThat(outcome.result()).isEqualTo("UnknownProviderException: system property reflex.orm.provider names"
        + " the provider \"gamma\", which is not on the class path or module path (found: alpha (" + where
        + ")): set it to one of those, or add the jar of the provider \"gamma\"");
  }

  @ParameterizedTest
  @EnumSource(Path_.class)
  void aProviderThatThrowsWhileLoadingIsReportedAndSkipped(Path_ path) throws Exception {
    Outcome outcome = run(path, broken, alpha);
    assertThat(outcome.result()).isEqualTo("provider=alpha");
    assertThat(outcome.log()).contains("WARN").contains("Skipped a reflex-orm provider that failed to load")
        .contains("test.broken.Provider").contains("broken on purpose");
  }

  @Test
  void theApiModuleExportsExactlyItsTwoPackages() {
    ModuleFinder finder = ModuleFinder.of(SourceModules.runtime().toArray(Path[]::new));
    var descriptor = finder.find("dev.reflex.orm").orElseThrow().descriptor();
    assertThat(descriptor.exports()).filteredOn(e -> !e.isQualified())
        .extracting(e -> e.source()).containsExactlyInAnyOrder("dev.reflex.orm", "dev.reflex.orm.spi");
    assertThat(descriptor.exports()).filteredOn(e -> e.isQualified())
        .extracting(e -> e.source() + " to " + new TreeSet<>(e.targets())).containsExactlyInAnyOrder(
            // the URL parser, the pool set-up and the masking helper, for reflex-db and the test extension
            "dev.reflex.orm.internal to [dev.reflex.db, dev.reflex.orm.migrations, dev.reflex.orm.test]",
            // Transactions and the one rule for a lost connection, for the three providers only
            "dev.reflex.orm.internal.jdbc to [dev.reflex.orm.hibernate, dev.reflex.orm.jdbi, dev.reflex.orm.mybatis]");
    // ChangelogStatus: reflex-orm-migrations, when present, counts the changesets a database has not run
    assertThat(descriptor.uses()).containsExactlyInAnyOrder("dev.reflex.orm.spi.ReflexProvider", "java.sql.Driver",
        "dev.reflex.orm.PoolConfigurer", "dev.reflex.orm.spi.ChangelogStatus");
    // the API shows HikariConfig (PoolConfigurer): a user's module reads HikariCP without requiring it
    assertThat(descriptor.requires()).filteredOn(r -> r.name().equals("com.zaxxer.hikari"))
        .extracting(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)).containsExactly(true);
  }
}
