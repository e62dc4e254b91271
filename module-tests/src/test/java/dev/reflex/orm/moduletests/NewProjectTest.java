package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.UserApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pom docs/getting-started.md gives a new project ({@code examples/new-project}, no parent): built with the
 * rest, it runs on the module path from its own {@code target/lib}, and its versions are the build's.
 */
class NewProjectTest {
  private static final Path PROJECT = Examples.dir().resolve("new-project");

  @Test
  void theNewProjectRunsOnTheJarsItsPomCopies() throws IOException {
    List<Path> modulePath = new ArrayList<>(List.of(PROJECT.resolve("target/classes")));
    try (Stream<Path> jars = Files.list(PROJECT.resolve("target/lib"))) {
      jars.sorted().forEach(modulePath::add);
    }
    UserApp app = new UserApp(Map.of());
    UserApp.Result result = app.runJava("--module-path", UserApp.join(modulePath), "-m", "app/app.Main");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("connected: select 1 gave 1").doesNotContain("SLF4J(W)");
  }

  @Test
  void theNewProjectsVersionsAreTheBuilds() throws IOException {
    String root = Files.readString(Examples.dir().resolveSibling("pom.xml"));
    String pom = Files.readString(PROJECT.resolve("pom.xml"));
    assertThat(versionOf(pom, "reflex-orm-jdbi")).isEqualTo(value(root, "<version>([^<$]+)</version>"));
    assertThat(versionOf(pom, "slf4j-simple")).isEqualTo(value(root, "<slf4j.version>([^<]+)<"));
    assertThat(versionOf(pom, "postgresql")).isEqualTo(value(root, "<postgresql.version>([^<]+)<"));
    assertThat(versionOf(pom, "maven-dependency-plugin")).isEqualTo(versionOf(root, "maven-dependency-plugin"));
  }

  /** @return the version that follows the artifact's id, comments and spaces between them */
  private static String versionOf(String pom, String artifactId) {
    return value(pom, "<artifactId>" + artifactId + "</artifactId>(?:\\s|<!--[^>]*-->)*<version>([^<]+)</version>");
  }

  private static String value(String pom, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(pom);
    assertThat(matcher.find()).as("%s in %s", regex, pom.substring(0, Math.min(pom.length(), 200))).isTrue();
    return matcher.group(1);
  }
}
