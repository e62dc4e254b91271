package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How reflex-db reads a command line before handing it on, in-process. */
class ArgumentsTest {
  @Test
  void commandIsTheFirstWordThatIsNeitherOptionNorValue() {
    Arguments arguments = Arguments.parse(new String[] {"--log-level", "fine", "--verbose", "Update", "--count", "1"});

    assertThat(arguments.command()).isEqualTo("update");
    assertThat(arguments.afterCommand()).containsExactly("--count", "1");
    assertThat(arguments.verbose()).isTrue();
  }

  @Test
  void optionsAreMatchedWithoutCaseAndDashesAsLiquibaseDoes() {
    Arguments arguments = Arguments.parse(new String[] {"update", "--changeLogFile", "x.yaml", "--URL=jdbc:h2:mem:"});

    assertThat(arguments.value("changelog-file")).isEqualTo("x.yaml");
    assertThat(arguments.value("url")).isEqualTo("jdbc:h2:mem:");
    assertThat(arguments.value("username")).isNull();
  }

  @Test
  void liquibaseLineDropsOurVerboseAndReplacesValues() {
    Arguments arguments = Arguments.parse(new String[] {"--verbose", "status", "--verbose", "--changelog-file", "./a.yaml"});

    assertThat(arguments.forLiquibase(Map.of("changelog-file", "a.yaml")))
        .containsExactly("status", "--verbose", "--changelog-file=a.yaml");
  }

  @Test
  void noCommandWhenOnlyOptionsAreGiven() {
    assertThat(Arguments.parse(new String[] {"--version"}).command()).isNull();
    assertThat(Arguments.parse(new String[] {}).command()).isNull();
  }

  @Test
  void changelogPathIsSpelledOneWay() {
    String absolute = java.nio.file.Path.of("db/x.yaml").toAbsolutePath().toString();

    assertThat(Changelog.canonical("./db/../db/x.yaml", null)).isEqualTo("db/x.yaml");
    assertThat(Changelog.canonical(absolute, null)).isEqualTo("db/x.yaml");
    assertThat(Changelog.canonical(absolute, ".")).isEqualTo("db/x.yaml");
    assertThat(Changelog.canonical("classpath:db/x.yaml", null)).isEqualTo("classpath:db/x.yaml");
    assertThat(Changelog.canonical("x.yaml", "src/main/resources")).isEqualTo("x.yaml");
  }

  @Test
  void scrubberMasksUrlsThenPasswordsWhereTheyStandAsOne() {
    Scrubber scrubber = new Scrubber().url("jdbc:x://h/db?password=p%40ss").password("e");

    assertThat(scrubber.scrub("to jdbc:x://h/db?password=p%40ss failed; user:p@ss@h, 'p@ss' rejected by reflex-db as e"))
        .isEqualTo("to jdbc:x://h/db?password=*** failed; user:***@h, '***' rejected by reflex-db as e");
  }
}
