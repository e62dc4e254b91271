package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How reflex-db reads a command line, as declared to picocli, before handing it on, in-process. */
class ArgumentsTest {
  @Test
  void commandIsTheFirstWordThatIsNeitherOptionNorValue() {
    Arguments arguments = Arguments.parse(new String[] {"--log-level", "fine", "--verbose", "Update", "--count", "1"});

    assertThat(arguments.command()).isEqualTo("update");
    assertThat(arguments.afterCommand()).containsExactly("--count", "1");
    assertThat(arguments.verbose()).isTrue();
  }

  @Test
  void liquibaseGlobalOptionsBeforeTheCommandTakeTheirValue() {
    Arguments arguments = Arguments.parse(new String[] {"--log-file", "x.log", "--databaseChangelogTableName", "LOG", "--no-such", "--contexts",
        "dev", "status"});

    assertThat(arguments.command()).isEqualTo("status");
    assertThat(arguments.forLiquibase(Map.of())).containsExactly("--no-such", "--log-file=x.log", "--databaseChangelogTableName=LOG",
        "--contexts=dev", "status");
  }

  @Test
  void optionsAreMatchedWithoutCaseAsLiquibaseDoes() {
    Arguments arguments = Arguments.parse(new String[] {"update", "--changeLogFile", "x.yaml", "--URL=jdbc:h2:mem:"});

    assertThat(arguments.value("changelog-file")).isEqualTo("x.yaml");
    assertThat(arguments.value("url")).isEqualTo("jdbc:h2:mem:");
    assertThat(arguments.value("username")).isNull();
    assertThat(arguments.forLiquibase(Map.of("url", "jdbc:h2:mem:x")))
        .containsExactly("update", "--changeLogFile=x.yaml", "--URL=jdbc:h2:mem:x");
  }

  @Test
  void valuesBeforeTheCommandAreReadToo() {
    Arguments arguments = Arguments.parse(new String[] {"--url", "sqlite:///a.db", "--password=p", "status"});

    assertThat(arguments.value("url")).isEqualTo("sqlite:///a.db");
    assertThat(arguments.value("password")).isEqualTo("p");
    assertThat(arguments.verbose()).isFalse();
  }

  @Test
  void liquibaseLineDropsOurVerboseAndReplacesValues() {
    Arguments arguments = Arguments.parse(new String[] {"--verbose", "status", "--verbose", "--changelog-file", "./a.yaml"});

    assertThat(arguments.forLiquibase(Map.of("changelog-file", "a.yaml")))
        .containsExactly("status", "--verbose", "--changelog-file=a.yaml");
  }

  @Test
  void ownOptionsCountOnlyBeforeTheCommand() {
    assertThat(Arguments.parse(new String[] {"-h"}).help()).isTrue();
    assertThat(Arguments.parse(new String[] {"--help-all"}).helpAll()).isTrue();
    assertThat(Arguments.parse(new String[] {"-v"}).version()).isTrue();
    Arguments afterCommand = Arguments.parse(new String[] {"update", "--help", "--version"});
    assertThat(afterCommand.help()).isFalse();
    assertThat(afterCommand.version()).isFalse();
    assertThat(afterCommand.afterCommand()).containsExactly("--help", "--version");
  }

  @Test
  void optionsBeforeTheCommandAreNamedForOurCommands() {
    Arguments arguments = Arguments.parse(new String[] {"--verbose", "--URL=x", "-h", "--bogus=1", "init"});

    assertThat(arguments.optionsBefore()).containsExactly("--verbose", "--url", "-h", "--bogus");
  }

  /**
   * Liquibase's global options are declared only where an option before the command needs them: a line without one
   * reads the same either way, and a line with one is read with them.
   */
  @Test
  void everyLineReadsAsWithEveryLiquibaseOptionDeclared() {
    String[][] lines = {
        {}, {"status"}, {"--url=sqlite:///a.db", "--changelog-file=a.yaml", "status"}, {"--URL", "x", "--changeLogFile", "a.yaml", "update"},
        {"--verbose", "--log-level", "fine", "Update", "--count", "1"}, {"-V"}, {"-v"}, {"--help-all"}, {"-h", "init"},
        {"--password=p", "--username", "u", "--reference-url=r", "diff", "--url", "z"}, {"--url", "--contexts", "status"},
        {"--url", "-x", "status"}, {"--contexts=dev", "status"}, {"--contexts", "dev", "status"}, {"--no-such", "status"},
        {"--log-file", "x.log", "--databaseChangelogTableName", "LOG", "--no-such", "--contexts", "dev", "status"},
        {"--verbose=true", "status"}, {"-hv"}, {"--", "status"}, {"-", "status"}, {"status", "--verbose", "--help"},
        {"--search-path", "a,b", "--defaults-file=d.properties", "--show-banner", "true", "history"}, {"--url="}, {"--url", ""},
    };
    for (String[] line : lines) {
      String quick = described(() -> Arguments.parse(line));
      String full = described(() -> Arguments.parse(line, true));

      assertThat(quick).as(String.join(" ", line)).isEqualTo(full);
    }
    assertThat(described(() -> Arguments.parse(new String[] {"--url"}))).startsWith("usage error: ");
  }

  /** @return what reflex-db reads from a command line, or the usage error it reports */
  private static String described(Supplier<Arguments> parse) {
    Arguments arguments;
    try {
      arguments = parse.get();
    } catch (CommandLine.ParameterException e) {
      return "usage error: " + e.getMessage();
    }
    StringBuilder values = new StringBuilder();
    for (String name : new String[] {"url", "username", "password", "changelog-file", "defaults-file", "search-path", "log-level",
        "show-banner", "reference-url", "log-file", "contexts"}) {
      values.append(name).append('=').append(arguments.value(name)).append(' ');
    }
    return String.join("|", arguments.all()) + "; command " + arguments.command() + " " + arguments.afterCommand() + "; verbose "
        + arguments.verbose() + arguments.verboseOption() + " help " + arguments.help() + arguments.helpAll() + " version "
        + arguments.version() + "; before " + arguments.optionsBefore() + " unknown " + arguments.unknownOptionsBefore()
        + " liquibase " + arguments.liquibaseOptionsBefore().stream().map(option -> arguments.typedBefore(option) + "=" + option.getValue()
            + "@" + LiquibaseOptions.configurationKey(option)).toList()
        + "; values " + values + "; for Liquibase " + arguments.forLiquibase(Map.of("url", "u2"));
  }

  @Test
  void anOptionWithoutItsValueIsAUsageError() {
    assertThatThrownBy(() -> Arguments.parse(new String[] {"--url"})).isInstanceOf(CommandLine.ParameterException.class);
    assertThat(ReflexDb.run(new String[] {"status", "--url"})).isEqualTo(2);
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
