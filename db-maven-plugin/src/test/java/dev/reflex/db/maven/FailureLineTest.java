package dev.reflex.db.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLineTest {
  private final List<String> log = new ArrayList<>();
  private final FailureLine lines = new FailureLine(line -> log.add("INFO " + line), line -> log.add("WARN " + line));

  @Test
  void theLastLineOfReflexDbIsTheFailureAndIsNotLogged() {
    lines.accept("Running Changeset: a::1::me");
    lines.accept("reflex-db: 1 pending changeset; run `reflex-db update` to apply them");
    assertThat(lines.finish(1)).isEqualTo("reflex-db: 1 pending changeset; run `reflex-db update` to apply them");
    assertThat(log).containsExactly("INFO Running Changeset: a::1::me");
  }

  @Test
  void anEarlierLineOfReflexDbIsAWarningInItsPlace() {
    lines.accept("reflex-db: warning: LIQUIBASE_COMMAND_URL is ignored");
    lines.accept("Running Changeset: a::1::me");
    lines.accept("reflex-db: it failed; fix it");
    assertThat(lines.finish(1)).isEqualTo("reflex-db: it failed; fix it");
    assertThat(log).containsExactly("WARN reflex-db: warning: LIQUIBASE_COMMAND_URL is ignored", "INFO Running Changeset: a::1::me");
  }

  @Test
  void onSuccessTheLastLineOfReflexDbIsOnlyAWarning() {
    lines.accept("reflex-db: another run created DATABASECHANGELOG at the same moment; trying again");
    assertThat(lines.finish(0)).isNull();
    assertThat(log).containsExactly("WARN reflex-db: another run created DATABASECHANGELOG at the same moment; trying again");
  }

  @Test
  void liquibaseWarningsAreWarnings() {
    lines.accept("WARNING: something Liquibase thinks you should know");
    assertThat(lines.finish(0)).isNull();
    assertThat(log).containsExactly("WARN WARNING: something Liquibase thinks you should know");
  }
}
