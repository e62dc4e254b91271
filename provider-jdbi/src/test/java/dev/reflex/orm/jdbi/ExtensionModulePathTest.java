package dev.reflex.orm.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.UserApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * reflex-orm-test as a JDBI user runs it: the user's tests in a JVM of their own, run by JUnit's launcher, as a
 * named module that {@code requires dev.reflex.orm.test} (no {@code --add-opens}, no {@code --add-modules}), and
 * on the class path. Here rather than in reflex-orm-test, whose own tests use no provider.
 */
class ExtensionModulePathTest {
  private static final String MODULE_INFO = String.join("\n",
      "module app {",
      "  requires dev.reflex.orm.test;",
      "  requires org.jdbi.v3.core;",
      "  requires org.junit.platform.launcher;",
      "  opens app to org.junit.platform.commons;",
      "}");
  private static final String ITEM_TEST = String.join("\n",
      "package app;",
      "import dev.reflex.orm.test.ReflexTest;",
      "import org.jdbi.v3.core.Handle;",
      "import org.junit.jupiter.api.Assertions;",
      "import org.junit.jupiter.api.Test;",
      "@ReflexTest",
      "public class ItemTest {",
      "  @Test void first(Handle handle) { insertAndCount(handle, 1); }",
      "  @Test void second(Handle handle) { insertAndCount(handle, 2); }",
      "  static void insertAndCount(Handle handle, int id) {",
      "    handle.execute(\"insert into item (id, name) values (?, 'x')\", id);",
      "    Assertions.assertEquals(1, handle.createQuery(\"select count(*) from item\").mapTo(Integer.class).one());",
      "  }",
      "}");
  private static final String MAIN = String.join("\n",
      "package app;",
      "import org.junit.platform.engine.discovery.DiscoverySelectors;",
      "import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;",
      "import org.junit.platform.launcher.core.LauncherFactory;",
      "import org.junit.platform.launcher.listeners.SummaryGeneratingListener;",
      "public class Main {",
      "  public static void main(String[] args) {",
      "    SummaryGeneratingListener listener = new SummaryGeneratingListener();",
      "    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()",
      "        .selectors(DiscoverySelectors.selectClass(ItemTest.class)).build(), listener);",
      "    listener.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);",
      "    System.out.println(\"succeeded=\" + listener.getSummary().getTestsSucceededCount()",
      "        + \" failed=\" + listener.getSummary().getTestsFailedCount());",
      "    System.exit(listener.getSummary().getTotalFailureCount() == 0 ? 0 : 1);",
      "  }",
      "}");
  /** A modular application's own descriptor: its tests' dependencies are test-scoped, so it names none of them. */
  private static final String SUREFIRE_MODULE_INFO = String.join("\n",
      "module app {",
      "  requires dev.reflex.orm.jdbi;",
      "  exports app;",
      "}");
  private static final String ITEMS = String.join("\n",
      "package app;",
      "public final class Items {",
      "  private Items() {}",
      "}");
  /** What Surefire's booter does: runs the test classes named, from the class path. */
  private static final String LAUNCHER = MAIN.replace("package app;", "package launch;")
      .replace("selectClass(ItemTest.class)", "selectClass(args[0])");
  private static final String CHANGELOG = String.join("\n",
      "databaseChangeLog:",
      "  - changeSet:",
      "      id: 1-create-item",
      "      author: reflex-test",
      "      changes:",
      "        - createTable:",
      "            tableName: item",
      "            columns:",
      "              - column: {name: id, type: int, constraints: {primaryKey: true}}",
      "              - column: {name: name, type: varchar(100)}",
      "");

  @Test
  void usersTestsRunOnTheModulePath() {
    UserApp app = app();

    UserApp.Result run = app.runOnModulePath(path(), "app/app.Main");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.output()).contains("succeeded=2 failed=0");
  }

  /**
   * Surefire 3 on a modular application: its module (here only {@code requires dev.reflex.orm.jdbi}) and what that
   * requires on the module path, reflex-orm-test, the migrations library and JUnit on the class path, the tests
   * patched into the application's module. reflex-orm-test and the migrations library reach the API's internal
   * package from the unnamed module (they failed with {@code IllegalAccessError: class
   * dev.reflex.orm.test.internal.Templates (in unnamed module) cannot access class
   * dev.reflex.orm.internal.DatabaseUrl}).
   */
  @Test
  void usersTestsRunAsSurefireRunsAModularApplication() {
    UserApp app = app(Map.of("module-info.java", SUREFIRE_MODULE_INFO, "app/Items.java", ITEMS));
    List<Path> modulePath = UserApp.providerRuntimePath();
    List<Path> classPath = new ArrayList<>(path());
    classPath.removeAll(modulePath);

    UserApp.Result run = app.runTestsAsSurefire("app", Map.of("app/ItemTest.java", ITEM_TEST),
        Map.of("launch/Main.java", LAUNCHER), modulePath, classPath, "launch.Main", "app.ItemTest");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.output()).contains("succeeded=2 failed=0");
  }

  @Test
  void usersTestsRunOnTheClassPath() {
    UserApp app = app();

    UserApp.Result run = app.runOnClassPath(path(), "app.Main");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.output()).contains("succeeded=2 failed=0");
  }

  /** The application, with the changelog where {@code reflex-db init} writes it: in its working directory. */
  private static UserApp app() {
    return app(Map.of("module-info.java", MODULE_INFO, "app/ItemTest.java", ITEM_TEST, "app/Main.java", MAIN));
  }

  private static UserApp app(Map<String, String> sources) {
    UserApp app = new UserApp(sources);
    try {
      Path target = app.dir().resolve("db/changelog/db.changelog-master.yaml");
      Files.createDirectories(target.getParent());
      Files.writeString(target, CHANGELOG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return app;
  }

  /** This provider's runtime path, and the extension's with the JUnit engine and launcher, each once. */
  private static List<Path> path() {
    Set<Path> path = new LinkedHashSet<>(UserApp.providerRuntimePath());
    try {
      String extra = Files.readString(Path.of(System.getProperty(UserApp.CLASSPATH_FILE_PROPERTY))
          .resolveSibling("user-test-classpath.txt")).trim();
      for (String entry : extra.split(java.io.File.pathSeparator)) {
        path.add(Path.of(entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(path);
  }
}
