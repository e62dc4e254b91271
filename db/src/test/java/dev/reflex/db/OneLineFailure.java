package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;

/** What every failure of reflex-db looks like: one line, {@code reflex-db: what is wrong; what to do}. */
final class OneLineFailure {
  private OneLineFailure() {}

  /**
   * @param result a run that failed
   * @param canary the password the run was given, which must appear nowhere
   */
  static void check(Launcher.Result result, String canary) {
    assertThat(result.exitCode()).as("%s", result).isNotZero();
    assertThat(result.errLines()).as("%s", result).hasSize(1);
    assertThat(result.errLines().get(0)).startsWith("reflex-db: ").contains("; ");
    assertThat(result.all()).doesNotContain(canary).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }
}
