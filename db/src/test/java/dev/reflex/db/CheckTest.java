package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reflex-db check}: exit 0 when up to date, non-zero listing what is pending. */
class CheckTest {
  @TempDir
  Path project;

  @Test
  void checkFailsListingPendingChangesetsAndPassesAfterUpdate() {
    Launcher reflexDb = new Launcher(project);
    reflexDb.run("init");

    Launcher.Result pending = reflexDb.run("check");
    assertThat(pending.exitCode()).as("%s", pending).isEqualTo(1);
    assertThat(pending.out()).contains("1 changeset is pending",
        "db/changelog/db.changelog-master.yaml::1-create-example::reflex-db");
    assertThat(pending.errLines()).singleElement().asString().startsWith("reflex-db: ").contains("reflex-db update");

    assertThat(reflexDb.run("update").exitCode()).isZero();

    Launcher.Result upToDate = reflexDb.run("check");
    assertThat(upToDate.exitCode()).as("%s", upToDate).isZero();
    assertThat(upToDate.out()).contains("Up to date");
    assertThat(upToDate.err()).isEmpty();
  }
}
